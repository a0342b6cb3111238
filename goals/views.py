from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import Action, is_admin, is_staff_reader, may, may_create
from core.views import FilteredListView, HistoryView, edit_page, form_page, get_for, one_time_form

from . import services
from .filtersets import GoalFilterSet, StrategyFilterSet
from .forms import GoalForm, IndicatorForm, MeasurementForm, StrategyForm
from .models import Indicator, Measurement, SafetyStrategy
from .selectors import (
    goal_detail_queryset,
    goal_list,
    indicator_list,
    measurement_list,
    strategy_detail_queryset,
    strategy_list,
)


class StrategyListView(FilteredListView):
    """Local safety strategies are public: anyone reads them, with their goals."""

    template_name = "goals/strategy_list.html"
    title = gettext_lazy("Local safety strategies")
    filterset_class = StrategyFilterSet
    selector = staticmethod(strategy_list)
    creates = SafetyStrategy


strategy_list_view = StrategyListView.as_view()


def strategy_detail(request, pk):
    strategy = get_for(request.user, strategy_detail_queryset, pk)
    can_edit = may(request.user, Action.CHANGE, strategy)
    return render(request, "goals/strategy_detail.html", {
        "strategy": strategy,
        "goals": goal_list(user=request.user).filter(strategy=strategy),
        "can_edit": can_edit,
        "history_url": reverse("goals:strategy_history", args=[pk])
        if is_staff_reader(request.user) else None,
    })


STRATEGY_FIELDS = ("title", "territory", "starts_on", "ends_on", "summary")


@login_required
@one_time_form
def strategy_create(request):
    user = request.user
    if not may_create(user, SafetyStrategy):
        raise PermissionDenied

    def save(data):
        owner = data.pop("owner", None) or user.organisation
        return services.strategy_create(actor=user, owner=owner, **data)

    return form_page(
        request, StrategyForm(request.POST or None, choose_owner=is_admin(user)), save=save,
        success=_("The strategy is registered."), title=_("New local safety strategy"),
        submit_label=_("Register"), cancel_url=reverse("goals:strategy_list"),
    )


@login_required
def strategy_edit(request, pk):
    strategy = get_for(request.user, strategy_detail_queryset, pk, Action.CHANGE)
    initial = {name: getattr(strategy, name) for name in STRATEGY_FIELDS}
    return edit_page(
        request, strategy, StrategyForm(request.POST or None, initial=initial),
        save=lambda data: services.strategy_update(actor=request.user, strategy=strategy, **data),
    )


class StrategyHistoryView(HistoryView):
    selector = staticmethod(strategy_list)


strategy_history = StrategyHistoryView.as_view()


class GoalListView(FilteredListView):
    template_name = "goals/goal_list.html"
    title = gettext_lazy("Shared goals")
    filterset_class = GoalFilterSet
    selector = staticmethod(goal_list)
    hidden_filters = ("strategy",)


goal_list_view = GoalListView.as_view()


def goal_detail(request, pk):
    goal = get_for(request.user, goal_detail_queryset, pk)
    can_edit = may(request.user, Action.CHANGE, goal)
    indicators = list(goal.indicators.all())
    return render(request, "goals/goal_detail.html", {
        "goal": goal,
        "indicators": [
            (indicator, MeasurementForm(prefix=f"indicator-{indicator.pk}") if can_edit else None)
            for indicator in indicators
        ],
        "can_edit": can_edit,
        "history_url": reverse("goals:goal_history", args=[pk])
        if is_staff_reader(request.user) else None,
    })


GOAL_FIELDS = ("title", "description", "area", "horizon", "priority", "territory", "target_on")


@login_required
@one_time_form
def goal_create(request, strategy_pk):
    strategy = get_for(request.user, strategy_list, strategy_pk, Action.CHANGE)
    return form_page(
        request, GoalForm(request.POST or None, initial={"territory": strategy.territory}),
        save=lambda data: services.goal_create(actor=request.user, strategy=strategy, **data),
        success=_("The goal is registered."),
        title=_("New goal of %(strategy)s") % {"strategy": strategy.title},
        submit_label=_("Register"), cancel_url=strategy.get_absolute_url(),
    )


@login_required
def goal_edit(request, pk):
    goal = get_for(request.user, goal_detail_queryset, pk, Action.CHANGE)
    initial = {name: getattr(goal, name) for name in GOAL_FIELDS}
    initial["community_groups"] = list(goal.community_groups.all())
    return edit_page(
        request, goal, GoalForm(request.POST or None, initial=initial),
        save=lambda data: services.goal_update(actor=request.user, goal=goal, **data),
    )


class GoalHistoryView(HistoryView):
    selector = staticmethod(goal_list)

    def get_records(self, obj):
        indicators = Indicator.history.filter(goal_id=obj.pk)
        return [
            *obj.history.select_related("history_user"),
            *indicators.select_related("history_user"),
            *Measurement.history.filter(
                indicator_id__in=indicators.values("id")
            ).select_related("history_user"),
        ]


goal_history = GoalHistoryView.as_view()

INDICATOR_FIELDS = ("name", "unit", "direction", "baseline", "baseline_on", "target", "target_on")


@login_required
@one_time_form
def indicator_create(request, goal_pk):
    goal = get_for(request.user, goal_list, goal_pk, Action.CHANGE)
    return form_page(
        request, IndicatorForm(request.POST or None),
        save=lambda data: services.indicator_create(actor=request.user, goal=goal, **data),
        success=_("The indicator is registered."),
        title=_("New indicator for %(goal)s") % {"goal": goal.title},
        submit_label=_("Register"), cancel_url=goal.get_absolute_url(),
    )


@login_required
def indicator_edit(request, pk):
    indicator = get_for(request.user, indicator_list, pk, Action.CHANGE)
    initial = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    return edit_page(
        request, indicator, IndicatorForm(request.POST or None, initial=initial), name=indicator.name,
        save=lambda data: services.indicator_update(actor=request.user, indicator=indicator, **data),
    )


@login_required
@one_time_form
def measurement_create(request, indicator_pk):
    indicator = get_for(request.user, indicator_list, indicator_pk, Action.CHANGE)

    def save(data):
        services.measurement_record(actor=request.user, indicator=indicator, **data)
        return indicator

    return form_page(
        request, MeasurementForm(request.POST or None, prefix=f"indicator-{indicator.pk}"),
        save=save, success=_("The measurement is recorded."),
        title=_("New measurement of %(name)s") % {"name": indicator.name},
        submit_label=_("Record"), cancel_url=indicator.get_absolute_url(),
    )


MEASUREMENT_FIELDS = ("measured_on", "value", "note")


@login_required
def measurement_edit(request, pk):
    """Correct a measurement: whoever may change its indicator."""
    measurement = get_for(request.user, measurement_list, pk, Action.CHANGE)
    initial = {name: getattr(measurement, name) for name in MEASUREMENT_FIELDS}
    return form_page(
        request, MeasurementForm(request.POST or None, initial=initial),
        save=lambda data: services.measurement_update(
            actor=request.user, measurement=measurement, **data
        ),
        success=_("The measurement is corrected."),
        title=_("Correct the measurement of %(name)s") % {"name": measurement.indicator.name},
        submit_label=_("Save the correction"), cancel_url=measurement.get_absolute_url(),
    )


@login_required
def measurement_withdraw(request, pk):
    measurement = get_for(request.user, measurement_list, pk, Action.CHANGE)
    if request.method == "POST":
        back = measurement.get_absolute_url()
        services.measurement_withdraw(actor=request.user, measurement=measurement)
        messages.success(request, _("The measurement is withdrawn."))
        return redirect(back)
    return render(request, "goals/measurement_confirm_withdraw.html", {"measurement": measurement})
