from django import forms
from django.utils.translation import gettext_lazy as _

from actors.choices import VerificationStatus
from actors.models import Organisation
from core.forms import DateField, DateInput, RegistryForm
from goals.choices import Area
from goals.forms import CommunityGroupsField
from goals.models import Goal
from partnerships.choices import ContributionKind
from partnerships.forms import ContributionMeasureForm

from .choices import BudgetBand, Magnitude, ProjectState, Visibility


class ProjectForm(RegistryForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea)
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices, widget=forms.RadioSelect)
    territory = forms.CharField(label=_("Territory"), max_length=120)
    state = forms.ChoiceField(label=_("State"), choices=ProjectState.choices, widget=forms.RadioSelect)
    starts_on = DateField(label=_("Starts on"), required=False, widget=DateInput)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DateInput)
    budget_band = forms.ChoiceField(label=_("Budget"), choices=BudgetBand.choices, required=False)
    community_groups = CommunityGroupsField(label=_("Community groups served"))
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals served"), queryset=Goal.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Goals of your body's strategies that the project serves."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners already involved"), queryset=Organisation.objects.none(),
        required=False, widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    results = forms.CharField(
        label=_("Results"), required=False, widget=forms.Textarea,
        help_text=_("What the project achieved, with figures where you have them."),
    )
    lessons_learned = forms.CharField(
        label=_("Lessons learned"), required=False, widget=forms.Textarea,
        help_text=_("What another city should know before starting a similar project."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it"), choices=Visibility.choices, initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation.is_public_body:
            self.fields["goals"].queryset = Goal.objects.filter(
                strategy__owner=organisation
            ).select_related("strategy")
        else:
            del self.fields["goals"]
        self.fields["partners"].queryset = Organisation.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).exclude(pk=organisation.pk)


class NeedForm(RegistryForm):
    kind = forms.ChoiceField(label=_("Contribution sought"), choices=ContributionKind.choices)
    magnitude = forms.ChoiceField(label=_("Order of magnitude"), choices=Magnitude.choices,
                                  initial=Magnitude.MEDIUM)
    territory = forms.CharField(label=_("Territory"), max_length=120, required=False,
                                help_text=_("The goal's territory when left empty."))
    description = forms.CharField(label=_("Description"), max_length=300, required=False)


class OfferForm(ContributionMeasureForm):
    area = forms.ChoiceField(label=_("Area"), choices=[("", _("Any area")), *Area.choices],
                             required=False)
    territory = forms.CharField(label=_("Territory"), max_length=120,
                                help_text=_("Where your organisation can act."))
    magnitude = forms.ChoiceField(label=_("Capacity"), choices=Magnitude.choices,
                                  initial=Magnitude.MEDIUM)
    expectations = forms.CharField(label=_("What you expect in return"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))


class InviteForm(RegistryForm):
    organisation = forms.IntegerField(widget=forms.HiddenInput)
    call = forms.ModelChoiceField(label=_("Call for partners"), queryset=None)

    def __init__(self, *args, calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls


class DraftForm(RegistryForm):
    title = forms.CharField(label=_("Title of the draft partnership"), max_length=200)
