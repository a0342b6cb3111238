"""The browsable API (``Accept: text/html``) shows each reader no more than their JSON does: its
edit forms are offered only to those who may change the object, pre-filled as the reader may read
it, and its filter drop-downs list only what the reader may see."""

import html

import pytest

from calls.choices import CallStatus, EoiStatus

from .. import factories as f
from ..calls import factories as cf
from .conftest import client_for

pytestmark = pytest.mark.django_db

RESOURCES = ["organisations", "partnerships", "parties", "rules", "contributions", "strategies",
             "goals", "indicators", "measurements", "community-groups", "calls",
             "expressions-of-interest"]


def as_html(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


@pytest.fixture
def eoi(registry, users):
    """Carol's firm's submitted expression of interest, addressed to Alice's body."""
    call = cf.CallFactory(title="Gare de Saint-Denis la nuit", lead_body=registry.body)
    return cf.EoiFactory(
        call=call, organisation=registry.firm, submitted_by=users["firm"],
        status=EoiStatus.SUBMITTED, contact_name="Carol Contact",
        contact_email="carol.contact@firm.example", contact_phone="+33 6 99 88 77 66",
    )


@pytest.fixture
def draft_call(registry):
    return cf.CallFactory(title="Appel encore secret", lead_body=registry.body,
                          status=CallStatus.DRAFT)


# Leak 1: the pre-filled edit form.

@pytest.mark.parametrize("kind", ["analyst", "firm", "other_coordinator", "anonymous"])
def test_partnership_edit_form_is_not_offered_to_readers(registry, users, kind):
    page = as_html(client_for(users[kind]), f"/api/v1/partnerships/{registry.active.pk}/")

    assert registry.active.internal_notes not in page
    assert 'name="_content"' not in page


def test_the_lead_bodys_coordinator_gets_the_edit_form(registry, users):
    page = as_html(client_for(users["coordinator"]),
                   f"/api/v1/partnerships/{registry.active.pk}/")

    assert 'name="_content"' in page
    assert registry.active.internal_notes in page


@pytest.mark.parametrize("kind", ["analyst", "other_firm", "anonymous"])
def test_organisation_contacts_stay_out_of_the_page(registry, users, kind):
    page = as_html(client_for(users[kind]), f"/api/v1/organisations/{registry.firm.pk}/")

    assert registry.firm.contact_email not in page
    assert registry.firm.internal_notes not in page


def test_a_firm_editing_its_organisation_does_not_see_the_staff_notes(registry, users):
    page = as_html(client_for(users["firm"]), f"/api/v1/organisations/{registry.firm.pk}/")

    assert 'name="_content"' in page
    assert registry.firm.contact_email in page
    assert registry.firm.internal_notes not in page


def test_an_analyst_does_not_see_the_contact_of_an_expression_of_interest(eoi, users):
    page = as_html(client_for(users["analyst"]), f"/api/v1/expressions-of-interest/{eoi.pk}/")

    for value in (eoi.contact_name, eoi.contact_email, eoi.contact_phone):
        assert value not in page


# Leak 3: filter choices.

@pytest.mark.parametrize("resource", ["parties", "rules", "contributions", "partnerships"])
def test_anonymous_filter_choices_name_nothing_unpublished(registry, resource):
    page = as_html(client_for(None), f"/api/v1/{resource}/")

    assert registry.draft.title not in page
    assert registry.unverified_firm.name not in page
    assert registry.active.title in page or resource == "partnerships"


@pytest.mark.parametrize("kind", ["firm", "analyst"])
def test_a_draft_call_is_not_among_the_filter_choices(registry, users, draft_call, kind):
    page = as_html(client_for(users[kind]), "/api/v1/expressions-of-interest/")

    assert draft_call.title not in page


def test_the_lead_body_sees_its_draft_call_among_the_choices(registry, users, draft_call):
    page = as_html(client_for(users["coordinator"]), "/api/v1/expressions-of-interest/")

    assert draft_call.title in page


@pytest.mark.parametrize("kind", ["firm", "analyst"])
def test_page_filters_name_nothing_unpublished(client, registry, users, draft_call, eoi, kind):
    client.force_login(users[kind])
    page = html.unescape(client.get("/calls/interest/").content.decode())

    assert page.count("<select") and draft_call.title not in page


def test_a_filter_on_an_invisible_object_finds_nothing(registry):
    response = client_for(None).get(f"/api/v1/parties/?partnership={registry.draft.pk}")

    assert response.status_code == 200
    assert response.json()["results"] == []


# Leak 4: goals of another body.

def test_a_partnership_cannot_take_another_bodys_goal_through_the_api(registry, users):
    foreign = f.GoalFactory(strategy=f.StrategyFactory(owner=registry.other_body))
    response = client_for(users["coordinator"]).patch(
        f"/api/v1/partnerships/{registry.draft.pk}/", {"goals": [foreign.pk]}, format="json"
    )

    assert response.status_code == 400
    assert not registry.draft.goals.filter(pk=foreign.pk).exists()

