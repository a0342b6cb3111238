from django import forms
from django.utils.translation import gettext_lazy as _

from actors.models import Organisation
from core.forms import DateField, DateInput, RegistryForm

from .choices import Area, Horizon, IndicatorDirection, Priority
from .models import CommunityGroup


class StrategyForm(RegistryForm):
    owner = forms.ModelChoiceField(
        label=_("Owner body"), queryset=Organisation.objects.public_bodies()
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    territory = forms.CharField(label=_("Territory"), max_length=120)
    starts_on = DateField(label=_("Starts on"), widget=DateInput)
    ends_on = DateField(label=_("Ends on"), required=False, widget=DateInput)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)

    def __init__(self, *args, choose_owner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_owner:
            del self.fields["owner"]


class CommunityGroupsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=CommunityGroup.objects.all(), required=False, **kwargs)


class GoalForm(RegistryForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices, widget=forms.RadioSelect)
    horizon = forms.ChoiceField(label=_("Horizon"), choices=Horizon.choices, widget=forms.RadioSelect)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.MEDIUM,
        widget=forms.RadioSelect,
    )
    territory = forms.CharField(label=_("Territory"), max_length=120)
    target_on = DateField(
        label=_("Target date"), required=False, widget=DateInput,
        help_text=_("Optional; short term within a year, medium term in one to three years, "
                    "long term beyond."),
    )
    community_groups = CommunityGroupsField(label=_("Community groups"))


class IndicatorForm(RegistryForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    unit = forms.CharField(label=_("Unit"), max_length=40, help_text=_("e.g. incidents, %, people"))
    direction = forms.ChoiceField(
        label=_("Direction"), choices=IndicatorDirection.choices, widget=forms.RadioSelect
    )
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2, localize=True)
    baseline_on = DateField(label=_("Baseline date"), widget=DateInput)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2, localize=True)
    target_on = DateField(label=_("Target date"), required=False, widget=DateInput)


class MeasurementForm(RegistryForm):
    measured_on = DateField(label=_("Measured on"), widget=DateInput)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2, localize=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
