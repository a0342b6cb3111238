"""Free-text search through ``q``: every word must match; on PostgreSQL each list's GIN index
serves it (the index expression and the query's are the same)."""

import pytest
from django.db import connection

from core import search
from partnerships.models import Partnership
from partnerships.services import partnership_search_deferred

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text indexes exist on PostgreSQL only"
)


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


def test_a_party_name_finds_its_partnerships(alice, body):
    """On every database, the fallback included: the words of a party's name, accents aside."""
    party = f.PartyFactory(partnership__lead_body=body, partnership__title="Night buses",
                           organisation__name="Sécurité Transports Réunis")
    f.PartnershipFactory(title="Night markets", lead_body=body)

    for words in ("transports", "securite reunis", "SÉCURITÉ night"):
        found = alice.get("/api/v1/partnerships/", {"q": words}).json()["results"]
        assert [row["id"] for row in found] == [party.partnership_id], words


def test_search_finds_goal_titles_and_community_groups_without_repeating_rows(alice, body):
    partnership = f.PartnershipFactory(title="Quiet nights", lead_body=body)
    partnership.goals.add(f.GoalFactory(title="Streetlamps repaired", strategy__owner=body),
                          f.GoalFactory(title="Streetlamps counted", strategy__owner=body))
    partnership.community_groups.add(
        f.CommunityGroupFactory(code="shopkeepers", name_en="Shopkeepers", name_fr="Commerçants"))

    for words in ("streetlamps", "shopkeepers", "commercants"):
        assert titles(alice.get("/api/v1/partnerships/", {"q": words})) == ["Quiet nights"], words


@on_postgresql
@pytest.mark.parametrize(("stored", "words"), [
    ("Médiation de nuit", "mediation"),
    ("Mediation at night", "médiation"),
    ("Éclairage public des parcs", "éclairages"),
    ("Street lights in parks", "lighting"),
    ("Caméra de surveillance", "cameras surveillances"),
])
def test_search_ignores_accents_and_stems_french_and_english(alice, body, stored, words):
    f.PartnershipFactory(title=stored, lead_body=body)
    f.PartnershipFactory(title="Something else entirely", lead_body=body)

    assert titles(alice.get("/api/v1/partnerships/", {"q": words})) == [stored]


@on_postgresql
def test_goals_and_organisations_search_ignores_accents_and_stems(alice, body):
    goal = f.GoalFactory(strategy__owner=body, title="Éclairages des rues")
    organisation = f.OrganisationFactory(name="Médiateurs Associés")

    assert [r["id"] for r in alice.get("/api/v1/goals/", {"q": "eclairage"}).json()[
        "results"]] == [goal.pk]
    assert [r["id"] for r in alice.get("/api/v1/organisations/", {"q": "mediateur"}).json()[
        "results"]] == [organisation.pk]


@on_postgresql
def test_the_stored_vector_follows_renames_links_and_removals(alice, body):
    """Triggers refresh a partnership's search vector whatever changes a name it shows."""
    party = f.PartyFactory(partnership__lead_body=body, partnership__title="Night buses",
                           organisation__name="Alpha Transports")
    partnership = party.partnership
    goal = f.GoalFactory(strategy__owner=body, title="Fewer thefts")
    group = f.CommunityGroupFactory(code="riders", name_en="Riders", name_fr="Voyageurs")
    partnership.goals.add(goal)
    partnership.community_groups.add(group)

    def found(words):
        return [r["id"] for r in alice.get("/api/v1/partnerships/", {"q": words}).json()[
            "results"]]

    party.organisation.name = "Omega Transit"
    party.organisation.save()
    goal.title = "Fewer assaults"
    goal.save()
    group.name_fr = "Usagers"
    group.save()
    partnership.title = "Day buses"
    partnership.save()
    assert found("omega assaults usagers day") == [partnership.pk]
    assert found("alpha") == found("thefts") == found("voyageurs") == found("night") == []

    party.delete()
    partnership.goals.clear()
    partnership.community_groups.remove(group)
    assert found("omega") == found("assaults") == found("usagers") == []


@on_postgresql
def test_a_bulk_load_leaves_the_vectors_to_one_refresh_and_writes_after_it_refresh_again(
    alice, body
):
    """Inside ``partnership_search_deferred`` the triggers skip the partnerships and links
    written; the partnerships named get their vector once, at the end; then triggers apply."""

    def stored(partnership):
        return Partnership.objects.values_list("search_vector", flat=True).get(pk=partnership.pk)

    def found(words):
        return [r["id"] for r in alice.get("/api/v1/partnerships/", {"q": words}).json()[
            "results"]]

    with partnership_search_deferred() as written:
        party = f.PartyFactory(partnership__lead_body=body, partnership__title="Night buses",
                               organisation__name="Alpha Transports")
        partnership = party.partnership
        partnership.community_groups.add(f.CommunityGroupFactory(name_en="Riders"))
        assert stored(partnership) is None
        written.append(partnership.pk)
    assert found("night alpha riders") == [partnership.pk]

    f.PartyFactory(partnership=partnership, organisation__name="Omega Transit")
    assert found("omega") == [partnership.pk]


@on_postgresql
@pytest.mark.parametrize("rare_matches", [search.RARE_MATCHES, 0], ids=["rare", "common"])
def test_partnerships_search_reads_the_stored_vector_through_its_index(
    alice, body, monkeypatch, rare_matches
):
    """The probe (rare words: the page then filters on the ids found) and the page query
    (common words) test the stored column (no to_tsvector per row), with the configurations
    written into the SQL, and the GIN index on that column can answer them."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(search, "RARE_MATCHES", rare_matches)
    party = f.PartyFactory(partnership__lead_body=body, organisation__name="Sécurilux")
    f.PartnershipFactory(lead_body=body)
    with CaptureQueriesContext(connection) as queries:
        found = alice.get("/api/v1/partnerships/", {"q": "securilux"}).json()["results"]
    assert [row["id"] for row in found] == [party.partnership_id]
    page_query = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]][-1]
    assert '"partnerships_partnership"."search_vector" @@' in page_query
    assert "to_tsvector" not in page_query
    assert "websearch_to_tsquery('french_unaccent'::regconfig" in page_query
    assert "OFFSET 0" not in page_query
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {page_query}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on partnership_search" in plan, plan


@on_postgresql
@pytest.mark.parametrize("rare_matches", [search.RARE_MATCHES, 0], ids=["rare", "common"])
def test_lists_without_a_stored_vector_probe_their_index_too(
    alice, body, monkeypatch, rare_matches
):
    """A rule's document is computed (``to_tsvector`` of its columns, the GIN index's very
    expression): the probe asks the index, and a common word's page tests rows in id order
    rather than collecting every match first (no ``OFFSET 0`` fence), which for a word of most
    rows meant testing them all."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(search, "RARE_MATCHES", rare_matches)
    rule = f.RuleFactory(partnership__lead_body=body, title="Night buses stop on request")
    f.RuleFactory(partnership__lead_body=body, title="Shared patrols")
    with CaptureQueriesContext(connection) as queries:
        found = alice.get("/api/v1/rules/", {"q": "night bus"}).json()["results"]

    assert [row["id"] for row in found] == [rule.pk]
    matching = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    # A rare word: the probe, then a page of the ids found; a common one: the page matches too.
    assert len(matching) == (1 if rare_matches else 2)
    assert "to_tsvector('french_unaccent'::regconfig" in matching[0]
    assert "websearch_to_tsquery('english_unaccent'::regconfig" in matching[0]
    assert "OFFSET 0" not in " ".join(q["sql"] for q in queries.captured_queries)
