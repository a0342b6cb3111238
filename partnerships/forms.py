from django import forms
from django.db.models import BLANK_CHOICE_DASH, Q
from django.forms.formsets import BaseFormSet, formset_factory
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.forms import DateField, DateInput, RegistryForm
from goals.forms import CommunityGroupsField
from goals.models import Goal

from .choices import (
    DOCUMENT_LANGUAGES,
    ContributionKind,
    DocumentKind,
    DocumentVisibility,
    Role,
    RuleCategory,
)
from .measures import checked_currency


class PartnershipForm(RegistryForm):
    lead_body = forms.ModelChoiceField(
        label=_("Lead public body"), queryset=Organisation.objects.public_bodies()
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea,
        help_text=_("What the partnership does, in plain words; shown on the public page."),
    )
    territory = forms.CharField(label=_("Territory"), max_length=120)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[*BLANK_CHOICE_DASH, *DOCUMENT_LANGUAGES],
        help_text=_("The language its title, summary and rules are written in."),
    )
    starts_on = DateField(label=_("Starts on"), required=False, widget=DateInput)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DateInput)
    next_review_on = DateField(label=_("Next review on"), required=False, widget=DateInput)
    goals = forms.ModelMultipleChoiceField(
        label=_("Shared goals it works towards"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    community_groups = CommunityGroupsField(
        label=_("Community groups served"),
        help_text=_("Safety for the whole community: name at least one group beyond the private "
                    "partners' own customers."),
    )
    internal_notes = forms.CharField(
        label=_("Internal notes"), required=False, widget=forms.Textarea,
        help_text=_("Seen only by your body; never published."),
    )

    def __init__(self, *args, lead_body=None, choose_lead_body=False, current_goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_lead_body:
            del self.fields["lead_body"]
        goals = Goal.objects.select_related("strategy")
        if lead_body is not None:
            goals = goals.filter(Q(strategy__owner=lead_body) | Q(pk__in=[g.pk for g in current_goals]))
        self.fields["goals"].queryset = goals.order_by("strategy__title", "title")


class RowForm(RegistryForm):
    """A row of a formset that may stand for an existing object, named by its id."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PartyForm(RowForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Only verified organisations can become parties."),
        # The script turns the list into a search-as-you-type picker (static/js/site.js).
        widget=forms.Select(attrs={
            "data-picker": reverse_lazy("actors:organisation_picker"),
            "data-picker-found": _("Organisations found: {count}"),
            "data-picker-none": _("No verified organisation has this in its name."),
        }),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[*BLANK_CHOICE_DASH, *Role.choices])
    responsibilities = forms.CharField(
        label=_("Responsibilities"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What this party undertakes to do."),
    )
    joined_on = DateField(label=_("Joined on"), required=False, widget=DateInput)

    def __init__(self, *args, organisations=None, organisation_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        # Every row shares one list of choices, so the page reads the organisations only once.
        field.choices = organisation_choices


class ContributionMeasureForm(RegistryForm):
    """The measure of a contribution, as a party's contribution and a firm's offer take it."""

    kind = forms.ChoiceField(
        label=_("Kind of contribution"), choices=[*BLANK_CHOICE_DASH, *ContributionKind.choices]
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=0, required=False,
        localize=True, help_text=_("For a financial contribution."),
    )
    currency = forms.CharField(
        label=_("Currency"), max_length=3, required=False, initial="EUR",
        help_text=_("ISO code, e.g. EUR."),
    )
    person_days = forms.DecimalField(
        label=_("Person-days"), max_digits=9, decimal_places=1, min_value=0, required=False,
        localize=True, help_text=_("For human resources."),
    )

    def clean_currency(self):
        return checked_currency(self.cleaned_data["currency"])


class ContributionForm(ContributionMeasureForm, RowForm):
    """A contribution's row in the partnership form."""


class RuleForm(RowForm):
    category = forms.ChoiceField(
        label=_("Category"), choices=[*BLANK_CHOICE_DASH, *RuleCategory.choices]
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))


class ContributionFormSetBase(BaseFormSet):
    # Contributions sit inside a party row whose own template uses "__prefix__".
    placeholder = "__contribution__"

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix(self.placeholder),
            empty_permitted=True,
            use_required_attribute=False,
            renderer=self.form_renderer,
            **self.get_form_kwargs(None),
        )
        self.add_fields(form, None)
        return form


PartyFormSet = formset_factory(PartyForm, extra=1, can_delete=True)
ContributionFormSet = formset_factory(
    ContributionForm, formset=ContributionFormSetBase, extra=1, can_delete=True
)
RuleFormSet = formset_factory(RuleForm, extra=1, can_delete=True)


class TransitionForm(RegistryForm):
    status = forms.CharField(max_length=20)


class ReasonedTransitionForm(RegistryForm):
    """The confirmation of a suspension, conclusion or termination, with its public reason."""

    status = forms.CharField(max_length=20, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Published on the public page and in the open data: no personal data."),
    )


class DocumentForm(RegistryForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    issued_on = forms.DateField(label=_("Date"), widget=DateInput)
    language = forms.ChoiceField(label=_("Language"), choices=DOCUMENT_LANGUAGES)
    visibility = forms.ChoiceField(label=_("Visibility"), choices=DocumentVisibility.choices)
    file = forms.FileField(
        label=_("PDF document"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k, v) for k, v in DocumentKind.choices if k in kinds]
