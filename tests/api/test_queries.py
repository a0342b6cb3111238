"""Query budgets: every list and export runs the same number of SQL queries for 3 rows as for 30."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection

from core.api.readcache import ALIAS
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

# An export turns off PostgreSQL's JIT compilation for its transaction first.
EXPORT_SETUP = {"/": 0, **dict.fromkeys(("/export.csv", "/export.json"),
                                        int(connection.vendor == "postgresql"))}


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
        with django_assert_num_queries(BUDGETS[resource] + EXPORT_SETUP[suffix]):
            response = client.get(f"/api/v1/{resource}{suffix}", {"page_size": 500})
            count = _rows(response)
        assert response.status_code == 200
        assert count >= rows


def test_published_list_for_the_public_has_the_same_budget(django_assert_num_queries, body):
    client = client_for(None)
    for rows in (3, 30):
        while len(client.get("/api/v1/partnerships/", {"page_size": 500}).json()["results"]) < rows:
            _published_partnership(body)
        caches[ALIAS].clear()  # built afresh, not answered again from the read before
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


def _detailed_partnership(body):
    partnership = f.PartnershipFactory(lead_body=body)
    for _ in range(3):
        party = f.PartyFactory(partnership=partnership)
        f.ContributionFactory(party=party)
        f.ContributionFactory(party=party)
        f.RuleFactory(partnership=partnership)
        partnership.goals.add(f.GoalFactory(strategy__owner=body))
        partnership.community_groups.add(f.CommunityGroupFactory())
    return partnership


def _detailed_party(body):
    party = f.PartyFactory(partnership__lead_body=body)
    for _ in range(3):
        f.ContributionFactory(party=party)
    return party


def _detailed_strategy(body):
    strategy = f.StrategyFactory(owner=body)
    for _ in range(3):
        f.GoalFactory(strategy=strategy)
    return strategy


def _detailed_goal(body):
    goal = _goal(body)
    goal.community_groups.add(f.CommunityGroupFactory(), f.CommunityGroupFactory())
    for _ in range(3):
        indicator = f.IndicatorFactory(goal=goal)
        for day in (1, 2):
            Measurement.objects.create(indicator=indicator, value=Decimal(day),
                                       measured_on=datetime.date(2025, 3, day))
    return goal


def _detailed_call(body):
    from tests.calls.factories import CallFactory

    call = CallFactory(lead_body=body)
    call.goals.add(*(f.GoalFactory(strategy__owner=body) for _ in range(3)))
    return call


def _detailed_eoi(body):
    from calls.choices import EoiStatus
    from tests.calls.factories import EoiFactory, OfferFactory

    eoi = EoiFactory(call__lead_body=body, status=EoiStatus.SUBMITTED)
    for _ in range(3):
        OfferFactory(expression_of_interest=eoi)
        eoi.goals.add(f.GoalFactory(strategy__owner=body))
        eoi.community_groups.add(f.CommunityGroupFactory())
    return eoi


def _detailed_project(body):
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory(organisation=body)
    for _ in range(3):
        project.goals.add(f.GoalFactory(strategy__owner=body))
        project.partners.add(f.OrganisationFactory())
        project.community_groups.add(f.CommunityGroupFactory())
    return project


def _need(body):
    from projects.models import Need

    return Need.objects.create(goal=f.GoalFactory(strategy__owner=body), kind="data",
                               territory="Saint-Denis")


def _offer(body):
    from projects.models import ContributionOffer

    return ContributionOffer.objects.create(organisation=f.OrganisationFactory(), kind="data",
                                            territory="Saint-Denis")


# Per detail, as Alice, for an object with three of each related kind (three parties with two
# contributions each, three rules, goals and groups for a partnership, and so on):
DETAIL_BUDGETS = {
    "organisations": (lambda body: f.OrganisationFactory(), 1),  # the object
    # the object with its lead body; parties with organisations; their contributions; rules;
    # goals; groups
    "partnerships": (_detailed_partnership, 6),
    "parties": (_detailed_party, 2),  # the party with partnership and organisation; contributions
    "contributions": (lambda body: f.ContributionFactory(party__partnership__lead_body=body), 1),
    "rules": (lambda body: f.RuleFactory(partnership__lead_body=body), 1),
    "strategies": (_detailed_strategy, 2),  # the strategy with its owner; goals
    # the goal with strategy and owner; groups; indicators; their measurements
    "goals": (_detailed_goal, 4),
    "indicators": (_indicator, 2),  # the indicator with goal and owner; measurements
    "measurements": (lambda body: _indicator(body).measurements.get(), 1),
    "community-groups": (lambda body: f.CommunityGroupFactory(), 1),
    "calls": (_detailed_call, 2),  # the call with its lead body; goals
    # the expression of interest with call, body and organisation; offers; goals; groups;
    # attachments
    "expressions-of-interest": (_detailed_eoi, 5),
    # the project with its organisation; groups; goals; partners
    "projects": (_detailed_project, 4),
    "needs": (_need, 1),
    "contribution-offers": (_offer, 1),
}


@pytest.mark.parametrize("resource", list(DETAIL_BUDGETS))
def test_detail_queries(coordinator, django_assert_num_queries, resource):
    """Each detail answers in a fixed number of queries, whatever it holds."""
    make, budget = DETAIL_BUDGETS[resource]
    instance = make(coordinator.organisation)
    client = client_for(coordinator)

    with django_assert_num_queries(budget):
        response = client.get(f"/api/v1/{resource}/{instance.pk}/")

    assert response.status_code == 200, response.content
    assert response.json()["id"] == instance.pk
