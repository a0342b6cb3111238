"""Free-text search through ``q``: every word must match; on PostgreSQL each list's GIN index
serves it (the index expression and the query's are the same)."""

import pytest
from django.db import connection

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text indexes exist on PostgreSQL only"
)


@pytest.fixture
def alice(coordinator):
    return client_for(coordinator)


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(row["title"] for row in response.json()["results"])


def test_every_word_must_match(alice, body):
    f.PartnershipFactory(title="Night buses", territory="Gent", lead_body=body)
    f.PartnershipFactory(title="Night markets", territory="Lyon", lead_body=body)
    f.PartnershipFactory(title="Safer buses", territory="Lyon", lead_body=body)

    assert titles(alice.get("/api/v1/partnerships/", {"q": "night"})) == [
        "Night buses", "Night markets"]
    assert titles(alice.get("/api/v1/partnerships/", {"q": "night lyon"})) == ["Night markets"]
    assert titles(alice.get("/api/v1/partnerships/", {"q": "nowhere"})) == []


def test_search_keeps_restriction_and_other_filters(users, body, other_body):
    f.PartnershipFactory(title="Night buses", lead_body=other_body)  # a draft of Bob's body
    mine = f.PartnershipFactory(title="Night markets", lead_body=body)

    alice = client_for(users["coordinator"])
    assert [r["id"] for r in alice.get("/api/v1/partnerships/", {"q": "night"}).json()[
        "results"]] == [mine.pk]
    assert alice.get("/api/v1/partnerships/", {"q": "night", "status": "active"}).json()[
        "results"] == []


@pytest.mark.parametrize(("resource", "make", "word"), [
    ("organisations", lambda b: f.OrganisationFactory(name="Lumière Éclairage"), "lumière"),
    ("strategies", lambda b: f.StrategyFactory(owner=b, summary="Quiet nights"), "quiet"),
    ("goals", lambda b: f.GoalFactory(strategy__owner=b, description="Lit tunnels"), "tunnels"),
    ("indicators", lambda b: f.IndicatorFactory(goal__strategy__owner=b, unit="lamps"), "lamps"),
    ("rules", lambda b: f.RuleFactory(partnership__lead_body=b, text="Quarterly audit"), "audit"),
    ("contributions", lambda b: f.ContributionFactory(party__partnership__lead_body=b,
                                                       description="Camera network"), "camera"),
    ("parties", lambda b: f.PartyFactory(partnership__lead_body=b,
                                         responsibilities="Runs the patrols"), "patrols"),
    ("community-groups", lambda b: f.CommunityGroupFactory(name_fr="Commerçants"), "commerçants"),
])
def test_every_list_searches(alice, body, resource, make, word):
    made = make(body)

    found = alice.get(f"/api/v1/{resource}/", {"q": word}).json()["results"]
    assert [row["id"] for row in found] == [made.pk]


@on_postgresql
@pytest.mark.parametrize(("resource", "index"), [
    ("organisations", "organisation_search"),
    ("strategies", "strategy_search"),
    ("goals", "goal_search"),
    ("indicators", "indicator_search"),
    ("partnerships", "partnership_search"),
    ("rules", "rule_search"),
    ("contributions", "contribution_search"),
    ("community-groups", "community_group_search"),
])
def test_the_gin_index_serves_the_search(alice, resource, index):
    """With sequential scans priced out (the test tables are tiny), the planner must be able to
    answer the search from the index, which it can only if the expressions are identical."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        alice.get(f"/api/v1/{resource}/", {"q": "night buses"})
    page_query = next(q["sql"] for q in queries.captured_queries if "@@" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {page_query}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"Bitmap Index Scan on {index}" in plan, plan
