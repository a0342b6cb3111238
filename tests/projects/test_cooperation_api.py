"""Needs, offers and the cooperation finder through the API, for each kind of user."""

import pytest
from django.core import mail

from calls.models import CallForPartners
from partnerships.choices import ContributionKind, Role, Status
from partnerships.models import Partnership
from projects.models import ContributionOffer, Invitation, Need
from tests.access import expect
from tests.api.openapi import assert_matches_schema, openapi_document
from tests.calls import factories as cf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=403, other_firm=403, other_coordinator=400, coordinator=201,
    analyst=403, admin=201,
).items())
def test_who_states_a_goal_s_need(api_as, goal, kind, expected):
    response = api_as(kind).post("/api/v1/needs/", {
        "goal": goal.pk, "kind": "human_resources", "magnitude": "small",
    }, format="json")

    assert response.status_code in ({expected} if expected != 400 else {400, 403})
    assert Need.objects.exists() == (expected == 201)


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=201, other_firm=201, other_coordinator=403, coordinator=403,
    analyst=403, admin=400,
).items())
def test_who_states_a_standing_offer(api_as, kind, expected):
    response = api_as(kind).post("/api/v1/contribution-offers/", {
        "kind": "financial", "amount": "5000", "currency": "eur", "territory": "Gent",
        "area": "institutional_strength",
    }, format="json")

    assert response.status_code == expected, response.json()
    if expected == 201:
        assert response.json()["currency"] == "EUR"


def test_an_offer_reuses_the_contribution_measure_rules(api_as):
    response = api_as("firm").post("/api/v1/contribution-offers/", {
        "kind": "financial", "territory": "Gent",
    }, format="json")

    assert response.status_code == 400
    assert not ContributionOffer.objects.exists()


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=200, other_firm=200, other_coordinator=200, coordinator=200,
    analyst=200, admin=200,
).items())
def test_goal_suggestions_for_each_kind_of_user(api_as, goal, firm_offer, kind, expected):
    response = api_as(kind).get(f"/api/v1/goals/{goal.pk}/suggestions/")

    assert response.status_code == expected
    if expected == 200:
        first = response.json()["organisations"][0]
        assert first["label"] == "Sécurité Plaine SARL"
        assert first["reasons"] == ["area", "territory"]
        assert first["suggested_role"] == Role.OPERATIONAL_PARTNER


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=200, other_firm=404, other_coordinator=404, coordinator=404,
    analyst=404, admin=200,
).items())
def test_an_organisation_s_opportunities_are_its_own(api_as, firm, goal, firm_offer, kind,
                                                      expected):
    Need.objects.create(goal=goal, kind=ContributionKind.HUMAN_RESOURCES, territory="Saint-Denis")

    response = api_as(kind).get(f"/api/v1/organisations/{firm.pk}/suggestions/")

    assert response.status_code == expected
    if expected == 200:
        assert [n["label"] for n in response.json()["needs"]] == [
            str(Need.objects.get())
        ]


def test_the_body_dismisses_a_suggestion_and_it_stays_dismissed(api_as, goal, firm, firm_offer):
    url = f"/api/v1/goals/{goal.pk}/suggestions/"

    refused = api_as("other_coordinator").post(f"{url}dismiss/", {
        "kind": "organisation", "target_id": firm.pk}, format="json")
    done = api_as("coordinator").post(f"{url}dismiss/", {
        "kind": "organisation", "target_id": firm.pk}, format="json")

    assert refused.status_code == 403 and done.status_code == 204
    assert api_as("coordinator").get(url).json()["organisations"] == []
    assert api_as("firm").get(url).json()["organisations"] == []


def test_invite_a_firm_to_a_call_then_the_firm_is_told_once(
    api_as, goal, body, firm, firm_user, django_capture_on_commit_callbacks
):
    call = cf.CallFactory(lead_body=body, title="Night buses")
    payload = {"call": call.pk, "organisation": firm.pk, "goal": goal.pk}

    with django_capture_on_commit_callbacks(execute=True):
        first = api_as("coordinator").post("/api/v1/invitations/", payload, format="json")
        again = api_as("coordinator").post("/api/v1/invitations/", payload, format="json")
    other = api_as("other_coordinator").post("/api/v1/invitations/", payload, format="json")

    assert first.status_code == 201 and again.status_code == 201
    assert_matches_schema(openapi_document(), first, "/api/v1/invitations/", "POST")
    assert other.status_code == 403
    assert Invitation.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[firm_user.email]]
    assert "Night buses" in mail.outbox[0].subject


def test_a_closed_call_takes_no_invitation(api_as, body, firm):
    call = cf.CallFactory(lead_body=body, status="closed")

    response = api_as("coordinator").post("/api/v1/invitations/", {
        "call": call.pk, "organisation": firm.pk}, format="json")

    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert CallForPartners.objects.count() == 1


def test_a_draft_partnership_starts_from_suggestions_with_the_manifesto_s_rules(
    api_as, goal, firm
):
    url = f"/api/v1/goals/{goal.pk}/draft-partnership/"

    refused = api_as("coordinator").post(url, {
        "title": "Station nights", "parties": [{"organisation": firm.pk, "role": "lead_authority"}],
    }, format="json")
    created = api_as("coordinator").post(url, {
        "title": "Station nights",
        "parties": [{"organisation": firm.pk, "role": "operational_partner"}],
    }, format="json")

    assert refused.status_code == 400
    assert created.status_code == 201, created.json()
    assert_matches_schema(openapi_document(), created, "/api/v1/goals/{id}/draft-partnership/",
                          "POST")
    partnership = Partnership.objects.get()
    assert partnership.status == Status.DRAFT and list(partnership.goals.all()) == [goal]
    assert {(p.organisation, p.role) for p in partnership.parties.all()} == {
        (goal.strategy.owner, Role.LEAD_AUTHORITY), (firm, Role.OPERATIONAL_PARTNER)}


@pytest.mark.parametrize("action", ["dismiss", "draft-partnership"])
def test_the_finder_s_actions_are_only_posted(api_as, goal, action):
    url = (f"/api/v1/goals/{goal.pk}/suggestions/dismiss/" if action == "dismiss"
           else f"/api/v1/goals/{goal.pk}/draft-partnership/")

    assert api_as("coordinator").get(url).status_code == 405
