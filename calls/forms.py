from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.forms import DateField, DateInput, DateTimeField, RegistryForm
from goals.models import CommunityGroup, Goal
from partnerships.choices import ContributionKind, Role
from partnerships.forms import ContributionMeasureForm
from partnerships.policies import roles_open_to

from .models import LONG_TEXT


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


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
    opens_on = DateField(label=_("Opens on"), widget=DateInput)
    closes_at = DateTimeField(
        label=_("Closes at"), widget=DateTimeInput,
        help_text=_("Date and time; the call closes itself then."),
    )

    def __init__(self, *args, lead_body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.filter(
            strategy__owner=lead_body
        ).select_related("strategy")


class EoiForm(RegistryForm):
    public_body = forms.ModelChoiceField(
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
        label=_("The contact agrees that the coordinators of the public body this expression of "
                "interest is addressed to receive their name, e-mail address and phone number, "
                "to contact them about this expression of interest."),
        required=False,
        help_text=_("Required before you submit. The contact data are not published and not "
                    "shared with anyone else; the contact can ask for their erasure at any time."),
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        if call is not None:
            del self.fields["public_body"]
            goals = call.goals.all()
            if not goals:
                goals = Goal.objects.filter(strategy__owner_id=call.lead_body_id)
            self.fields["goals"].queryset = goals.select_related("strategy")
        else:
            self.fields["public_body"].queryset = Organisation.objects.public_bodies().verified()
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

    def __init__(self, *args, partnerships, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        # Offer the firm only the roles its kind (and its licence) lets it hold.
        roles = roles_open_to(organisation)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        if Role.OPERATIONAL_PARTNER not in roles:
            self.fields["role"].initial = None
