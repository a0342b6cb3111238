from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.reverse import reverse

from actors.api.serializers import OrganisationBriefSerializer
from actors.models import Organisation
from core.access import is_admin, is_coordinator, public_body_id
from core.api.serializers import (
    ConfidentialFieldsMixin,
    ConfidentialInputMixin,
    DateField,
    RegistryModelSerializer,
    RepresentationSerializer,
    VisibleRelatedField,
)
from goals.api.serializers import GoalBriefSerializer
from goals.models import CommunityGroup, Goal

from ..choices import (
    DOCUMENT_LANGUAGES,
    REASONED_STATUSES,
    ContributionKind,
    DocumentKind,
    DocumentVisibility,
    Role,
    RuleCategory,
    Status,
)
from ..measures import MEASURE_FIELDS, UNKNOWN_CURRENCY, checked_currency
from ..models import Contribution, Document, Partnership, Party, Rule


class CommunityGroupBriefSerializer(RepresentationSerializer):
    class Meta:
        model = CommunityGroup
        fields = ["code", "name_en", "name_fr"]


class PartnershipBriefSerializer(RepresentationSerializer):
    class Meta:
        model = Partnership
        fields = ["id", "title", "status", "territory"]


class PartyContributionSerializer(RepresentationSerializer):
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True,
                                      allow_null=True)
    person_days = serializers.DecimalField(max_digits=9, decimal_places=1, read_only=True,
                                           allow_null=True)

    class Meta:
        model = Contribution
        fields = ["id", *MEASURE_FIELDS]


class ContributionSerializer(PartyContributionSerializer):
    """A contribution with its party's partnership, organisation and role, so that one row (of
    an export too) says who brings what to which agreement."""

    url = serializers.HyperlinkedIdentityField(view_name="partnerships-api:contribution-detail")
    partnership = PartnershipBriefSerializer(source="party.partnership", read_only=True)
    organisation = OrganisationBriefSerializer(source="party.organisation", read_only=True)
    role = serializers.ChoiceField(source="party.role", choices=Role.choices, read_only=True)

    class Meta(PartyContributionSerializer.Meta):
        fields = ["id", "url", "party", "partnership", "organisation", "role", *MEASURE_FIELDS]


class PartySerializer(RepresentationSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="partnerships-api:party-detail")
    partnership = PartnershipBriefSerializer(read_only=True)
    organisation = OrganisationBriefSerializer(read_only=True)
    contributions = PartyContributionSerializer(many=True, read_only=True)

    class Meta:
        model = Party
        fields = ["id", "url", "partnership", "organisation", "role", "responsibilities",
                  "joined_on", "contributions"]


class PartnershipPartySerializer(PartySerializer):
    class Meta(PartySerializer.Meta):
        fields = ["id", "organisation", "role", "responsibilities", "joined_on", "contributions"]


class PartnershipRuleSerializer(RepresentationSerializer):
    class Meta:
        model = Rule
        fields = ["id", "category", "title", "text"]


class RuleSerializer(PartnershipRuleSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="partnerships-api:rule-detail")
    partnership_title = serializers.CharField(source="partnership.title", read_only=True)

    class Meta(PartnershipRuleSerializer.Meta):
        fields = ["id", "url", "partnership", "partnership_title", "category", "title", "text"]


class PartnershipBaseSerializer(RegistryModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="partnerships-api:partnership-detail")
    lead_body = OrganisationBriefSerializer(read_only=True)
    goals = GoalBriefSerializer(many=True, read_only=True)
    community_groups = CommunityGroupBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Partnership
        fields = ["id", "url", "title", "status", "lead_body", "territory", "starts_on", "ends_on",
                  "next_review_on", "activated_at", "goals", "community_groups", "created_at",
                  "updated_at"]
        read_only_fields = fields


def _day(value):
    return None if value is None else value.isoformat()


def _moment(value, zone):
    """As DRF's DateTimeField renders it: ISO 8601 in the current time zone, UTC as ``Z``."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class PartnershipSerializer(PartnershipBaseSerializer):
    """A partnership as listed: what an analyst filters, sorts and counts on.

    It represents the plain rows of ``selectors.partnership_rows`` (completed with
    ``with_goals_and_groups``) by hand, with no per-field machinery, so that long lists and
    exports cost little more than the query itself; the fields declared here document it."""

    party_count = serializers.IntegerField(read_only=True)

    class Meta(PartnershipBaseSerializer.Meta):
        fields = [*PartnershipBaseSerializer.Meta.fields[:-4], "party_count",
                  *PartnershipBaseSerializer.Meta.fields[-4:]]

    def to_representation(self, row):
        if not hasattr(self, "_detail_url"):
            self._detail_url = reverse(
                "partnerships-api:partnership-list", request=self.context.get("request")
            ) + "{}/"
            self._zone = timezone.get_current_timezone()
        zone = self._zone
        return {
            "id": row["id"],
            "url": self._detail_url.format(row["id"]),
            "title": row["title"],
            "status": row["status"],
            "lead_body": {
                "id": row["lead_body_id"],
                "name": row["lead_body__name"],
                "sector": row["lead_body__sector"],
                "kind": row["lead_body__kind"],
                "country": row["lead_body__country"],
            },
            "territory": row["territory"],
            "starts_on": _day(row["starts_on"]),
            "ends_on": _day(row["ends_on"]),
            "next_review_on": _day(row["next_review_on"]),
            "activated_at": _moment(row["activated_at"], zone),
            "party_count": row["party_count"],
            "goals": row["goal_items"],
            "community_groups": row["group_items"],
            "created_at": _moment(row["created_at"], zone),
            "updated_at": _moment(row["updated_at"], zone),
        }


def _notes_check(user):
    """Internal notes stay with the lead body's coordinators (decided per row) and admins."""
    if is_admin(user):
        return True
    return None if is_coordinator(user) else False


class PartnershipDetailSerializer(ConfidentialFieldsMixin, PartnershipBaseSerializer):
    """A partnership with its parties, roles, contributions, rules, goals and groups served."""

    parties = PartnershipPartySerializer(many=True, read_only=True)
    rules = PartnershipRuleSerializer(many=True, read_only=True)
    # Blank when the partnership does not say: its texts are in the registry's language.
    language = serializers.ChoiceField(choices=DOCUMENT_LANGUAGES, allow_blank=True,
                                       read_only=True)
    internal_notes = serializers.CharField(required=False)

    confidential = {"internal_notes": _notes_check}

    class Meta(PartnershipBaseSerializer.Meta):
        fields = [*PartnershipBaseSerializer.Meta.fields, "summary", "language", "status_reason",
                  "status_changed_on", "parties", "rules", "internal_notes"]
        read_only_fields = [name for name in fields if name != "internal_notes"]

    def may_see(self, user, instance, name):
        return public_body_id(user) == instance.lead_body_id


class PartnershipWriteSerializer(ConfidentialInputMixin, serializers.Serializer):
    """What the lead body's coordinators write about a partnership; the internal notes stay with
    them."""

    confidential = PartnershipDetailSerializer.confidential
    may_see = PartnershipDetailSerializer.may_see

    title = serializers.CharField(max_length=200)
    territory = serializers.CharField(max_length=120)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    language = serializers.ChoiceField(
        choices=DOCUMENT_LANGUAGES, required=False, allow_blank=True,
        help_text=_("The language its title, summary and rules are written in."),
    )
    starts_on = DateField(required=False, allow_null=True)
    ends_on = DateField(required=False, allow_null=True)
    next_review_on = DateField(required=False, allow_null=True)
    internal_notes = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    goals = VisibleRelatedField(model=Goal, many=True, required=False)
    community_groups = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=CommunityGroup.objects.all()
    )


class PartnershipCreateSerializer(PartnershipWriteSerializer):
    lead_body = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.public_bodies(), required=False,
        help_text=_("The lead public body; your own by default."),
    )


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Status.choices,
        help_text=_("draft → negotiation → active → (suspended ↔ active) → concluded | terminated. "
                    "Becoming active needs a public and a private party, the governance, "
                    "data-protection, conflict-of-interest and exit rules, and community groups "
                    "beyond the private partners' own customers."),
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text=_("Required to suspend, conclude or terminate: why. It is published."),
    )

    def validate(self, attrs):
        if attrs["status"] in REASONED_STATUSES and not attrs.get("reason", "").strip():
            raise serializers.ValidationError(
                {"reason": _("Give the reason for this step: it is published.")}
            )
        return attrs


# The measure of a contribution as written, for a party's contributions and a firm's offers.
# Comments rather than docstrings here: the OpenAPI schema would show a docstring as the
# description of every serializer built on this one.
class ContributionMeasureSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ContributionKind.choices)
    description = serializers.CharField(required=False, allow_blank=True, max_length=300)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False,
                                      allow_null=True, min_value=0)
    currency = serializers.RegexField(r"^[A-Za-z]{3}$", required=False, allow_blank=True,
                                      max_length=3, help_text=_("ISO 4217 code, e.g. EUR."),
                                      error_messages={"invalid": UNKNOWN_CURRENCY})
    person_days = serializers.DecimalField(max_digits=9, decimal_places=1, required=False,
                                           allow_null=True, min_value=0)

    def validate_currency(self, value):
        return checked_currency(value)


class ContributionWriteSerializer(ContributionMeasureSerializer):
    pass


class ContributionCreateSerializer(ContributionWriteSerializer):
    party = VisibleRelatedField(model=Party)


class PartyWriteSerializer(serializers.Serializer):
    organisation = VisibleRelatedField(model=Organisation)
    role = serializers.ChoiceField(choices=Role.choices)
    responsibilities = serializers.CharField(max_length=10_000)
    joined_on = DateField(required=False, allow_null=True)


class PartyCreateSerializer(PartyWriteSerializer):
    partnership = VisibleRelatedField(model=Partnership)
    contributions = ContributionWriteSerializer(many=True, required=False, max_length=50)


class RuleWriteSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=RuleCategory.choices)
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=20_000)


class RuleCreateSerializer(RuleWriteSerializer):
    partnership = VisibleRelatedField(model=Partnership)


class DocumentSerializer(RepresentationSerializer):
    """A document of a partnership, as its reader may see it; the file itself is at
    ``download``. Who filed it is personal and stays in the history."""

    id = serializers.UUIDField(source="uuid", read_only=True)
    url = serializers.HyperlinkedIdentityField(
        view_name="partnerships-api:document-detail", lookup_field="uuid"
    )
    partnership = PartnershipBriefSerializer(read_only=True)
    download = serializers.HyperlinkedIdentityField(
        view_name="partnerships-api:document-download", lookup_field="uuid"
    )

    class Meta:
        model = Document
        fields = ["id", "url", "partnership", "kind", "title", "issued_on", "language",
                  "visibility", "original_name", "size", "uploaded_at", "download"]


class DocumentWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=DocumentKind.choices,
        help_text=_("The parties' people file minutes and evaluation reports; the lead body's "
                    "coordinators any kind."),
    )
    title = serializers.CharField(max_length=200)
    issued_on = DateField()
    language = serializers.ChoiceField(choices=DOCUMENT_LANGUAGES,
                                       help_text=_("The language the document is written in."))
    visibility = serializers.ChoiceField(
        choices=DocumentVisibility.choices, default=DocumentVisibility.PUBLIC,
        help_text=_("Public documents appear on the public page and in the open data."),
    )


class DocumentCreateSerializer(DocumentWriteSerializer):
    partnership = VisibleRelatedField(model=Partnership)
    file = serializers.FileField(help_text=_("A PDF document."))
