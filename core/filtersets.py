"""Shared pieces of the FilterSets that serve both the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .search import text_search


class RegistryFilterSet(django_filters.FilterSet):
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
