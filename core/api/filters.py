from django.core.exceptions import ValidationError
from django_filters import ModelChoiceFilter
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend


class RegistryFilterBackend(DjangoFilterBackend):
    """The app's FilterSets applied to API lists, with one difference from the pages' forms.

    A well-formed reference to an object that does not exist (``?lead_body=99999`` when there is
    no such public body) answers an empty list rather than 400: the filter asks "rows linked to
    this object", and the answer is "none". Malformed values (``?lead_body=abc``), unknown choices
    and bad dates are still refused with 400.
    """

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if filterset.is_valid():
            return filterset.qs
        if all(self._unknown_reference(filterset, name) for name in filterset.errors):
            return queryset.none()
        raise filter_utils.translate_validation(filterset.errors)

    @staticmethod
    def _unknown_reference(filterset, name) -> bool:
        filter_ = filterset.filters.get(name)
        if type(filter_) is not ModelChoiceFilter:
            return False
        model = filter_.queryset.model if filter_.queryset is not None else None
        if model is None:
            return False
        key_field = model._meta.get_field(filter_.extra.get("to_field_name") or model._meta.pk.name)
        raw = filterset.data.get(name)
        if raw is None or "\x00" in raw:
            return False
        try:
            key_field.to_python(raw)
        except ValidationError:
            return False
        return True
