import django_filters
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet, VisibleChoicesFilterSet

from .choices import Area, Horizon, Priority
from .models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy


class StrategyFilterSet(RegistryFilterSet):
    search_fields = ("title", "summary", "territory")

    owner = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.public_bodies(), label=_("Owner body")
    )
    country = django_filters.CharFilter(
        field_name="owner__country", lookup_expr="iexact", label=_("Country"), max_length=2
    )
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)
    starts_on = django_filters.DateFromToRangeFilter(label=_("Starts between"))
    ends_on = django_filters.DateFromToRangeFilter(label=_("Ends between"))
    ordering = django_filters.OrderingFilter(
        fields=(("title", "title"), ("starts_on", "starts_on"), ("id", "id")),
        label=_("Sort by"),
    )

    class Meta:
        model = SafetyStrategy
        fields = ["owner"]


class GoalFilterSet(RegistryFilterSet):
    search_fields = ("title", "description", "territory")

    strategy = django_filters.ModelChoiceFilter(
        queryset=SafetyStrategy.objects.all(), label=_("Strategy")
    )
    owner = django_filters.ModelChoiceFilter(
        field_name="strategy__owner",
        queryset=Organisation.objects.public_bodies(),
        label=_("Owner body"),
    )
    area = ChoicesFilter(Area, label=_("Area"))
    horizon = ChoicesFilter(Horizon, label=_("Horizon"))
    priority = ChoicesFilter(Priority, label=_("Priority"))
    country = django_filters.CharFilter(
        field_name="strategy__owner__country", lookup_expr="iexact", label=_("Country"),
        max_length=2,
    )
    territory = django_filters.CharFilter(lookup_expr="iexact", label=_("Territory"), max_length=120)
    community_group = django_filters.ModelChoiceFilter(
        queryset=CommunityGroup.objects.all(),
        to_field_name="code",
        method="filter_community_group",
        label=_("Community group"),
    )
    ordering = django_filters.OrderingFilter(
        fields=(("title", "title"), ("priority", "priority"), ("horizon", "horizon"), ("id", "id")),
        label=_("Sort by"),
    )

    class Meta:
        model = Goal
        fields = ["strategy", "area", "horizon", "priority"]

    def filter_community_group(self, queryset, name, value):
        return queryset.filter(
            pk__in=Goal.community_groups.through.objects.filter(
                communitygroup=value
            ).values("goal_id")
        )


class IndicatorFilterSet(RegistryFilterSet):
    search_fields = ("name", "unit")

    goal = django_filters.ModelChoiceFilter(queryset=Goal.objects.all(), label=_("Goal"))

    class Meta:
        model = Indicator
        fields = ["goal"]


class MeasurementFilterSet(VisibleChoicesFilterSet):
    indicator = django_filters.ModelChoiceFilter(
        queryset=Indicator.objects.all(), label=_("Indicator")
    )
    goal = django_filters.ModelChoiceFilter(
        field_name="indicator__goal", queryset=Goal.objects.all(), label=_("Goal")
    )
    measured_on = django_filters.DateFromToRangeFilter(label=_("Measured between"))
    ordering = django_filters.OrderingFilter(
        fields=(("measured_on", "measured_on"), ("id", "id")), label=_("Sort by")
    )

    class Meta:
        model = Measurement
        fields = ["indicator"]


class CommunityGroupFilterSet(RegistryFilterSet):
    search_fields = ("code", "name_en", "name_fr")

    class Meta:
        model = CommunityGroup
        fields = []
