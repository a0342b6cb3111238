from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from actors.choices import KINDS_BY_SECTOR, OrganisationKind, Sector
from actors.identifiers import SCHEME_CHOICES
from actors.models import Organisation
from core.forms import DateInput, RegistryForm
from goals.models import CommunityGroup, Goal
from partnerships.choices import ContributionKind, Role
from partnerships.forms import ContributionMeasureForm

from .models import LONG_TEXT

PRIVATE_KINDS = [(kind.value, kind.label) for kind in OrganisationKind
                 if kind in KINDS_BY_SECTOR[Sector.PRIVATE]]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class Honeypot(forms.CharField):
    """A field people never see nor fill; software that fills every field gives itself away."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


class CallForm(RegistryForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), max_length=LONG_TEXT
    )
    territory = forms.CharField(label=_("Territory"), max_length=120)
    contribution_kinds = forms.MultipleChoiceField(
        label=_("Contribution kinds sought"),
        choices=ContributionKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals"), queryset=Goal.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput)
    closes_at = forms.DateTimeField(
        label=_("Closes at"), widget=DateTimeInput,
        help_text=_("Date and time; the call closes itself then."),
    )

    def __init__(self, *args, lead_body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.filter(
            strategy__owner=lead_body
        ).select_related("strategy")


class RegistrationForm(RegistryForm):
    CREATE, JOIN = "create", "join"

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        help_text=_("You will sign in with it; we send a link to confirm it."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    mode = forms.ChoiceField(
        label=_("Your organisation"),
        choices=[(CREATE, _("Register my organisation")),
                 (JOIN, _("Join an organisation already registered"))],
        widget=forms.RadioSelect,
        initial=CREATE,
    )
    name = forms.CharField(label=_("Organisation name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *PRIVATE_KINDS], required=False)
    identifier_scheme = forms.ChoiceField(
        label=_("Identifier scheme"), choices=SCHEME_CHOICES, initial="FR-RCS", required=False
    )
    identifier = forms.CharField(
        label=_("Identifier"), max_length=64, required=False,
        help_text=_("For a French company, its SIREN (9 digits) or SIRET (14 digits)."),
    )
    country = forms.CharField(label=_("Country"), max_length=2, initial="FR", required=False)
    territory = forms.CharField(label=_("Territory"), max_length=120, required=False)
    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")
    join_scheme = forms.ChoiceField(
        label=_("Identifier scheme of the organisation to join"), choices=SCHEME_CHOICES,
        initial="FR-RCS", required=False,
    )
    join_identifier = forms.CharField(
        label=_("Identifier of the organisation to join"), max_length=64, required=False
    )
    nickname = Honeypot()

    ORGANISATION_FIELDS = ("name", "kind", "identifier_scheme", "identifier", "country",
                           "territory")

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2"):
            if data["password1"] != data["password2"]:
                self.add_error("password2", _("The two passwords differ."))
            else:
                try:
                    password_validation.validate_password(data["password1"])
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        if data.get("mode") == self.CREATE:
            for name in self.ORGANISATION_FIELDS:
                if not data.get(name):
                    self.add_error(name, _("This field is required."))
        elif data.get("mode") == self.JOIN and not data.get("join_identifier"):
            self.add_error("join_identifier", _("This field is required."))
        return data

    def service_arguments(self, *, language: str) -> dict:
        data = self.cleaned_data
        arguments = {
            "email": data["email"],
            "password": data["password1"],
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "phone": data["phone"],
            "language": language,
        }
        if data["mode"] == self.CREATE:
            arguments["organisation"] = {
                name: data[name] for name in (*self.ORGANISATION_FIELDS, "website")
            }
        else:
            arguments["join_scheme"] = data["join_scheme"]
            arguments["join_identifier"] = data["join_identifier"]
        return arguments


class EoiForm(RegistryForm):
    body = forms.ModelChoiceField(
        label=_("Public body you address"), queryset=Organisation.objects.none(),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("What you propose"), widget=forms.Textarea(attrs={"rows": 6}), max_length=LONG_TEXT
    )
    expectations = forms.CharField(
        label=_("What you expect from the partnership"),
        widget=forms.Textarea(attrs={"rows": 4}), max_length=LONG_TEXT, required=False,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals of interest"), queryset=Goal.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    community_groups = forms.ModelMultipleChoiceField(
        label=_("Community groups you can reach"), queryset=CommunityGroup.objects.all(),
        required=False, widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), max_length=254)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    consent = forms.BooleanField(
        label=_("The contact agrees that the registry processes these personal data to handle "
                "this expression of interest."),
        required=False,
        help_text=_("Required before you submit. The contact can ask for erasure at any time."),
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        if call is not None:
            del self.fields["body"]
            goals = call.goals.all()
            if not goals:
                goals = Goal.objects.filter(strategy__owner_id=call.lead_body_id)
            self.fields["goals"].queryset = goals.select_related("strategy")
        else:
            self.fields["body"].queryset = Organisation.objects.public_bodies().verified()
            self.fields["goals"].queryset = Goal.objects.select_related("strategy", "strategy__owner")


OfferFormSet = forms.formset_factory(ContributionMeasureForm, extra=2, max_num=20,
                                     validate_max=True, can_delete=True)


def offer_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        if not form.cleaned_data.get("kind") or formset._should_delete_form(form):
            continue
        data = form.cleaned_data
        rows.append({
            "kind": data["kind"],
            "description": data.get("description", ""),
            "amount": data.get("amount"),
            "currency": data.get("currency", "") if data.get("amount") is not None else "",
            "person_days": data.get("person_days"),
        })
    return rows


class AttachmentForm(RegistryForm):
    file = forms.FileField(
        label=_("PDF document"),
        help_text=_("PDF only, at most %(mb)s MB.")
        % {"mb": round(settings.CALLS_ATTACHMENT_MAX_BYTES / 1048576, 1)},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class CommentForm(RegistryForm):
    text = forms.CharField(
        label=_("Internal comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=LONG_TEXT,
        help_text=_("Seen by your body's coordinators only, never by the firm."),
    )


class DeclineForm(RegistryForm):
    reason = forms.CharField(
        label=_("Reason given to the firm"), widget=forms.Textarea(attrs={"rows": 4}),
        max_length=LONG_TEXT,
    )


class AcceptForm(RegistryForm):
    partnership = forms.ModelChoiceField(label=_("Partnership"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.OPERATIONAL_PARTNER)
    responsibilities = forms.CharField(
        label=_("Responsibilities"), widget=forms.Textarea(attrs={"rows": 4}),
        max_length=LONG_TEXT,
        help_text=_("What the firm undertakes to do, in plain words."),
    )

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships


class EraseForm(RegistryForm):
    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be closed and my personal data erased."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password

