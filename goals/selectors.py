from django.db.models import Prefetch

from core.access import Action

from .models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy


def strategy_list(*, user, action: str = Action.VIEW):
    return SafetyStrategy.objects.restrict(user, action).select_related("owner")


def strategy_detail_queryset(*, user, action: str = Action.VIEW):
    return strategy_list(user=user, action=action).prefetch_related("goals")


def _indicators():
    return Indicator.objects.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
    )


def goal_list(*, user, action: str = Action.VIEW):
    return (
        Goal.objects.restrict(user, action)
        .select_related("strategy", "strategy__owner")
        .prefetch_related("community_groups")
    )


def goal_detail_queryset(*, user, action: str = Action.VIEW):
    return goal_list(user=user, action=action).prefetch_related(
        Prefetch("indicators", queryset=_indicators())
    )


def indicator_list(*, user, action: str = Action.VIEW):
    return (
        Indicator.objects.restrict(user, action)
        .select_related("goal", "goal__strategy__owner")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
        )
    )


def measurement_list(*, user, action: str = Action.VIEW):
    """Measurements follow their indicator: visible with it, recorded by its owner body."""
    return Measurement.objects.restrict(user, action).select_related("indicator")


def community_group_list(*, user, action: str = Action.VIEW):
    """A public vocabulary, changed only in the admin."""
    return CommunityGroup.objects.all()
