from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.access import is_admin, is_analyst, is_coordinator, may_see_personal_data
from core.api.serializers import (
    BlankableURLField,
    ConfidentialFieldsMixin,
    ConfidentialInputMixin,
    DateField,
    RegistryModelSerializer,
    RepresentationSerializer,
)

from ..choices import OrganisationKind, Sector, VerificationStatus
from ..identifiers import SCHEME_CHOICES
from ..licences import LICENCE_SCHEME_CHOICES
from ..models import Organisation

PERSONAL_DATA = ("contact_name", "contact_email", "contact_phone")
LICENCE = ("licence_scheme", "licence_number", "licence_expires_on")


def _personal_data_check(user):
    """Firm representatives see their own organisation's contacts (decided per row). Analysts
    never receive personal data, not even their own organisation's, so that nothing they
    download or republish carries any."""
    if may_see_personal_data(user):
        return True
    if is_analyst(user):
        return False
    if user is not None and user.is_authenticated and user.organisation_id:
        return None
    return False


def _internal_notes_check(user):
    """The registry staff's own notes about an organisation: not for the organisation itself."""
    return is_admin(user) or is_coordinator(user)


class OrganisationBriefSerializer(RepresentationSerializer):
    """An organisation as it appears inside other objects."""

    class Meta:
        model = Organisation
        fields = ["id", "name", "sector", "kind", "country"]


class OrganisationSerializer(ConfidentialFieldsMixin, RegistryModelSerializer):
    """An organisation. Contact details appear only to administrators, coordinators and the
    organisation's own people; internal notes only to administrators and coordinators."""

    url = serializers.HyperlinkedIdentityField(view_name="actors-api:organisation-detail")
    website = BlankableURLField(read_only=True)
    org_id = serializers.CharField(
        read_only=True, help_text=_("Scheme and identifier in the org-id.guide style.")
    )
    contact_name = serializers.CharField(required=False)
    contact_email = serializers.CharField(required=False)
    contact_phone = serializers.CharField(required=False)
    internal_notes = serializers.CharField(required=False)
    licence_scheme = serializers.ChoiceField(choices=LICENCE_SCHEME_CHOICES, allow_blank=True,
                                             read_only=True)
    licence_in_force = serializers.SerializerMethodField(
        help_text=_("Whether a private security company's licence is valid today.")
    )

    confidential = {
        **dict.fromkeys(PERSONAL_DATA, _personal_data_check),
        "internal_notes": _internal_notes_check,
    }

    class Meta:
        model = Organisation
        fields = [
            "id", "url", "name", "sector", "kind", "identifier_scheme", "identifier", "org_id",
            "country", "territory", "website", "description", "verification_status",
            "verified_at", *LICENCE, "licence_in_force", "created_at", "updated_at",
            *PERSONAL_DATA, "internal_notes",
        ]
        read_only_fields = [
            name for name in fields if name not in (*PERSONAL_DATA, "internal_notes")
        ]

    def may_see(self, user, instance, name):
        return may_see_personal_data(user, instance.pk)

    def get_licence_in_force(self, organisation) -> bool:
        return organisation.licence_in_force()


class OrganisationWriteSerializer(ConfidentialInputMixin, serializers.Serializer):
    """What can be written about an organisation. Its identity (sector, identifier, country) is
    set at registration and afterwards changed by administrators only; the internal notes are
    written by coordinators and administrators."""

    confidential = OrganisationSerializer.confidential
    may_see = OrganisationSerializer.may_see

    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    territory = serializers.CharField(max_length=120)
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    contact_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    contact_email = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    internal_notes = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)
    identifier_scheme = serializers.ChoiceField(choices=SCHEME_CHOICES, required=False)
    identifier = serializers.CharField(max_length=64, required=False)
    country = serializers.CharField(min_length=2, max_length=2, required=False)
    licence_scheme = serializers.ChoiceField(choices=LICENCE_SCHEME_CHOICES, required=False,
                                             allow_blank=True)
    licence_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
    licence_expires_on = DateField(required=False, allow_null=True)


class OrganisationCreateSerializer(OrganisationWriteSerializer):
    sector = serializers.ChoiceField(choices=Sector.choices)
    identifier_scheme = serializers.ChoiceField(choices=SCHEME_CHOICES)
    identifier = serializers.CharField(max_length=64)
    country = serializers.CharField(min_length=2, max_length=2)


class VerificationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=VerificationStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                 help_text=_("Added to the internal notes."))
