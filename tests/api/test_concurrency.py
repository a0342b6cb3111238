"""Optimistic concurrency: detail responses carry an ETag; a write with a stale If-Match gets 412
and changes nothing; a matching one succeeds."""

import pytest

from partnerships.choices import Status
from partnerships.models import Partnership, Rule

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db


def url(partnership):
    return f"/api/v1/partnerships/{partnership.pk}/"


def test_detail_carries_a_strong_etag_that_is_stable(alice, draft):
    first = alice.get(url(draft))
    second = alice.get(url(draft))

    assert first["ETag"].startswith('"') and first["ETag"] == second["ETag"]


def test_matching_if_match_writes_and_returns_the_new_etag(alice, draft):
    etag = alice.get(url(draft))["ETag"]

    response = alice.patch(url(draft), {"title": "Gare plus sûre"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response["ETag"] == alice.get(url(draft))["ETag"]
    draft.refresh_from_db()
    assert draft.title == "Gare plus sûre"


def test_stale_if_match_is_refused_and_changes_nothing(alice, draft):
    stale = alice.get(url(draft))["ETag"]
    alice.patch(url(draft), {"summary": "Changed by someone else."})

    response = alice.patch(url(draft), {"title": "Lost update"}, HTTP_IF_MATCH=stale)

    assert response.status_code == 412
    assert response.json()["code"] == "precondition_failed"
    draft.refresh_from_db()
    assert draft.title == "Gare sûre"


def test_adding_a_rule_changes_the_partnerships_etag(alice, draft):
    """A timestamp on the partnership would miss this: the representation includes its rules."""
    before = alice.get(url(draft))["ETag"]
    alice.post("/api/v1/rules/", {"partnership": draft.pk, "category": "funding",
                                  "title": "Budget", "text": "The city pays half."})

    assert alice.get(url(draft))["ETag"] != before
    response = alice.patch(url(draft), {"title": "Stale"}, HTTP_IF_MATCH=before)
    assert response.status_code == 412


def test_stale_delete_is_refused(alice, draft):
    stale = alice.get(url(draft))["ETag"]
    alice.patch(url(draft), {"summary": "Edited."})

    assert alice.delete(url(draft), HTTP_IF_MATCH=stale).status_code == 412
    assert Partnership.objects.filter(pk=draft.pk).exists()

    fresh = alice.get(url(draft))["ETag"]
    assert alice.delete(url(draft), HTTP_IF_MATCH=fresh).status_code == 204
    assert not Partnership.objects.filter(pk=draft.pk).exists()


def test_stale_transition_is_refused(alice, draft):
    stale = alice.get(url(draft))["ETag"]
    alice.patch(url(draft), {"summary": "Edited."})

    response = alice.post(f"{url(draft)}transition/", {"status": "negotiation"},
                          HTTP_IF_MATCH=stale)

    assert response.status_code == 412
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_stale_write_on_a_child_resource(alice, draft):
    rule = f.RuleFactory(partnership=draft, title="Governance")
    rule_url = f"/api/v1/rules/{rule.pk}/"
    stale = alice.get(rule_url)["ETag"]
    alice.patch(rule_url, {"text": "Decisions by consensus."})

    assert alice.patch(rule_url, {"title": "Lost"}, HTTP_IF_MATCH=stale).status_code == 412
    assert Rule.objects.get(pk=rule.pk).title == "Governance"


def test_if_match_star_and_lists(alice, draft):
    etag = alice.get(url(draft))["ETag"]

    assert alice.patch(url(draft), {"summary": "a"}, HTTP_IF_MATCH="*").status_code == 200
    etag = alice.get(url(draft))["ETag"]
    assert alice.patch(url(draft), {"summary": "b"},
                       HTTP_IF_MATCH=f'"nope", {etag}').status_code == 200
    # A weak validator never matches a strong comparison.
    etag = alice.get(url(draft))["ETag"]
    assert alice.patch(url(draft), {"summary": "c"},
                       HTTP_IF_MATCH=f"W/{etag}").status_code == 412


def test_precondition_is_checked_after_permission(users, draft):
    """A stale If-Match from somebody who may not write still gets 403, not 412."""
    response = client_for(users["firm"]).patch(url(draft), {"title": "x"}, HTTP_IF_MATCH='"0"')

    assert response.status_code == 403


def test_create_answers_201_with_etag_and_location(alice, coordinator):
    response = alice.post("/api/v1/partnerships/", {"title": "Marché de nuit",
                                                    "territory": "Saint-Denis"})

    assert response.status_code == 201
    assert response["Location"] == response.json()["url"]
    assert response["ETag"] == alice.get(response["Location"])["ETag"]
    assert response.json()["lead_body"]["id"] == coordinator.organisation_id
