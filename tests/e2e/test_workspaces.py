"""In a browser, in English and in French: a firm finds its submissions from its home in one
click, a coordinator finds the review queue from the dashboard, and a draft without consent is
saved and submitted in one go once the consent is ticked. axe-core checks each page touched."""

import pytest
from playwright.sync_api import expect

from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from tests.calls.factories import CallFactory, EoiFactory, OfferFactory

from .conftest import in_language, sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "all_submissions": "All your expressions of interest (2)",
        "firm_list": "Your organisation's expressions of interest",
        "review_queue": "Review queue",
        "received": "Expressions of interest received",
        "consent": "The contact agrees that the coordinators of the public body",
        "save_and_submit": "Save and submit",
        "submitted": "Your expression of interest is submitted.",
    },
    "fr": {
        "all_submissions": "Toutes vos manifestations d’intérêt (2)",
        "firm_list": "Manifestations d’intérêt de votre organisation",
        "review_queue": "Manifestations d’intérêt à instruire",
        "received": "Manifestations d’intérêt reçues",
        "consent": "Le contact accepte que les coordinateurs de l’organisme public",
        "save_and_submit": "Enregistrer et soumettre",
        "submitted": "Votre manifestation d’intérêt est soumise.",
    },
}


@pytest.fixture
def submissions(registry, firm, firm_user):
    """Our firm's draft (contact given, consent not yet) and a submission, on an open call."""
    call = CallFactory(title="Gare de Saint-Denis la nuit", lead_body=registry["body"])
    draft = EoiFactory(call=call, organisation=firm, title="Éclairage du parvis",
                       status=EoiStatus.DRAFT, consent_given_at=None)
    OfferFactory(expression_of_interest=draft)
    sent = EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                      title="Médiation de nuit", status=EoiStatus.SUBMITTED)
    OfferFactory(expression_of_interest=sent)
    return {"call": call, "draft": draft, "sent": sent}


def test_a_firm_finds_its_submissions_from_its_home_in_one_click(
    page, axe_source, submissions, language
):
    words = WORDS[language]
    sign_in(page, "carol")
    in_language(page, language)
    found = {"firm home": violations(page, axe_source)}

    page.get_by_role("main").get_by_role("link", name=words["all_submissions"]).click()

    expect(page.get_by_role("heading", name=words["firm_list"], level=1)).to_be_visible()
    expect(page.get_by_role("link", name=submissions["sent"].title)).to_be_visible()
    expect(page.get_by_role("link", name=submissions["draft"].title)).to_be_visible()
    found["firm submissions"] = violations(page, axe_source)
    page.goto("/accounts/notifications/")
    found["notifications"] = violations(page, axe_source)
    assert found == {name: [] for name in found}


def test_a_coordinator_finds_the_review_queue_from_the_dashboard(
    page, axe_source, submissions, language
):
    words = WORDS[language]
    sign_in(page)
    in_language(page, language)
    found = {"dashboard": violations(page, axe_source)}

    page.get_by_role("main").get_by_role("link", name=words["review_queue"], exact=True).click()

    expect(page.get_by_role("heading", name=words["received"], level=1)).to_be_visible()
    expect(page.get_by_role("link", name=submissions["sent"].title)).to_be_visible()
    expect(page.get_by_role("region", name=words["received"])).to_be_visible()
    found["review queue"] = violations(page, axe_source)
    assert found == {name: [] for name in found}


def test_ticking_the_consent_then_save_and_submit_submits_in_one_go(
    page, axe_source, submissions, language
):
    words = WORDS[language]
    draft = submissions["draft"]
    sign_in(page, "carol")
    in_language(page, language)
    page.goto(f"/calls/interest/{draft.pk}/edit/")
    found = {"edit": violations(page, axe_source)}

    page.get_by_label(words["consent"]).check()
    page.get_by_role("button", name=words["save_and_submit"]).click()

    expect(page.get_by_role("status").filter(has_text=words["submitted"])).to_be_visible()
    found["after submitting"] = violations(page, axe_source)
    draft.refresh_from_db()
    assert draft.status == EoiStatus.SUBMITTED
    assert draft.consent_given_at is not None
    assert ExpressionOfInterest.objects.filter(status=EoiStatus.SUBMITTED).count() == 2
    assert found == {name: [] for name in found}
