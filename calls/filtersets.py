import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet, SortFilter
from goals.filtersets import CommunityGroupFilter, GoalFilter, GoalLinkFilters
from partnerships.choices import ContributionKind

from .choices import CallStatus, EoiStatus
from .models import CallForPartners, ExpressionOfInterest, Offer


class CallFilterSet(GoalLinkFilters, RegistryFilterSet):
    search_fields = ("title", "description", "territory")

    status = django_filters.MultipleChoiceFilter(choices=CallStatus.choices, label=_("Status"))
    lead_body = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.public_bodies(), label=_("Lead body")
    )
    territory = django_filters.CharFilter(
        lookup_expr="iexact", label=_("Territory"), max_length=120
    )
    goal = GoalFilter(label=_("Goal"))
    contribution_kind = ChoicesFilter(
        ContributionKind, method="filter_contribution_kind", label=_("Contribution kind sought")
    )
    ordering = SortFilter(
        ("closes_at", "closes_at"), ("opens_on", "opens_on"), ("title", "title"), ("id", "id")
    )

    class Meta:
        model = CallForPartners
        fields = ["status", "lead_body"]

    def filter_contribution_kind(self, queryset, name, value):
        # The kinds are a JSON list of fixed slugs: matching the quoted slug in its text works
        # the same on PostgreSQL and SQLite.
        condition = None
        for kind in value:
            match = Q(contribution_kinds__icontains=f'"{kind}"')
            condition = match if condition is None else condition | match
        return queryset.filter(condition) if condition is not None else queryset


class EoiFilterSet(GoalLinkFilters, RegistryFilterSet):
    search_fields = ("title", "summary", "organisation__name")

    status = django_filters.MultipleChoiceFilter(choices=EoiStatus.choices, label=_("Status"))
    call = django_filters.ModelChoiceFilter(
        queryset=CallForPartners.objects.all(), label=_("Call for partners")
    )
    spontaneous = django_filters.BooleanFilter(
        field_name="call", lookup_expr="isnull", label=_("Spontaneous")
    )
    body = django_filters.ModelChoiceFilter(
        field_name="public_body",
        queryset=Organisation.objects.public_bodies(),
        label=_("Addressed to"),
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    goal = GoalFilter(label=_("Goal of interest"))
    community_group = CommunityGroupFilter(label=_("Community group reached"))
    contribution_kind = ChoicesFilter(
        ContributionKind, method="filter_contribution_kind", label=_("Contribution kind offered")
    )
    ordering = SortFilter(
        ("submitted_at", "submitted"), ("created_at", "created"), ("title", "title"), ("id", "id")
    )

    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "call", "body", "organisation"]

    def filter_contribution_kind(self, queryset, name, value):
        return queryset.filter(
            pk__in=Offer.objects.filter(kind__in=value).values("expression_of_interest_id")
        )
