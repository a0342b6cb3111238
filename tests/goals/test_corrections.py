"""Measurements are never dated in the future; a wrong one is corrected or withdrawn by whoever
may change its indicator, on the page and in the API, and the history says who did it. A goal's
target date agrees with its horizon."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from goals.choices import Horizon
from goals.models import Measurement
from goals.services import (
    goal_create,
    goal_update,
    measurement_record,
    measurement_update,
    measurement_withdraw,
)
from tests import factories as f
from tests.access import KINDS, assert_each_kind_gets, expect

FUTURE = "A measurement cannot be dated in the future."


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def indicator(body):
    return f.IndicatorFactory(goal__strategy__owner=body, name="Reported incidents")


@pytest.fixture
def measurement(indicator, coordinator):
    return measurement_record(actor=coordinator, indicator=indicator,
                              measured_on=in_days(-10), value=Decimal("120"))


def api_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


# Future dates


def test_a_measurement_dated_in_the_future_is_refused(coordinator, indicator):
    with pytest.raises(ValidationError) as error:
        measurement_record(actor=coordinator, indicator=indicator, measured_on=in_days(30),
                           value=Decimal("10"))
    assert error.value.message_dict["measured_on"] == [FUTURE]
    assert measurement_record(actor=coordinator, indicator=indicator,
                              measured_on=timezone.localdate(), value=Decimal("90"))


def test_the_page_and_the_api_refuse_a_future_measurement(client_for, users, indicator):
    page = client_for("coordinator").post(
        reverse("goals:measurement_create", args=[indicator.pk]),
        {f"indicator-{indicator.pk}-measured_on": in_days(31).isoformat(),
         f"indicator-{indicator.pk}-value": "10"},
    )
    assert page.status_code == 200
    assert FUTURE in page.text

    response = api_for(users["coordinator"]).post("/api/v1/measurements/", {
        "indicator": indicator.pk, "measured_on": in_days(31).isoformat(), "value": "10",
    }, format="json")
    assert response.status_code == 400
    assert FUTURE in str(response.json())
    assert not Measurement.objects.exists()


# Corrections through the services


def test_a_correction_is_credited_in_the_history(measurement, coordinator):
    measurement_update(actor=coordinator, measurement=measurement, value=Decimal("112"),
                       note="Double-counted incidents removed.")
    latest = measurement.history.first()
    assert latest.value == Decimal("112")
    assert latest.history_user == coordinator
    assert measurement.history.last().value == Decimal("120")


def test_a_correction_cannot_move_a_measurement_into_the_future(measurement, coordinator):
    with pytest.raises(ValidationError):
        measurement_update(actor=coordinator, measurement=measurement, measured_on=in_days(2))


def test_a_withdrawal_is_credited_in_the_history(measurement, coordinator):
    measurement_withdraw(actor=coordinator, measurement=measurement)
    assert not Measurement.objects.exists()
    withdrawal = Measurement.history.get(history_type="-")
    assert withdrawal.history_user == coordinator
    assert withdrawal.value == Decimal("120")


def test_only_those_who_may_change_the_indicator_correct_it(measurement, users):
    for kind in ("firm", "other_firm", "other_coordinator", "analyst"):
        with pytest.raises(PermissionDenied):
            measurement_update(actor=users[kind], measurement=measurement, value=Decimal("1"))
        with pytest.raises(PermissionDenied):
            measurement_withdraw(actor=users[kind], measurement=measurement)
    measurement.refresh_from_db()
    assert measurement.value == Decimal("120")


# Pages


@pytest.mark.parametrize("name", ["goals:measurement_edit", "goals:measurement_withdraw"])
def test_each_kind_of_user_on_the_correction_pages(client, users, measurement, name):
    assert_each_kind_gets(client, users, reverse(name, args=[measurement.pk]),
                          expect(302, 403, 403, 403, 200, 403, 200).values())


def test_the_goal_page_offers_corrections_to_those_who_may_make_them(client_for, measurement):
    url = measurement.indicator.goal.get_absolute_url()
    edit = reverse("goals:measurement_edit", args=[measurement.pk])
    assert edit in client_for("coordinator").get(url).text
    assert edit not in client_for("analyst").get(url).text


def test_a_coordinator_corrects_a_measurement_on_its_page(client_for, measurement, coordinator):
    client = client_for("coordinator")
    url = reverse("goals:measurement_edit", args=[measurement.pk])
    assert client.get(url).status_code == 200

    refused = client.post(url, {"measured_on": in_days(5).isoformat(), "value": "100"})
    assert FUTURE in refused.text

    response = client.post(url, {"measured_on": measurement.measured_on.isoformat(),
                                 "value": "101", "note": "Corrected count."})
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == Decimal("101")
    history = client.get(reverse("goals:goal_history", args=[measurement.indicator.goal_id]))
    assert "101" in history.text
    assert coordinator.get_full_name() in history.text


def test_a_coordinator_withdraws_a_measurement_on_its_page(client_for, measurement):
    client = client_for("coordinator")
    url = reverse("goals:measurement_withdraw", args=[measurement.pk])
    assert "Withdraw the measurement" in client.get(url).text

    response = client.post(url)

    assert response.status_code == 302
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("kind", ["anonymous", "firm", "other_coordinator", "analyst"])
def test_others_cannot_withdraw_on_the_page(client_for, measurement, kind):
    client_for(kind).post(reverse("goals:measurement_withdraw", args=[measurement.pk]))
    assert Measurement.objects.filter(pk=measurement.pk).exists()


# API

WRITE = expect(anonymous=401, firm=403, other_firm=403, other_coordinator=403, coordinator=200,
               analyst=403, admin=200)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_user_correcting_through_the_api(users, measurement, kind):
    response = api_for(users[kind]).patch(f"/api/v1/measurements/{measurement.pk}/",
                                          {"value": "99"}, format="json")
    assert response.status_code == WRITE[kind]
    measurement.refresh_from_db()
    assert (measurement.value == Decimal("99")) == (WRITE[kind] == 200)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_user_withdrawing_through_the_api(users, measurement, kind):
    response = api_for(users[kind]).delete(f"/api/v1/measurements/{measurement.pk}/")
    expected = 204 if WRITE[kind] == 200 else WRITE[kind]
    assert response.status_code == expected
    assert Measurement.objects.filter(pk=measurement.pk).exists() == (expected != 204)


def test_the_api_refuses_a_correction_into_the_future(users, measurement):
    response = api_for(users["coordinator"]).patch(
        f"/api/v1/measurements/{measurement.pk}/", {"measured_on": in_days(3).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert FUTURE in str(response.json())


# A goal's target date and its horizon


@pytest.mark.parametrize("horizon, days, agrees", [
    (Horizon.SHORT, 200, True),
    (Horizon.SHORT, 500, False),
    (Horizon.MEDIUM, 200, False),
    (Horizon.MEDIUM, 700, True),
    (Horizon.MEDIUM, 1200, False),
    (Horizon.LONG, 700, False),
    (Horizon.LONG, 1200, True),
    (Horizon.LONG, -5, False),
])
def test_a_goal_target_date_agrees_with_its_horizon(coordinator, body, horizon, days, agrees):
    strategy = f.StrategyFactory(owner=body)
    fields = {"actor": coordinator, "strategy": strategy, "title": "Safer nights",
              "area": "intervention_projects", "horizon": horizon, "territory": "Saint-Denis",
              "target_on": in_days(days)}
    if agrees:
        assert goal_create(**fields).target_on == in_days(days)
    else:
        with pytest.raises(ValidationError) as error:
            goal_create(**fields)
        assert "target_on" in error.value.message_dict


def test_a_goal_without_a_target_date_keeps_any_horizon(coordinator, body):
    goal = goal_create(actor=coordinator, strategy=f.StrategyFactory(owner=body), title="Trust",
                       area="institutional_strength", horizon=Horizon.LONG,
                       territory="Saint-Denis")
    goal_update(actor=coordinator, goal=goal, horizon=Horizon.SHORT)
    with pytest.raises(ValidationError):
        goal_update(actor=coordinator, goal=goal, target_on=in_days(800))


def test_the_goal_page_and_api_check_the_target_date(client_for, users, body):
    strategy = f.StrategyFactory(owner=body)
    page = client_for("coordinator").post(reverse("goals:goal_create", args=[strategy.pk]), {
        "title": "Quick wins", "area": "intervention_projects", "horizon": "short",
        "priority": "2", "territory": "Saint-Denis", "target_on": in_days(600).isoformat(),
    })
    assert page.status_code == 200
    assert "A short-term goal is reached within a year" in page.text

    response = api_for(users["coordinator"]).post("/api/v1/goals/", {
        "strategy": strategy.pk, "title": "Quick wins", "area": "intervention_projects",
        "horizon": "short", "territory": "Saint-Denis", "target_on": in_days(100).isoformat(),
    }, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["target_on"] == in_days(100).isoformat()
