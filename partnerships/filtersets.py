import django_filters
from django.utils.translation import gettext_lazy as _

from actors.choices import Sector
from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet, SortFilter
from goals.choices import Area, Horizon
from goals.filtersets import CommunityGroupFilter, GoalFilter, GoalLinkFilters

from .choices import (
    DOCUMENT_LANGUAGES,
    ContributionKind,
    DocumentKind,
    DocumentVisibility,
    Role,
    RuleCategory,
    Status,
)
from .models import Contribution, Document, Partnership, Party, Rule


class PartnershipFilter(django_filters.ModelChoiceFilter):
    """The partnership the rows belong to."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Partnership.objects.all(), label=_("Partnership"), **kwargs)


def _contributions_of_kinds(kinds, column: str):
    """``column`` of the contributions of any of ``kinds``, as a subquery."""
    return Contribution.objects.filter(kind__in=kinds).values(column)


class PartnershipFilterSet(GoalLinkFilters, RegistryFilterSet):
    """Filters on partnerships; to-many filters use subqueries so rows are never duplicated, and
    no filter asks for DISTINCT (which would make PostgreSQL build every matching row, with its
    goals and groups, before taking a page)."""

    # What the stored search_vector holds (the app's first migration), for other databases' fallback.
    search_fields = (
        "title", "summary", "territory", "parties__organisation__name", "goals__title",
        "community_groups__name_en", "community_groups__name_fr",
    )
    search_vector_field = "search_vector"

    status = ChoicesFilter(Status, label=_("Status"))
    lead_body = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.public_bodies(), label=_("Lead body")
    )
    country = django_filters.CharFilter(
        field_name="lead_body__country", lookup_expr="iexact", label=_("Country"), max_length=2
    )
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)
    goal = GoalFilter(label=_("Goal"))
    area = ChoicesFilter(Area, method="filter_goal_area", label=_("Goal area"))
    horizon = ChoicesFilter(Horizon, method="filter_goal_horizon", label=_("Goal horizon"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), method="filter_organisation", label=_("Party")
    )
    sector = ChoicesFilter(Sector, method="filter_party_sector", label=_("Party sector"))
    role = ChoicesFilter(Role, method="filter_role", label=_("Role"))
    contribution_kind = ChoicesFilter(
        ContributionKind, method="filter_contribution_kind", label=_("Contribution kind")
    )
    community_group = CommunityGroupFilter(label=_("Community group served"))
    starts_on = django_filters.DateFromToRangeFilter(label=_("Starts between"))
    ends_on = django_filters.DateFromToRangeFilter(label=_("Ends between"))
    next_review_on = django_filters.DateFromToRangeFilter(label=_("Next review between"))
    ordering = SortFilter(
        ("title", "title"),
        ("starts_on", "starts_on"),
        ("ends_on", "ends_on"),
        ("next_review_on", "next_review_on"),
        ("created_at", "created"),
        ("id", "id"),
    )

    class Meta:
        model = Partnership
        fields = ["status", "lead_body"]

    def filter_goal_area(self, queryset, name, value):
        return queryset.filter(pk__in=self.linked("goals", goal__area__in=value))

    def filter_goal_horizon(self, queryset, name, value):
        return queryset.filter(pk__in=self.linked("goals", goal__horizon__in=value))

    def _parties(self, **conditions):
        return Party.objects.filter(**conditions).values("partnership_id")

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(pk__in=self._parties(organisation=value))

    def filter_party_sector(self, queryset, name, value):
        return queryset.filter(pk__in=self._parties(organisation__sector__in=value))

    def filter_role(self, queryset, name, value):
        return queryset.filter(pk__in=self._parties(role__in=value))

    def filter_contribution_kind(self, queryset, name, value):
        return queryset.filter(pk__in=_contributions_of_kinds(value, "party__partnership_id"))


class PartyFilterSet(RegistryFilterSet):
    search_fields = ("organisation__name", "responsibilities")

    partnership = PartnershipFilter()
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    role = ChoicesFilter(Role, label=_("Role"))
    sector = ChoicesFilter(Sector, field_name="organisation__sector", label=_("Sector"))
    status = ChoicesFilter(Status, field_name="partnership__status", label=_("Partnership status"))
    contribution_kind = ChoicesFilter(
        ContributionKind, method="filter_contribution_kind", label=_("Contribution kind")
    )

    class Meta:
        model = Party
        fields = ["partnership", "organisation", "role"]

    def filter_contribution_kind(self, queryset, name, value):
        return queryset.filter(pk__in=_contributions_of_kinds(value, "party_id"))


class RuleFilterSet(RegistryFilterSet):
    search_fields = ("title", "text")

    partnership = PartnershipFilter()
    category = ChoicesFilter(RuleCategory, label=_("Category"))

    class Meta:
        model = Rule
        fields = ["partnership", "category"]


class ContributionFilterSet(RegistryFilterSet):
    search_fields = ("description",)

    party = django_filters.ModelChoiceFilter(queryset=Party.objects.all(), label=_("Party"))
    partnership = PartnershipFilter(field_name="party__partnership")
    organisation = django_filters.ModelChoiceFilter(
        field_name="party__organisation", queryset=Organisation.objects.all(),
        label=_("Organisation"),
    )
    kind = ChoicesFilter(ContributionKind, label=_("Kind"))
    currency = django_filters.CharFilter(lookup_expr="iexact", label=_("Currency"), max_length=3)

    class Meta:
        model = Contribution
        fields = ["party", "kind"]


class DocumentFilterSet(RegistryFilterSet):
    search_fields = ("title", "original_name", "partnership__title")

    partnership = PartnershipFilter()
    kind = ChoicesFilter(DocumentKind, label=_("Kind"))
    visibility = ChoicesFilter(DocumentVisibility, label=_("Visibility"))
    language = django_filters.MultipleChoiceFilter(
        distinct=False, choices=DOCUMENT_LANGUAGES, label=_("Language")
    )
    issued_on = django_filters.DateFromToRangeFilter(label=_("Dated between"))
    ordering = SortFilter(("issued_on", "issued_on"), ("title", "title"), ("uploaded_at", "uploaded"))

    class Meta:
        model = Document
        fields = ["partnership", "kind", "visibility", "language"]
