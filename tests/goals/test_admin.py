"""The goals admin: strategies, goals with their indicators, indicators with their measurements,
all written through the services."""

import datetime

import pytest

from goals.choices import Area, Horizon, IndicatorDirection
from goals.models import CommunityGroup, Goal, Indicator, SafetyStrategy
from tests import factories as f
from tests.admin_forms import (
    add_form,
    add_row,
    admin_as,
    admin_url,
    change_lists_cost_the_same_for_3_and_30_rows,
    errors_of,
    form_data,
)

pytestmark = pytest.mark.django_db


test_change_lists_cost_the_same_for_3_and_30_rows = change_lists_cost_the_same_for_3_and_30_rows(
    (SafetyStrategy, f.StrategyFactory),
    (Goal, f.GoalFactory),
    (Indicator, f.IndicatorFactory),
    (CommunityGroup, f.CommunityGroupFactory),
)


# Strategies --------------------------------------------------------------------------------


def test_a_strategy_added_in_the_admin_is_credited_to_the_administrator(admin_client,
                                                                        admin_user, body):
    data = add_form(admin_client, SafetyStrategy, owner=body.pk, title="STSPD 2025",
                     territory="Saint-Denis", starts_on="2025-01-01")

    response = admin_client.post(admin_url(SafetyStrategy, "add"), data)

    assert response.status_code == 302, errors_of(response)
    assert SafetyStrategy.objects.get().history.get().history_user == admin_user


def test_a_strategy_of_a_private_firm_is_refused(admin_client, firm):
    data = add_form(admin_client, SafetyStrategy, owner=firm.pk, title="Ours",
                     territory="Saint-Denis", starts_on="2025-01-01")

    response = admin_client.post(admin_url(SafetyStrategy, "add"), data)

    assert errors_of(response) == ["A local safety strategy belongs to a public body."]
    assert not SafetyStrategy.objects.exists()


def test_a_coordinator_in_the_admin_writes_strategies_for_their_own_body_only(
    client, coordinator, body, other_body
):
    admin_as(client, coordinator, "view_safetystrategy", "add_safetystrategy")
    fields = {"title": "STSPD 2025", "territory": "Saint-Denis", "starts_on": "2025-01-01"}

    refused = client.post(admin_url(SafetyStrategy, "add"),
                          add_form(client, SafetyStrategy, owner=other_body.pk, **fields))
    accepted = client.post(admin_url(SafetyStrategy, "add"),
                           add_form(client, SafetyStrategy, owner=body.pk, **fields))

    assert refused.status_code == 403
    assert accepted.status_code == 302, errors_of(accepted)
    assert SafetyStrategy.objects.get().owner == body


def test_the_owner_of_a_strategy_is_set_once(admin_client, body):
    strategy = f.StrategyFactory(owner=body)

    response = admin_client.get(admin_url(SafetyStrategy, "change", strategy.pk))

    assert "owner" not in response.context["adminform"].form.fields
    assert "owner" in response.context["adminform"].readonly_fields


# Goals and their indicators ----------------------------------------------------------------


def _goal_with_indicator(client, strategy, **indicator):
    data = add_form(
        client, Goal, strategy=strategy.pk, title="Fewer thefts around the station",
        area=Area.INTERVENTION_PROJECTS, horizon=Horizon.SHORT, priority=1,
        territory="Saint-Denis",
    )
    data["community_groups"] = [str(f.CommunityGroupFactory(code="commuters").pk)]
    add_row(data, "indicators", name="Thefts reported", unit="thefts", baseline_on="2025-01-01",
            **indicator)
    return client.post(admin_url(Goal, "add"), data)


def test_a_goal_and_its_indicator_are_added_together(admin_client, admin_user):
    response = _goal_with_indicator(admin_client, f.StrategyFactory(), baseline="100",
                                    target="60", direction=IndicatorDirection.DECREASE)

    assert response.status_code == 302, errors_of(response)
    goal = Goal.objects.get()
    assert list(goal.community_groups.values_list("code", flat=True)) == ["commuters"]
    assert goal.history.first().history_user == admin_user
    assert goal.indicators.get().history.get().history_user == admin_user


def test_an_indicator_aiming_the_wrong_way_is_refused_in_the_goal_page(admin_client):
    response = _goal_with_indicator(admin_client, f.StrategyFactory(), baseline="100",
                                    target="120", direction=IndicatorDirection.DECREASE)

    assert errors_of(response) == ["When lower is better, the target must be below the baseline."]
    assert not Goal.objects.exists()


def test_an_indicator_with_its_target_on_its_baseline_is_refused(admin_client):
    response = _goal_with_indicator(admin_client, f.StrategyFactory(), baseline="50",
                                    target="50", direction=IndicatorDirection.INCREASE)

    assert "The target must differ from the baseline." in errors_of(response)


# Indicators and their measurements ---------------------------------------------------------


@pytest.fixture
def indicator(db):
    indicator = f.IndicatorFactory(baseline_on=datetime.date(2025, 1, 1))
    indicator.measurements.create(measured_on=datetime.date(2025, 3, 1), value=95)
    return indicator


def _measure(client, indicator, day, value="90"):
    data = form_data(client.get(admin_url(Indicator, "change", indicator.pk)))
    data["measurements-1-measured_on"] = day
    data["measurements-1-value"] = value
    return client.post(admin_url(Indicator, "change", indicator.pk), data)


def test_a_measurement_is_recorded_in_the_indicator_page(admin_client, admin_user, indicator):
    response = _measure(admin_client, indicator, "2025-06-30")

    assert response.status_code == 302, errors_of(response)
    measurement = indicator.measurements.get(measured_on=datetime.date(2025, 6, 30))
    assert measurement.history.get().history_user == admin_user


def test_a_measurement_before_the_baseline_is_refused(admin_client, indicator):
    response = _measure(admin_client, indicator, "2024-12-31")

    assert errors_of(response) == ["A measurement cannot predate the indicator's baseline."]
    assert indicator.measurements.count() == 1


def test_a_second_measurement_on_the_same_day_is_refused(admin_client, indicator):
    response = _measure(admin_client, indicator, "2025-03-01")

    assert errors_of(response) == ["This indicator already has a measurement on that date."]
    assert indicator.measurements.count() == 1


def test_recorded_measurements_are_not_rewritten(admin_client, indicator):
    response = admin_client.get(admin_url(Indicator, "change", indicator.pk))

    measurements = response.context["inline_admin_formsets"][0]
    assert measurements.has_change_permission is False
    assert measurements.has_add_permission is True


def test_an_indicator_and_its_first_measurement_are_checked_together(admin_client):
    goal = f.GoalFactory()
    data = add_form(admin_client, Indicator, goal=goal.pk, name="Footfall", unit="visitors",
                     baseline="1000", baseline_on="2025-05-01", target="1500",
                     direction=IndicatorDirection.INCREASE)
    data["measurements-0-measured_on"] = "2025-04-30"
    data["measurements-0-value"] = "1010"

    refused = admin_client.post(admin_url(Indicator, "add"), data)
    data["measurements-0-measured_on"] = "2025-05-02"
    accepted = admin_client.post(admin_url(Indicator, "add"), data)

    assert errors_of(refused) == ["A measurement cannot predate the indicator's baseline."]
    assert accepted.status_code == 302, errors_of(accepted)
    assert Indicator.objects.get(name="Footfall").measurements.count() == 1


# Community groups --------------------------------------------------------------------------


def test_community_groups_are_a_vocabulary_of_the_admin(admin_client):
    response = admin_client.post(
        admin_url(CommunityGroup, "add"),
        {"code": "commuters", "name_en": "Commuters", "name_fr": "Usagers des transports",
         "partners_customers": "on"},
    )

    assert response.status_code == 302
    assert CommunityGroup.objects.get(code="commuters").partners_customers is True
