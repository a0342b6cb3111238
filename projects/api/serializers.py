from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actors.api.serializers import OrganisationBriefSerializer
from actors.choices import VerificationStatus
from actors.models import Organisation
from goals.api.serializers import GoalBriefSerializer
from goals.choices import Area
from goals.models import CommunityGroup, Goal

from ..choices import BudgetBand, ProjectState, Visibility
from ..models import Project


class ProjectSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="projects-api:project-detail")
    organisation = OrganisationBriefSerializer(read_only=True)
    community_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Project
        fields = ["id", "url", "title", "organisation", "area", "territory", "state", "starts_on",
                  "ends_on", "budget_band", "visibility", "community_groups", "created_at",
                  "updated_at"]
        read_only_fields = fields


class ProjectDetailSerializer(ProjectSerializer):
    goals = GoalBriefSerializer(many=True, read_only=True)
    partners = OrganisationBriefSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "summary", "goals", "partners", "results",
                  "lessons_learned"]
        read_only_fields = fields


class ProjectWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=10_000)
    area = serializers.ChoiceField(choices=Area.choices)
    territory = serializers.CharField(max_length=120)
    state = serializers.ChoiceField(choices=ProjectState.choices, required=False)
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    budget_band = serializers.ChoiceField(choices=BudgetBand.choices, required=False)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    results = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    lessons_learned = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    community_groups = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=CommunityGroup.objects.all()
    )
    goals = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Goal.objects.all(),
        help_text=_("For a public body: goals of its own strategies."),
    )
    partners = serializers.PrimaryKeyRelatedField(
        many=True, required=False,
        queryset=Organisation.objects.filter(verification_status=VerificationStatus.VERIFIED),
        help_text=_("Verified organisations already involved."),
    )


class ProjectCreateSerializer(ProjectWriteSerializer):
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False,
        help_text=_("The organisation that runs the project; your own by default."),
    )
