import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.filtersets import RegistryFilterSet
from goals.models import CommunityGroup, Goal
from partnerships.choices import ContributionKind

from .choices import CallStatus, EoiStatus
from .models import CallForPartners, ExpressionOfInterest, Offer


class CallFilterSet(RegistryFilterSet):
    search_fields = ("title", "description", "territory")

    status = django_filters.MultipleChoiceFilter(choices=CallStatus.choices, label=_("Status"))
    lead_body = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.public_bodies(), label=_("Lead body")
    )
    territory = django_filters.CharFilter(
        lookup_expr="iexact", label=_("Territory"), max_length=120
    )
    goal = django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(), method="filter_goal", label=_("Goal")
    )
    contribution_kind = django_filters.MultipleChoiceFilter(
        choices=ContributionKind.choices,
        method="filter_contribution_kind",
        label=_("Contribution kind sought"),
    )
    ordering = django_filters.OrderingFilter(
        fields=(("closes_at", "closes_at"), ("opens_on", "opens_on"), ("title", "title"),
                ("id", "id")),
        label=_("Sort by"),
    )

    class Meta:
        model = CallForPartners
        fields = ["status", "lead_body"]

    def filter_goal(self, queryset, name, value):
        through = CallForPartners.goals.through
        return queryset.filter(
            pk__in=through.objects.filter(goal=value).values("callforpartners_id")
        )

    def filter_contribution_kind(self, queryset, name, value):
        # The kinds are a JSON list of fixed slugs: matching the quoted slug in its text works
        # the same on PostgreSQL and SQLite.
        condition = None
        for kind in value:
            match = Q(contribution_kinds__icontains=f'"{kind}"')
            condition = match if condition is None else condition | match
        return queryset.filter(condition) if condition is not None else queryset


class EoiFilterSet(RegistryFilterSet):
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
    goal = django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(), method="filter_goal", label=_("Goal of interest")
    )
    community_group = django_filters.ModelChoiceFilter(
        queryset=CommunityGroup.objects.all(),
        to_field_name="code",
        method="filter_community_group",
        label=_("Community group reached"),
    )
    contribution_kind = django_filters.MultipleChoiceFilter(
        choices=ContributionKind.choices,
        method="filter_contribution_kind",
        label=_("Contribution kind offered"),
    )
    ordering = django_filters.OrderingFilter(
        fields=(("submitted_at", "submitted"), ("created_at", "created"), ("title", "title"),
                ("id", "id")),
        label=_("Sort by"),
    )

    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "call", "body", "organisation"]

    def _through(self, field, **conditions):
        through = ExpressionOfInterest._meta.get_field(field).remote_field.through
        return through.objects.filter(**conditions).values("expressionofinterest_id")

    def filter_goal(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("goals", goal=value))

    def filter_community_group(self, queryset, name, value):
        return queryset.filter(pk__in=self._through("community_groups", communitygroup=value))

    def filter_contribution_kind(self, queryset, name, value):
        return queryset.filter(
            pk__in=Offer.objects.filter(kind__in=value).values("expression_of_interest_id")
        )
