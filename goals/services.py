"""Writes to strategies, goals, indicators and measurements."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actors.models import Organisation
from core.access import is_admin, public_body_id
from core.services import delete_recorded, ensure_allowed, record, record_changes, set_links, update_allowed

from .models import Goal, Indicator, Measurement, SafetyStrategy


def _ensure_owner(*, actor, owner: Organisation):
    if not owner.is_public_body:
        raise ValidationError({"owner": _("A local safety strategy belongs to a public body.")})
    if actor is not None and not is_admin(actor) and public_body_id(actor) != owner.pk:
        raise PermissionDenied(_("You may only write the strategy of your own body."))


@transaction.atomic
def strategy_create(*, actor, owner: Organisation, title: str, territory: str, starts_on,
                    ends_on=None, summary: str = "") -> SafetyStrategy:
    _ensure_owner(actor=actor, owner=owner)
    strategy = SafetyStrategy(owner=owner, title=title, territory=territory,
                              starts_on=starts_on, ends_on=ends_on, summary=summary)
    return record(strategy, actor=actor)


def strategy_update(*, actor, strategy: SafetyStrategy, **changes) -> SafetyStrategy:
    editable = {"title", "territory", "starts_on", "ends_on", "summary"}
    return update_allowed(strategy, changes, editable, actor=actor)


@transaction.atomic
def goal_create(*, actor, strategy: SafetyStrategy, title: str, area: str, horizon: str,
                territory: str, priority: int = 2, description: str = "", target_on=None,
                community_groups=()) -> Goal:
    ensure_allowed(actor, strategy)
    goal = Goal(strategy=strategy, title=title, area=area, horizon=horizon, territory=territory,
                priority=priority, description=description, target_on=target_on)
    record(goal, actor=actor)
    if community_groups:
        goal.community_groups.set(community_groups)
    return goal


@transaction.atomic
def goal_update(*, actor, goal: Goal, community_groups=None, **changes) -> Goal:
    editable = {"title", "area", "horizon", "territory", "priority", "description", "target_on"}
    update_allowed(goal, changes, editable, actor=actor)
    set_links(goal, actor=actor, community_groups=community_groups)
    return goal


@transaction.atomic
def indicator_create(*, actor, goal: Goal, name: str, unit: str, baseline, baseline_on, target,
                     target_on=None, direction: str = "increase") -> Indicator:
    ensure_allowed(actor, goal)
    indicator = Indicator(goal=goal, name=name, unit=unit, baseline=baseline,
                          baseline_on=baseline_on, target=target, target_on=target_on,
                          direction=direction)
    return record(indicator, actor=actor)


def indicator_update(*, actor, indicator: Indicator, **changes) -> Indicator:
    editable = {"name", "unit", "baseline", "baseline_on", "target", "target_on", "direction"}
    return update_allowed(indicator, changes, editable, actor=actor)


@transaction.atomic
def measurement_record(*, actor, indicator: Indicator, measured_on, value,
                       note: str = "") -> Measurement:
    ensure_allowed(actor, indicator)
    measurement = Measurement(indicator=indicator, measured_on=measured_on, value=value, note=note)
    return record(measurement, actor=actor)


@transaction.atomic
def measurement_update(*, actor, measurement: Measurement, **changes) -> Measurement:
    """Correct a measurement; the history keeps the value it replaced and who corrected it."""
    ensure_allowed(actor, measurement.indicator)
    record_changes(measurement, changes, {"measured_on", "value", "note"}, actor=actor)
    return measurement


@transaction.atomic
def measurement_withdraw(*, actor, measurement: Measurement) -> None:
    """Withdraw a wrong measurement; its history records the withdrawal and who made it."""
    ensure_allowed(actor, measurement.indicator)
    delete_recorded(measurement, actor=actor)
