import datetime
import functools
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django_filters import (
    BooleanFilter,
    ChoiceFilter,
    DateFilter,
    DateFromToRangeFilter,
    ModelChoiceFilter,
    MultipleChoiceFilter,
    OrderingFilter,
)
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions

INTEGER = re.compile(r"-?\d+")
NOT_EMPTY = re.compile(r".+", re.DOTALL)
BOOLEAN = re.compile(r"true|false")
ORDERING = re.compile(r"[^,]+(?:,[^,]+)*")


def _is_iso_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class RegistryFilterBackend(DjangoFilterBackend):
    """The app's FilterSets applied to API lists, parsed as strictly as the schema types them.

    The pages' forms are lenient (``03/01/2025`` is a date, an empty choice means "any"); an API
    client gets 400 instead, so that a typo is never silently ignored: dates are ``YYYY-MM-DD``,
    ids are integers, and choices, ids and dates may not be empty.

    A well-formed reference to an object that does not exist (``?lead_body=99999``) answers an
    empty list rather than 400: the filter asks "rows linked to this object", and the answer is
    "none".
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        # A FilterSet copies every filter and builds a form field for each, which costs more than
        # a page of rows: only the filters the request names are built.
        names = self._mentioned(filterset_class, request.query_params)
        if not names:
            return queryset
        filterset = _restricted_to(filterset_class, names)(
            **self.get_filterset_kwargs(request, queryset, view)
        )
        self.check_formats(filterset)
        if filterset.is_valid():
            return filterset.qs
        if all(self._unknown_reference(filterset, name) for name in filterset.errors):
            return queryset.none()
        raise filter_utils.translate_validation(filterset.errors)

    @staticmethod
    def _mentioned(filterset_class, params) -> frozenset:
        """The filters the query parameters belong to (``starts_on_after`` to ``starts_on``)."""
        filters = filterset_class.base_filters
        return frozenset(
            name for name in (*params, *(p.rpartition("_")[0] for p in params)) if name in filters
        )

    def check_formats(self, filterset):
        errors = {}
        for name, filter_ in filterset.filters.items():
            for parameter, valid, message in self._formats(name, filter_):
                for value in filterset.data.getlist(parameter):
                    if not valid(value):
                        errors.setdefault(parameter, []).append(message)
        if errors:
            raise exceptions.ValidationError(errors)

    @staticmethod
    def _formats(name, filter_):
        """(query parameter, check, message) for each parameter of ``filter_`` with a strict form."""
        date = _("Enter a valid date as YYYY-MM-DD.")
        if isinstance(filter_, DateFromToRangeFilter):
            return [(f"{name}_after", _is_iso_date, date), (f"{name}_before", _is_iso_date, date)]
        if isinstance(filter_, DateFilter):
            return [(name, _is_iso_date, date)]
        if isinstance(filter_, BooleanFilter):
            return [(name, BOOLEAN.fullmatch, _("Use true or false."))]
        if isinstance(filter_, ModelChoiceFilter) and isinstance(key_field(filter_), models.IntegerField):
            return [(name, INTEGER.fullmatch, _("Enter a whole number."))]
        # ``ordering=`` would read as no field at all or as one empty field (the schema's
        # comma-separated array cannot tell them apart): it names at least one field, and no
        # empty one, or it is left out for the default order.
        if isinstance(filter_, OrderingFilter):
            return [(name, ORDERING.fullmatch, _("Name one or more fields, separated by commas."))]
        if isinstance(filter_, ChoiceFilter | MultipleChoiceFilter):
            return [(name, NOT_EMPTY.fullmatch, _("Choose a value."))]
        return []

    @staticmethod
    def _unknown_reference(filterset, name) -> bool:
        filter_ = filterset.filters.get(name)
        if not isinstance(filter_, ModelChoiceFilter):
            return False
        raw = filterset.data.get(name)
        if raw is None or "\x00" in raw:
            return False
        try:
            key_field(filter_).to_python(raw)
        except ValidationError:
            return False
        return True


@functools.lru_cache(maxsize=512)
def _restricted_to(filterset_class, names: frozenset):
    """A subclass of ``filterset_class`` with only the filters ``names``."""
    subclass = type(filterset_class.__name__, (filterset_class,), {"__module__": __name__})
    subclass.base_filters = {
        name: filter_ for name, filter_ in filterset_class.base_filters.items() if name in names
    }
    return subclass


def key_field(filter_):
    """The field a ModelChoiceFilter's values name: the target's primary key or ``to_field_name``."""
    model = filter_.queryset.model
    to_field = filter_.extra.get("to_field_name")
    return model._meta.get_field(to_field) if to_field else model._meta.pk
