"""Shared pieces of the FilterSets that serve both the pages and the API."""

import django_filters
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from .access import Action
from .search import text_search


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """Any of the values of a ``TextChoices`` class. It filters on a field of the object or of
    an object it points to, or through a subquery: none repeats a row, so no ``DISTINCT``."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices.choices, distinct=False, **kwargs)


class SortFilter(django_filters.OrderingFilter):
    """The ``ordering`` parameter of a list, by the ``fields`` given as (field, value) pairs."""

    def __init__(self, *fields):
        super().__init__(fields=fields, label=_("Sort by"))


class VisibleChoicesFilterSet(django_filters.FilterSet):
    """A FilterSet whose choices from the database are only what the requesting user may see:
    the same ``restrict(user, "view")`` as the list it filters, so that a drop-down (on a page or
    in the browsable API) never names a draft or an unverified organisation to someone who may
    not see it. A value outside the choices is one that "does not exist"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None) or AnonymousUser()
        for filter_ in self.filters.values():
            queryset = getattr(filter_, "queryset", None)
            if queryset is None or callable(queryset):
                continue
            if hasattr(queryset, "restrict"):
                filter_.queryset = queryset & queryset.model._default_manager.restrict(
                    user, Action.VIEW
                )


class RegistryFilterSet(VisibleChoicesFilterSet):
    """A FilterSet with a ``q`` free-text filter over ``search_fields``; on PostgreSQL, a model
    that stores its search vector names the column in ``search_vector_field``."""

    search_fields: tuple[str, ...] = ()
    search_vector_field: str | None = None

    q = django_filters.CharFilter(
        method="filter_q", label=_("Search"), max_length=200,
        help_text=_("Words to look for; every word must match."),
    )

    def filter_q(self, queryset, name, value):
        return text_search(queryset, self.search_fields, value, self.search_vector_field)

    def linked(self, field: str, **conditions):
        """The ids of the rows linked through the many-to-many ``field`` to objects matching
        ``conditions``, as a subquery for ``pk__in``: no row repeats, so no ``DISTINCT``."""
        relation = self._meta.model._meta.get_field(field)
        links = relation.remote_field.through.objects.filter(**conditions)
        return links.values(f"{relation.m2m_field_name()}_id")
