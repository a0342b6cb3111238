"""axe-core, run in the browser, finds no serious or critical violation on the main pages."""

import datetime

import pytest

from goals.models import Measurement
from partnerships.choices import Status
from tests import factories as f
from tests.conftest import make_activatable
from tests.projects.factories import ProjectFactory

from .conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


@pytest.fixture
def content(registry):
    body = registry["body"]
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Safer station surroundings")
    indicator = f.IndicatorFactory(goal=goal, name="Reported incidents")
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=85)
    partnership = make_activatable(
        f.PartnershipFactory(title="Nuits tranquilles", lead_body=body), private=registry["firm"]
    )
    partnership.goals.add(goal)
    partnership.status = Status.ACTIVE
    partnership.save()
    draft = f.PartnershipFactory(title="Gare sûre", lead_body=body)
    ProjectFactory(organisation=body, title="Médiation de nuit")  # shown on the public register
    return {"goal": goal, "partnership": partnership, "draft": draft, **registry}


def violations(page, axe_source):
    page.add_script_tag(path=str(axe_source))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', "
        "'wcag21aa', 'best-practice']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


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
