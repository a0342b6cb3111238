"""In a browser, in English and in French: a coordinator opens a goal, sees suggested partners
with their reasons, invites a firm to a call; the firm signs in and finds the invitation.
axe-core checks each page touched."""

import pytest
from playwright.sync_api import expect

from goals.choices import Area
from partnerships.choices import ContributionKind
from projects.models import ContributionOffer, Invitation
from tests import factories as f
from tests.calls.factories import CallFactory

from .conftest import in_language, sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"tab": "Cooperation: needs and suggested partners", "reason": "same territory",
           "invite": "Invite Sécurité Plaine SARL", "invited": "is invited to answer the call",
           "opportunities": "Opportunities", "answer": "Answer the call"},
    "fr": {"tab": "Coopération : besoins et partenaires suggérés", "reason": "même territoire",
           "invite": "Inviter Sécurité Plaine SARL", "invited": "est invitée à répondre à l’appel",
           "opportunities": "Opportunités", "answer": "Répondre à l’appel"},
}


@pytest.fixture
def journey(registry, firm_user):
    body, firm = registry["body"], registry["firm"]
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Calmer station nights",
                         area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis")
    ContributionOffer.objects.create(organisation=firm, kind=ContributionKind.HUMAN_RESOURCES,
                                     person_days=40, area=Area.INTERVENTION_PROJECTS,
                                     territory="Saint-Denis")
    firm_user.organisation = firm
    firm_user.save()
    call = CallFactory(title="Night buses", lead_body=body)
    return {"goal": goal, "call": call, "firm": firm}


def test_a_coordinator_invites_a_suggested_firm_which_finds_the_invitation(
    page, axe_source, journey, language
):
    words = WORDS[language]
    sign_in(page)
    in_language(page, language)
    page.goto(journey["goal"].get_absolute_url())
    found = {"goal": violations(page, axe_source)}

    page.get_by_role("link", name=words["tab"]).click()
    suggestion = page.locator(f"#organisation-{journey['firm'].pk}")
    expect(suggestion).to_contain_text(words["reason"])
    found["cooperation"] = violations(page, axe_source)
    suggestion.get_by_role("button", name=words["invite"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["invited"])
    assert Invitation.objects.filter(call=journey["call"], organisation=journey["firm"]).exists()

    page.context.clear_cookies()
    sign_in(page, "carol")
    in_language(page, language)
    page.goto("/projects/opportunities/")
    expect(page.get_by_role("heading", name=words["opportunities"], level=1)).to_be_visible()
    invitations = page.locator("#invitations + ul")
    expect(invitations.get_by_role("link", name="Night buses")).to_be_visible()
    expect(invitations.get_by_role("link", name=words["answer"])).to_be_visible()
    found["opportunities"] = violations(page, axe_source)
    assert found == {name: [] for name in found}
