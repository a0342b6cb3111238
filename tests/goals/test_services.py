"""Local safety strategies, shared goals, indicators and measurements, through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from goals.choices import Area, Horizon, IndicatorDirection
from goals.models import Measurement, SafetyStrategy
from goals.services import (
    goal_create,
    indicator_create,
    indicator_update,
    measurement_record,
    strategy_create,
    strategy_update,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

BASELINE_ON = datetime.date(2025, 1, 1)


def _strategy(actor, owner, **kwargs):
    fields = {"title": "Stratégie territoriale de sécurité 2025-2030",
              "territory": "Saint-Denis", "starts_on": datetime.date(2025, 1, 1)}
    return strategy_create(actor=actor, owner=owner, **(fields | kwargs))


# Strategies belong to their body --------------------------------------------------------------


def test_a_coordinator_writes_the_strategy_of_their_own_body(coordinator, body):
    strategy = _strategy(coordinator, body)

    assert strategy.owner == body
    assert strategy.history.get().history_user == coordinator


def test_a_coordinator_cannot_write_another_body_s_strategy(coordinator, other_body):
    with pytest.raises(PermissionDenied):
        _strategy(coordinator, other_body)

    assert not SafetyStrategy.objects.exists()


@pytest.mark.parametrize("who", ["firm", "analyst"])
def test_only_coordinators_write_strategies(users, body, who):
    with pytest.raises(PermissionDenied):
        _strategy(users[who], body)


def test_a_strategy_belongs_to_a_public_body(admin_user, firm):
    with pytest.raises(ValidationError) as error:
        _strategy(admin_user, firm)

    assert error.value.message_dict == {
        "owner": ["A local safety strategy belongs to a public body."]
    }


def test_a_strategy_cannot_end_before_it_starts(coordinator, body):
    with pytest.raises(ValidationError) as error:
        _strategy(coordinator, body, ends_on=datetime.date(2024, 12, 31))

    assert error.value.messages == ["A strategy cannot end before it starts."]


def test_another_body_cannot_change_our_strategy(coordinator, other_coordinator, body):
    strategy = _strategy(coordinator, body)

    with pytest.raises(PermissionDenied):
        strategy_update(actor=other_coordinator, strategy=strategy, title="Ours now")
    strategy_update(actor=coordinator, strategy=strategy, title="Stratégie 2025-2031")

    strategy.refresh_from_db()
    assert strategy.title == "Stratégie 2025-2031"


def test_goals_are_set_in_the_body_s_own_strategy(coordinator, other_coordinator, body):
    strategy = _strategy(coordinator, body)
    young = f.CommunityGroupFactory(code="young-people")
    fields = {"title": "Fewer thefts around the station", "area": Area.INTERVENTION_PROJECTS,
              "horizon": Horizon.SHORT, "territory": "Saint-Denis"}

    with pytest.raises(PermissionDenied):
        goal_create(actor=other_coordinator, strategy=strategy, **fields)
    goal = goal_create(actor=coordinator, strategy=strategy, community_groups=[young], **fields)

    assert list(goal.community_groups.all()) == [young]
    assert goal.owner == body


# Indicators: the target lies in the direction of progress -------------------------------------


def _indicator(actor, goal, *, baseline, target, direction):
    return indicator_create(actor=actor, goal=goal, name="Thefts reported", unit="thefts",
                            baseline=Decimal(baseline), baseline_on=BASELINE_ON,
                            target=Decimal(target), direction=direction)


@pytest.fixture
def goal(body):
    return f.GoalFactory(strategy=f.StrategyFactory(owner=body))


@pytest.mark.parametrize(
    ("baseline", "target", "direction"),
    [("100", "60", IndicatorDirection.DECREASE), ("20", "35", IndicatorDirection.INCREASE)],
)
def test_a_target_in_the_direction_of_progress_is_accepted(coordinator, goal, baseline,
                                                           target, direction):
    indicator = _indicator(coordinator, goal, baseline=baseline, target=target,
                           direction=direction)

    assert indicator.history.get().history_user == coordinator


@pytest.mark.parametrize(
    ("baseline", "target", "direction", "message"),
    [
        ("100", "120", IndicatorDirection.DECREASE,
         "When lower is better, the target must be below the baseline."),
        ("20", "10", IndicatorDirection.INCREASE,
         "When higher is better, the target must be above the baseline."),
    ],
)
def test_a_target_against_the_direction_of_progress_is_refused(coordinator, goal, baseline,
                                                               target, direction, message):
    with pytest.raises(ValidationError) as error:
        _indicator(coordinator, goal, baseline=baseline, target=target, direction=direction)

    assert error.value.message_dict == {"target": [message]}


def test_a_target_equal_to_the_baseline_is_refused(coordinator, goal):
    with pytest.raises(ValidationError) as error:
        _indicator(coordinator, goal, baseline="50", target="50",
                   direction=IndicatorDirection.INCREASE)

    assert error.value.messages == ["The target must differ from the baseline."]


def test_turning_the_direction_round_is_refused(coordinator, goal):
    indicator = _indicator(coordinator, goal, baseline="100", target="60",
                           direction=IndicatorDirection.DECREASE)

    with pytest.raises(ValidationError):
        indicator_update(actor=coordinator, indicator=indicator,
                         direction=IndicatorDirection.INCREASE)

    indicator.refresh_from_db()
    assert indicator.direction == IndicatorDirection.DECREASE


def test_another_body_cannot_add_indicators_to_our_goal(other_coordinator, goal):
    with pytest.raises(PermissionDenied):
        _indicator(other_coordinator, goal, baseline="100", target="60",
                   direction=IndicatorDirection.DECREASE)


# Measurements: from the baseline on, one a day ------------------------------------------------


@pytest.fixture
def indicator(goal):
    return f.IndicatorFactory(goal=goal, baseline_on=BASELINE_ON)


def _measure(actor, indicator, day, value="90"):
    return measurement_record(actor=actor, indicator=indicator, measured_on=day,
                              value=Decimal(value))


def test_a_measurement_before_the_baseline_is_refused(coordinator, indicator):
    with pytest.raises(ValidationError) as error:
        _measure(coordinator, indicator, BASELINE_ON - datetime.timedelta(days=1))

    assert error.value.message_dict == {
        "measured_on": ["A measurement cannot predate the indicator's baseline."]
    }


@pytest.mark.parametrize("days_after", [0, 180])
def test_measurements_from_the_baseline_on_are_recorded(coordinator, indicator, days_after):
    day = BASELINE_ON + datetime.timedelta(days=days_after)

    measurement = _measure(coordinator, indicator, day)

    assert measurement.history.get().history_user == coordinator


def test_one_measurement_a_day(coordinator, indicator):
    day = datetime.date(2025, 6, 30)
    _measure(coordinator, indicator, day)

    with pytest.raises(ValidationError) as error:
        _measure(coordinator, indicator, day, value="85")
    _measure(coordinator, indicator, day + datetime.timedelta(days=1), value="85")

    assert error.value.messages == ["This indicator already has a measurement on that date."]
    assert indicator.measurements.count() == 2


def test_the_database_holds_one_measurement_a_day_too(indicator):
    Measurement.objects.create(indicator=indicator, measured_on=BASELINE_ON, value=1)

    with pytest.raises(IntegrityError):
        Measurement.objects.create(indicator=indicator, measured_on=BASELINE_ON, value=2)
