"""Strategies, goals, indicators and their measurements, drawn as a chart."""

import datetime

import pytest
from django.urls import reverse

from goals.choices import Area, Horizon
from goals.models import Goal, Measurement, SafetyStrategy
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_coordinator_writes_a_strategy_for_their_own_body(client_for, body):
    response = client_for("coordinator").post(reverse("goals:strategy_create"), {
        "title": "Contrat local de sécurité", "territory": "Saint-Denis", "starts_on": "2025-01-01",
    })

    strategy = SafetyStrategy.objects.get(title="Contrat local de sécurité")
    assert response.status_code == 302
    assert strategy.owner == body


def test_a_strategy_cannot_end_before_it_starts(client_for):
    response = client_for("coordinator").post(reverse("goals:strategy_create"), {
        "title": "Contrat", "territory": "Saint-Denis", "starts_on": "2025-01-01",
        "ends_on": "2024-01-01",
    })

    assert response.status_code == 200
    assert "A strategy cannot end before it starts." in response.text


def test_a_goal_is_added_to_a_strategy_with_its_groups(client_for, strategy):
    youth = f.CommunityGroupFactory(code="youth", name_en="Young people")

    client_for("coordinator").post(reverse("goals:goal_create", args=[strategy.pk]), {
        "title": "Fewer night-time incidents", "area": Area.INTERVENTION_PROJECTS,
        "horizon": Horizon.SHORT, "priority": "1", "territory": "Saint-Denis",
        "community_groups": [youth.pk],
    })

    goal = Goal.objects.get(title="Fewer night-time incidents")
    assert goal.strategy == strategy
    assert list(goal.community_groups.all()) == [youth]


def record_measurement(client, indicator, measured_on, value):
    """Post the measurement form that the goal's page shows under ``indicator``."""
    prefix = f"indicator-{indicator.pk}"
    return client.post(reverse("goals:measurement_create", args=[indicator.pk]),
                       {f"{prefix}-measured_on": measured_on, f"{prefix}-value": value})


def test_a_measurement_is_recorded_and_drawn(client_for, indicator):
    client = client_for("coordinator")

    response = record_measurement(client, indicator, "2025-06-30", "80")

    assert response.status_code == 302
    assert Measurement.objects.get().value == 80
    page = client.get(indicator.goal.get_absolute_url()).text
    assert "<svg" in page and "<polyline" in page
    assert "50% of the way from the baseline (100) to the target (60)." in page


def test_a_measurement_before_the_baseline_is_refused_on_its_field(client_for, indicator):
    response = record_measurement(client_for("coordinator"), indicator, "2020-01-01", "80")

    assert response.status_code == 200
    assert response.context["form"].errors["measured_on"]
    assert not Measurement.objects.exists()


def test_an_indicator_target_must_go_the_right_way(client_for, goal):
    response = client_for("coordinator").post(reverse("goals:indicator_create", args=[goal.pk]), {
        "name": "Lighting points", "unit": "lamps", "direction": "increase",
        "baseline": "100", "baseline_on": "2025-01-01", "target": "50",
    })

    assert response.status_code == 200
    assert "the target must be above the baseline" in response.text


@pytest.mark.parametrize("kind", ["other_coordinator", "analyst", "firm"])
def test_others_are_offered_no_change_to_a_goal(client_for, kind, indicator):
    page = client_for(kind).get(indicator.goal.get_absolute_url()).text

    assert reverse("goals:goal_edit", args=[indicator.goal.pk]) not in page
    assert reverse("goals:measurement_create", args=[indicator.pk]) not in page


def test_others_cannot_record_a_measurement(client_for, indicator):
    response = record_measurement(client_for("other_coordinator"), indicator, "2025-06-30", "80")

    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_the_coordinator_home_shows_goals_with_progress(client_for, indicator):
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=70)

    page = client_for("coordinator").get(reverse("home:home")).text

    assert indicator.goal.title in page
    assert 'value="75"' in page


def test_goal_history_includes_its_indicators(client_for, goal):
    client = client_for("coordinator")
    client.post(reverse("goals:indicator_create", args=[goal.pk]), {
        "name": "Lighting points", "unit": "lamps", "direction": "increase",
        "baseline": "100", "baseline_on": "2025-01-01", "target": "150",
    })

    page = client.get(reverse("goals:goal_history", args=[goal.pk])).text

    assert "Lighting points" in page
