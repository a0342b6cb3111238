import django_filters
from django.utils.translation import gettext_lazy as _

from core.filtersets import ChoicesFilter, RegistryFilterSet, SortFilter

from .choices import OrganisationKind, Sector, VerificationStatus
from .identifiers import SCHEME_CHOICES
from .models import Organisation


class OrganisationFilterSet(RegistryFilterSet):
    search_fields = ("name", "identifier", "territory", "description")

    sector = ChoicesFilter(Sector, label=_("Sector"))
    kind = ChoicesFilter(OrganisationKind, label=_("Kind"))
    verification_status = ChoicesFilter(VerificationStatus, label=_("Verification"))
    identifier_scheme = django_filters.ChoiceFilter(
        choices=SCHEME_CHOICES, label=_("Identifier scheme")
    )
    identifier = django_filters.CharFilter(label=_("Identifier"), max_length=64)
    country = django_filters.CharFilter(
        label=_("Country"), method="filter_country", max_length=2
    )
    territory = django_filters.CharFilter(
        field_name="territory", lookup_expr="iexact", label=_("Territory"), max_length=120
    )
    ordering = SortFilter(("name", "name"), ("country", "country"), ("created_at", "created"), ("id", "id"))

    class Meta:
        model = Organisation
        fields = ["sector", "kind", "verification_status", "identifier_scheme", "identifier"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())
