import django_filters
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.filtersets import ChoicesFilter, RegistryFilterSet, SortFilter, VisibleChoicesFilterSet

from .choices import Area, Horizon, Priority
from .models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy


class GoalFilter(django_filters.ModelChoiceFilter):
    """A goal the rows are linked to (their ``goals``); see ``GoalLinkFilters``."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Goal.objects.all(), method="filter_goal", **kwargs)


class CommunityGroupFilter(django_filters.ModelChoiceFilter):
    """A community group, named by its code, the rows serve (their ``community_groups``); see
    ``GoalLinkFilters``."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=CommunityGroup.objects.all(), to_field_name="code",
            method="filter_community_group", **kwargs,
        )


class GoalLinkFilters:
    """The methods of ``GoalFilter`` and ``CommunityGroupFilter``, for a ``RegistryFilterSet``."""

    def filter_goal(self, queryset, name, value):
        return queryset.filter(pk__in=self.linked("goals", goal=value))

    def filter_community_group(self, queryset, name, value):
        return queryset.filter(pk__in=self.linked("community_groups", communitygroup=value))


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
    ordering = SortFilter(("title", "title"), ("starts_on", "starts_on"), ("id", "id"))

    class Meta:
        model = SafetyStrategy
        fields = ["owner"]


class GoalFilterSet(GoalLinkFilters, RegistryFilterSet):
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
    community_group = CommunityGroupFilter(label=_("Community group"))
    ordering = SortFilter(("title", "title"), ("priority", "priority"), ("horizon", "horizon"), ("id", "id"))

    class Meta:
        model = Goal
        fields = ["strategy", "area", "horizon", "priority"]

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
    ordering = SortFilter(("measured_on", "measured_on"), ("id", "id"))

    class Meta:
        model = Measurement
        fields = ["indicator"]


class CommunityGroupFilterSet(RegistryFilterSet):
    search_fields = ("code", "name_en", "name_fr")

    class Meta:
        model = CommunityGroup
        fields = []
