from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actors.api.serializers import OrganisationBriefSerializer
from actors.choices import VerificationStatus
from actors.models import Organisation
from calls.models import CallForPartners
from core.api.serializers import DateField, RepresentationSerializer
from goals.api.serializers import CommunityGroupLabelsField, GoalBriefSerializer
from goals.choices import Area
from goals.models import CommunityGroup, Goal
from partnerships.api.serializers import ContributionMeasureSerializer
from partnerships.choices import ContributionKind, Role

from ..choices import BudgetBand, Magnitude, ProjectState, SuggestionKind, Visibility
from ..models import ContributionOffer, Need, Project


class ProjectSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="projects-api:project-detail")
    organisation = OrganisationBriefSerializer(read_only=True)
    community_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    community_groups_label = CommunityGroupLabelsField()

    class Meta:
        model = Project
        fields = ["id", "url", "title", "organisation", "area", "territory", "state", "starts_on",
                  "ends_on", "budget_band", "visibility", "community_groups",
                  "community_groups_label", "created_at", "updated_at"]


class ProjectDetailSerializer(ProjectSerializer):
    goals = GoalBriefSerializer(many=True, read_only=True)
    partners = OrganisationBriefSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "summary", "goals", "partners", "results",
                  "lessons_learned"]


class ProjectWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=10_000)
    area = serializers.ChoiceField(choices=Area.choices)
    territory = serializers.CharField(max_length=120)
    state = serializers.ChoiceField(choices=ProjectState.choices, required=False)
    starts_on = DateField(required=False, allow_null=True)
    ends_on = DateField(required=False, allow_null=True)
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


class NeedSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="projects-api:need-detail")
    goal_title = serializers.CharField(source="goal.title", read_only=True)

    class Meta:
        model = Need
        fields = ["id", "url", "goal", "goal_title", "kind", "magnitude", "territory",
                  "description", "is_open", "created_at", "updated_at"]


class NeedWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ContributionKind.choices)
    magnitude = serializers.ChoiceField(choices=Magnitude.choices, required=False)
    territory = serializers.CharField(max_length=120, required=False)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True)
    is_open = serializers.BooleanField(required=False)


class NeedCreateSerializer(NeedWriteSerializer):
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.all())


class ContributionOfferSerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="projects-api:contribution-offer-detail")
    organisation = OrganisationBriefSerializer(read_only=True)

    class Meta:
        model = ContributionOffer
        fields = ["id", "url", "organisation", "kind", "description", "amount", "currency",
                  "person_days", "area", "territory", "magnitude", "expectations", "is_active",
                  "created_at", "updated_at"]


class ContributionOfferWriteSerializer(ContributionMeasureSerializer):
    area = serializers.ChoiceField(choices=Area.choices, required=False, allow_blank=True)
    territory = serializers.CharField(max_length=120)
    magnitude = serializers.ChoiceField(choices=Magnitude.choices, required=False)
    expectations = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    is_active = serializers.BooleanField(required=False)


class SuggestionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="object.pk")
    label = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField(),
                                    help_text=_("The criteria that matched."))
    reason_labels = serializers.ListField(child=serializers.CharField())
    suggested_role = serializers.CharField(source="role", allow_blank=True)

    def get_label(self, suggestion) -> str:
        return str(suggestion.object)

    def get_url(self, suggestion) -> str:
        return self.context["request"].build_absolute_uri(suggestion.object.get_absolute_url())


class GoalSuggestionsSerializer(serializers.Serializer):
    organisations = SuggestionSerializer(many=True)
    projects = SuggestionSerializer(many=True)
    calls = SuggestionSerializer(many=True)


class OrganisationSuggestionsSerializer(serializers.Serializer):
    needs = SuggestionSerializer(many=True)
    calls = SuggestionSerializer(many=True)


class CreatedSerializer(serializers.Serializer):
    """What an action answers when it creates something: its id and, when it has a page, its
    address."""

    id = serializers.IntegerField()
    url = serializers.URLField(required=False)


class DismissSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SuggestionKind.choices)
    target_id = serializers.IntegerField(min_value=1)


class InvitationSerializer(serializers.Serializer):
    call = serializers.PrimaryKeyRelatedField(queryset=CallForPartners.objects.all())
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.all(), required=False)


class DraftPartySerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    role = serializers.ChoiceField(choices=Role.choices)


class DraftPartnershipSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    parties = DraftPartySerializer(many=True)
