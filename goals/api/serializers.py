from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.api.serializers import OrganisationBriefSerializer
from actors.models import Organisation
from core.api.serializers import DateField, RepresentationSerializer

from ..choices import Area, Horizon, IndicatorDirection, Priority
from ..models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy

AMOUNT = {"max_digits": 14, "decimal_places": 2}


class CommunityGroupSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="goals-api:community-group-detail")

    class Meta:
        model = CommunityGroup
        fields = ["id", "url", "code", "name_en", "name_fr", "partners_customers"]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CommunityGroupLabelsField(serializers.Field):
    """The names of the community groups, in the request's language, in the order of their
    codes beside them (``community_groups``): exports read names, not only codes."""

    def __init__(self, **kwargs):
        super().__init__(source="community_groups", read_only=True, **kwargs)

    def to_representation(self, groups):
        return [group.name for group in groups.all()]


class StrategyBriefSerializer(RepresentationSerializer):
    class Meta:
        model = SafetyStrategy
        fields = ["id", "title"]


class GoalBriefSerializer(RepresentationSerializer):
    class Meta:
        model = Goal
        fields = ["id", "title", "area", "horizon", "priority"]


class StrategySerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="goals-api:strategy-detail")
    owner = OrganisationBriefSerializer(read_only=True)

    class Meta:
        model = SafetyStrategy
        fields = ["id", "url", "title", "owner", "territory", "starts_on", "ends_on", "created_at",
                  "updated_at"]


class StrategyDetailSerializer(StrategySerializer):
    goals = GoalBriefSerializer(many=True, read_only=True)

    class Meta(StrategySerializer.Meta):
        fields = [*StrategySerializer.Meta.fields, "summary", "goals"]


class StrategyWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    territory = serializers.CharField(max_length=120)
    starts_on = DateField()
    ends_on = DateField(required=False, allow_null=True)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=10_000)


class StrategyCreateSerializer(StrategyWriteSerializer):
    owner = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.public_bodies(), required=False,
        help_text=_("The public body; your own by default."),
    )


class MeasurementSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="goals-api:measurement-detail")
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    indicator_unit = serializers.CharField(source="indicator.unit", read_only=True)
    value = serializers.DecimalField(**AMOUNT, read_only=True)

    class Meta:
        model = Measurement
        fields = ["id", "url", "indicator", "indicator_name", "indicator_unit", "measured_on",
                  "value", "note", "created_at"]


class MeasurementWriteSerializer(serializers.Serializer):
    measured_on = DateField(help_text=_("Today or earlier."))
    value = serializers.DecimalField(**AMOUNT)
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class MeasurementCreateSerializer(MeasurementWriteSerializer):
    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.all())


class IndicatorMeasurementSerializer(RepresentationSerializer):
    value = serializers.DecimalField(**AMOUNT, read_only=True)

    class Meta:
        model = Measurement
        fields = ["id", "measured_on", "value", "note"]


class IndicatorSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="goals-api:indicator-detail")
    goal_title = serializers.CharField(source="goal.title", read_only=True)
    goal_area = serializers.ChoiceField(source="goal.area", choices=Area.choices, read_only=True)
    baseline = serializers.DecimalField(**AMOUNT, read_only=True)
    target = serializers.DecimalField(**AMOUNT, read_only=True)
    measurements = IndicatorMeasurementSerializer(many=True, read_only=True)
    progress = serializers.SerializerMethodField(
        help_text=_("Share of the way from baseline to target reached by the latest measurement, "
                    "from 0 to 1; null without measurements.")
    )

    class Meta:
        model = Indicator
        fields = ["id", "url", "goal", "goal_title", "goal_area", "name", "unit", "baseline",
                  "baseline_on", "target", "target_on", "direction", "progress", "measurements"]

    def get_progress(self, indicator) -> float | None:
        measurements = indicator.measurements.all()
        return indicator.progress(measurements[len(measurements) - 1].value) if measurements else None


class IndicatorWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    unit = serializers.CharField(max_length=40)
    baseline = serializers.DecimalField(**AMOUNT)
    baseline_on = DateField()
    target = serializers.DecimalField(**AMOUNT)
    target_on = DateField(required=False, allow_null=True)
    direction = serializers.ChoiceField(choices=IndicatorDirection.choices, required=False)


class IndicatorCreateSerializer(IndicatorWriteSerializer):
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.all())


class GoalSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="goals-api:goal-detail")
    strategy = StrategyBriefSerializer(read_only=True)
    owner = OrganisationBriefSerializer(source="strategy.owner", read_only=True)
    community_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    community_groups_label = CommunityGroupLabelsField()

    class Meta:
        model = Goal
        fields = ["id", "url", "title", "strategy", "owner", "area", "horizon", "target_on",
                  "priority", "territory", "community_groups", "community_groups_label",
                  "created_at", "updated_at"]


class GoalDetailSerializer(GoalSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta(GoalSerializer.Meta):
        fields = [*GoalSerializer.Meta.fields, "description", "indicators"]


class GoalWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    area = serializers.ChoiceField(choices=Area.choices)
    horizon = serializers.ChoiceField(choices=Horizon.choices)
    target_on = DateField(
        required=False, allow_null=True,
        help_text=_("Optional; must agree with the horizon (short: within a year; medium: one to "
                    "three years; long: beyond three)."),
    )
    territory = serializers.CharField(max_length=120)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    community_groups = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=CommunityGroup.objects.all()
    )


class GoalCreateSerializer(GoalWriteSerializer):
    strategy = serializers.PrimaryKeyRelatedField(queryset=SafetyStrategy.objects.all())
