"""Query budgets: every list and export runs the same number of SQL queries for 3 rows as for 30."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection

from goals.models import Measurement
from partnerships.choices import Status

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db


def _partnership(body):
    partnership = f.PartnershipFactory(lead_body=body)
    f.PartyFactory(partnership=partnership)
    partnership.goals.add(f.GoalFactory(strategy__owner=body))
    partnership.community_groups.add(f.CommunityGroupFactory())
    return partnership


def _published_partnership(body):
    partnership = _partnership(body)
    partnership.status = Status.ACTIVE
    partnership.save()
    return partnership


def _party(body):
    return f.ContributionFactory(party__partnership__lead_body=body).party


def _goal(body):
    goal = f.GoalFactory(strategy__owner=body)
    goal.community_groups.add(f.CommunityGroupFactory())
    return goal


def _indicator(body):
    indicator = f.IndicatorFactory(goal__strategy__owner=body)
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 3, 1),
                               value=Decimal(70))
    return indicator


MAKERS = {
    "organisations": lambda body: f.OrganisationFactory(),
    "partnerships": _partnership,
    "parties": _party,
    "contributions": lambda body: f.ContributionFactory(party__partnership__lead_body=body),
    "rules": lambda body: f.RuleFactory(partnership__lead_body=body),
    "strategies": lambda body: f.StrategyFactory(owner=body),
    "goals": _goal,
    "indicators": _indicator,
    "measurements": lambda body: _indicator(body).measurements.get(),
    "community-groups": lambda body: f.CommunityGroupFactory(),
    "documents": lambda body: f.DocumentFactory(partnership__lead_body=body),
}

# Per list, as Alice (a coordinator, so restriction subqueries are in play):
BUDGETS = {
    "organisations": 1,  # the page
    # the page with lead bodies and party counts, then its goals, then its groups; on PostgreSQL
    # the goals and groups come as JSON within the page's query
    "partnerships": 1 if connection.vendor == "postgresql" else 3,
    "parties": 2,  # the page with partnership, lead body and organisation; contributions
    "contributions": 1,  # the page with party, organisation and partnership
    "rules": 1,  # the page
    "strategies": 1,  # the page with owners
    "goals": 2,  # the page with strategies and owners; groups
    "indicators": 2,  # the page; measurements
    "measurements": 1,  # the page
    "community-groups": 1,  # the page
    "documents": 1,  # the page with partnerships
}


def _rows(response) -> int:
    if not response.streaming:
        return len(response.json()["results"])
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        return len(content.splitlines()) - 1
    return len(json.loads(content))


@pytest.mark.parametrize("suffix", ["/", "/export.csv", "/export.json"])
@pytest.mark.parametrize("resource", list(BUDGETS))
def test_same_queries_for_3_and_30_rows(coordinator, django_assert_num_queries, resource, suffix):
    client = client_for(coordinator)
    made = 0
    for rows in (3, 30):
        while made < rows:
            MAKERS[resource](coordinator.organisation)
            made += 1
        with django_assert_num_queries(BUDGETS[resource]):
            response = client.get(f"/api/v1/{resource}{suffix}", {"page_size": 500})
            count = _rows(response)
        assert response.status_code == 200
        assert count >= rows


def test_published_list_for_the_public_has_the_same_budget(django_assert_num_queries, body):
    client = client_for(None)
    for rows in (3, 30):
        while len(client.get("/api/v1/partnerships/", {"page_size": 500}).json()["results"]) < rows:
            _published_partnership(body)
        with django_assert_num_queries(BUDGETS["partnerships"]):
            response = client.get("/api/v1/partnerships/", {"page_size": 500})
        assert len(response.json()["results"]) == rows


@pytest.mark.parametrize(("resource", "params"), [
    ("partnerships", {"status": "active", "sector": "private", "role": "lead_authority",
                      "area": "other", "contribution_kind": "data", "country": "FR"}),
    ("organisations", {"sector": "private", "kind": "sme", "verification_status": "verified"}),
    ("goals", {"area": "other", "horizon": "short", "priority": "1"}),
    ("parties", {"role": "co_funder", "sector": "public", "status": "draft"}),
])
def test_filters_never_ask_for_distinct(coordinator, resource, params):
    """No filter can duplicate a row, and DISTINCT would make the database build every match
    before taking a page."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client_for(coordinator).get(f"/api/v1/{resource}/", params)

    assert response.status_code == 200
    assert not any("DISTINCT" in query["sql"] for query in queries.captured_queries)
