from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actors.api.serializers import OrganisationBriefSerializer
from actors.models import Organisation
from core.access import is_admin
from core.api.serializers import (
    BlankableEmailField,
    ConfidentialFieldsMixin,
    ConfidentialInputMixin,
    DateField,
    DateTimeField,
    RegistryModelSerializer,
    VisibleRelatedField,
)
from goals.api.serializers import GoalBriefSerializer
from goals.models import CommunityGroup, Goal
from partnerships.api.serializers import (
    CommunityGroupBriefSerializer,
    ContributionMeasureSerializer,
)
from partnerships.choices import ContributionKind, Role
from partnerships.models import Partnership
from partnerships.policies import licence_problem, role_problem, roles_open_to

from ..models import (
    LONG_TEXT,
    Attachment,
    CallForPartners,
    ExpressionOfInterest,
    InternalComment,
)
from ..selectors import may_see_personal_data


class CallBriefSerializer(RegistryModelSerializer):
    class Meta:
        model = CallForPartners
        fields = ["id", "title", "status", "closes_at"]
        read_only_fields = fields


class CallSerializer(RegistryModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="calls-api:call-detail")
    lead_body = OrganisationBriefSerializer(read_only=True)
    goals = GoalBriefSerializer(many=True, read_only=True)
    contribution_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=ContributionKind.choices), read_only=True
    )
    is_accepting = serializers.BooleanField(
        read_only=True, help_text=_("Whether firms can answer it right now.")
    )

    class Meta:
        model = CallForPartners
        fields = ["id", "url", "title", "status", "is_accepting", "lead_body", "territory",
                  "contribution_kinds", "opens_on", "closes_at", "goals", "created_at",
                  "updated_at"]
        read_only_fields = fields


class CallDetailSerializer(CallSerializer):
    class Meta(CallSerializer.Meta):
        fields = [*CallSerializer.Meta.fields, "description", "closed_at"]
        read_only_fields = fields


class CallWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=LONG_TEXT)
    territory = serializers.CharField(max_length=120)
    contribution_kinds = serializers.MultipleChoiceField(choices=ContributionKind.choices)
    opens_on = DateField()
    closes_at = DateTimeField()
    goals = VisibleRelatedField(model=Goal, many=True, required=False)

    def validate_contribution_kinds(self, value):
        return sorted(value)


class CallCreateSerializer(CallWriteSerializer):
    lead_body = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.public_bodies(), required=False,
        help_text=_("The public body publishing the call; your own by default."),
    )


class OfferSerializer(ContributionMeasureSerializer):
    pass


def _personal_check(user):
    """Contact details: whole for administrators, per row for the firm and the receiving body's
    coordinators, never for anyone else (analysts and the public)."""
    if is_admin(user):
        return True
    if user and user.is_authenticated and (user.is_firm_representative or user.is_coordinator):
        return None
    return False


class AttachmentSerializer(RegistryModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "original_name", "size", "uploaded_at", "download"]
        read_only_fields = fields

    def get_download(self, attachment) -> str:
        path = reverse("calls-api:eoi-attachment-download",
                       args=[attachment.expression_of_interest_id, attachment.uuid])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class EoiSerializer(ConfidentialFieldsMixin, RegistryModelSerializer):
    """An expression of interest as listed. Contact details only reach those who handle it."""

    url = serializers.HyperlinkedIdentityField(view_name="calls-api:eoi-detail")
    call = CallBriefSerializer(read_only=True, allow_null=True,
                               help_text=_("None for a spontaneous expression of interest."))
    body = OrganisationBriefSerializer(source="public_body", read_only=True)
    organisation = OrganisationBriefSerializer(read_only=True)
    offers = OfferSerializer(many=True, read_only=True)
    contact_name = serializers.CharField(required=False)
    contact_email = BlankableEmailField(required=False)
    contact_phone = serializers.CharField(required=False)
    consent_given_at = DateTimeField(required=False)

    confidential = dict.fromkeys(
        ("contact_name", "contact_email", "contact_phone", "consent_given_at"), _personal_check
    )

    class Meta:
        model = ExpressionOfInterest
        fields = ["id", "url", "title", "status", "call", "body", "organisation", "offers",
                  "submitted_at", "review_started_at", "decided_at", "decline_reason", "party",
                  "contact_name", "contact_email", "contact_phone", "consent_given_at",
                  "created_at", "updated_at"]
        read_only_fields = fields

    def may_see(self, user, instance, name):
        return may_see_personal_data(user, instance)


class EoiDetailSerializer(EoiSerializer):
    goals = GoalBriefSerializer(many=True, read_only=True)
    community_groups = CommunityGroupBriefSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, required=False)

    confidential = {**EoiSerializer.confidential, "attachments": _personal_check}

    class Meta(EoiSerializer.Meta):
        fields = [*EoiSerializer.Meta.fields, "summary", "expectations", "goals",
                  "community_groups", "attachments"]
        read_only_fields = fields


class EoiWriteSerializer(ConfidentialInputMixin, serializers.Serializer):
    """What a firm writes in its expression of interest: the offer, and a contact person whose
    details reach only the receiving body."""

    confidential = EoiSerializer.confidential
    may_see = EoiSerializer.may_see

    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=LONG_TEXT)
    expectations = serializers.CharField(max_length=LONG_TEXT, required=False, allow_blank=True)
    goals = VisibleRelatedField(model=Goal, many=True, required=False)
    community_groups = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=CommunityGroup.objects.all()
    )
    offers = OfferSerializer(many=True, required=False)
    contact_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    consent = serializers.BooleanField(
        required=False,
        help_text=_("The contact agrees to the processing of these personal data; needed to "
                    "submit."),
    )


class EoiCreateSerializer(EoiWriteSerializer):
    """A new expression of interest: on a call, or spontaneous, to a public body."""

    call = VisibleRelatedField(
        model=CallForPartners, required=False, allow_null=True,
        help_text=_("The call answered; leave it out for a spontaneous expression of interest."),
    )
    body = serializers.PrimaryKeyRelatedField(
        source="public_body", queryset=Organisation.objects.public_bodies(), required=False,
        help_text=_("For a spontaneous expression of interest: the public body addressed."),
    )


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=LONG_TEXT, help_text=_("Shown to the firm."))


class AcceptSerializer(serializers.Serializer):
    partnership = VisibleRelatedField(
        model=Partnership, help_text=_("A partnership led by the body the firm addressed.")
    )
    role = serializers.ChoiceField(
        choices=Role.choices,
        help_text=_("One of the roles the firm may hold: its kind of organisation and, for a "
                    "private security company, its licence decide which."),
    )
    responsibilities = serializers.CharField(max_length=LONG_TEXT)

    def validate_role(self, role):
        eoi = self.context.get("eoi")
        if eoi is None:
            return role
        allowed = roles_open_to(eoi.organisation)
        if role not in allowed:
            organisation = eoi.organisation
            raise serializers.ValidationError(
                role_problem(organisation=organisation, role=role)
                or licence_problem(organisation=organisation, role=role)
            )
        return role


class CommentSerializer(RegistryModelSerializer):
    author = serializers.StringRelatedField(read_only=True)

    class Meta:
        model = InternalComment
        fields = ["id", "author", "text", "created_at"]
        read_only_fields = ["id", "author", "created_at"]


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A PDF document."))
