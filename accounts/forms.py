from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from actors.choices import KINDS_BY_SECTOR, SELF_REGISTERING_SECTORS, OrganisationKind
from actors.identifiers import SCHEME_CHOICES
from core.forms import RegistryForm
from core.models import TokenScope

# The kinds offered, grouped by sector: firms first, then intermediaries.
SELF_REGISTERING_KINDS = [
    (sector.label, [(kind.value, kind.label) for kind in OrganisationKind
                    if kind in KINDS_BY_SECTOR[sector]])
    for sector in SELF_REGISTERING_SECTORS
]


class Honeypot(forms.CharField):
    """A field people never see nor fill; software that fills every field gives itself away."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


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
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *SELF_REGISTERING_KINDS], required=False,
        help_text=_("Chambers of commerce, business improvement districts and associations "
                    "register as intermediaries."),
    )
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



class TokenForm(RegistryForm):
    """A new API token: a name, how long it lasts, and what it may do."""

    EXPIRIES = [(7, _("7 days")), (30, _("30 days")), (90, _("90 days")), (180, _("180 days")),
                (365, _("1 year"))]

    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("What the token is for, e.g. the script or spreadsheet that uses it."),
    )
    expiry_days = forms.TypedChoiceField(
        label=_("Expires after"), choices=EXPIRIES, coerce=int, initial=90,
    )
    scope = forms.ChoiceField(label=_("Scope"), widget=forms.RadioSelect)

    def __init__(self, *args, scopes, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(TokenScope.choices)
        self.fields["scope"].choices = [(scope, labels[scope]) for scope in scopes]
        self.fields["scope"].initial = scopes[0]
        if len(scopes) == 1:
            self.fields["scope"].help_text = _("Analysts' tokens read only.")
