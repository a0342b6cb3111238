from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from actors.choices import KINDS_BY_SECTOR, OrganisationKind, Sector, VerificationStatus
from actors.identifiers import SCHEME_CHOICES
from actors.licences import LICENCE_SCHEME_CHOICES
from core.forms import DateField, DateInput, RegistryForm

# Kinds grouped under their sector, so the list reads as the registry is organised.
KIND_CHOICES = BLANK_CHOICE_DASH + [
    (sector.label, [(kind.value, kind.label) for kind in OrganisationKind if kind in kinds])
    for sector, kinds in KINDS_BY_SECTOR.items()
]


class OrganisationForm(RegistryForm):
    """Registration and editing of an organisation; which fields appear depends on who edits."""

    name = forms.CharField(label=_("Name"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[*BLANK_CHOICE_DASH, *Sector.choices])
    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES)
    identifier_scheme = forms.ChoiceField(
        label=_("Identifier scheme"),
        choices=[*BLANK_CHOICE_DASH, *SCHEME_CHOICES],
        help_text=_("The register the identifier comes from, e.g. FR-RCS for a SIREN."),
    )
    identifier = forms.CharField(label=_("Identifier"), max_length=64)
    country = forms.CharField(
        label=_("Country"), max_length=2, help_text=_("Two-letter ISO code, e.g. FR, BE, DE.")
    )
    territory = forms.CharField(
        label=_("Territory"), max_length=120, help_text=_("City, district or region where it acts.")
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    licence_scheme = forms.ChoiceField(
        label=_("Security licence scheme"),
        choices=[*BLANK_CHOICE_DASH, *LICENCE_SCHEME_CHOICES],
        required=False,
        help_text=_("Private security companies only: the regulator that licensed it."),
    )
    licence_number = forms.CharField(label=_("Security licence number"), max_length=64,
                                     required=False)
    licence_expires_on = DateField(label=_("Security licence expires on"), required=False,
                                         widget=DateInput)
    contact_name = forms.CharField(label=_("Contact name"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    internal_notes = forms.CharField(
        label=_("Internal notes"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Seen only by coordinators and administrators."),
    )

    def __init__(self, *args, editable: set[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if editable is not None:
            for name in list(self.fields):
                if name not in editable:
                    del self.fields[name]


class VerificationForm(RegistryForm):
    status = forms.ChoiceField(label=_("Verification"), choices=VerificationStatus.choices)
    note = forms.CharField(
        label=_("Note for the file"),
        required=False,
        max_length=500,
        help_text=_("Why, for the other coordinators; kept in the internal notes."),
    )
