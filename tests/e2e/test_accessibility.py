"""axe-core, run in the browser, finds no serious or critical violation on the main pages."""


import pytest

from partnerships.choices import Status
from tests import factories as f
from tests.projects.factories import ProjectFactory

from .conftest import measured_partnership, sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(registry):
    body = registry["body"]
    goal, partnership = measured_partnership(registry)
    partnership.status = Status.ACTIVE
    partnership.save()
    draft = f.PartnershipFactory(title="Gare sûre", lead_body=body)
    ProjectFactory(organisation=body, title="Médiation de nuit")  # shown on the public register
    return {"goal": goal, "partnership": partnership, "draft": draft, **registry}


def test_public_pages(page, axe_source, content):
    found = {}
    for url in ["/", "/partnerships/public/", f"/partnerships/public/{content['partnership'].pk}/",
                "/accounts/login/", "/accounts/password_reset/"]:
        page.goto(url)
        found[url] = violations(page, axe_source)

    assert found == {url: [] for url in found}


def test_coordinator_pages(page, axe_source, content):
    partnership, draft = content["partnership"], content["draft"]
    sign_in(page)
    found = {}
    for url in [
        "/",
        "/partnerships/?status=active&ordering=title",
        f"/partnerships/{partnership.pk}/",
        f"/partnerships/{draft.pk}/",
        "/partnerships/new/",
        f"/partnerships/{partnership.pk}/edit/",
        f"/partnerships/{partnership.pk}/history/",
        "/organisations/",
        f"/organisations/{content['firm'].pk}/",
        "/goals/",
        "/goals/strategies/",
        f"/goals/{content['goal'].pk}/",
    ]:
        page.goto(url)
        found[url] = violations(page, axe_source)

    page.goto("/partnerships/new/")
    page.get_by_role("button", name="Save", exact=True).click()
    found["form with errors"] = violations(page, axe_source)

    assert found == {url: [] for url in found}


def test_pages_showing_confirmations_and_refusals(page, axe_source, content):
    sign_in(page)
    page.goto(f"/partnerships/{content['draft'].pk}/")
    page.get_by_role("button", name="Submit for negotiation").click()
    confirmation = page.get_by_role("status")
    confirmation.first.wait_for()
    found = {"confirmation": violations(page, axe_source)}

    page.get_by_role("button", name="Activate").click()
    page.get_by_role("alert").first.wait_for()
    found["refusal"] = violations(page, axe_source)

    assert found == {"confirmation": [], "refusal": []}
