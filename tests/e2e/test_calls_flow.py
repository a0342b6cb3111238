"""A firm registers in the browser and confirms its address from the e-mail; a coordinator
verifies the firm; the firm answers an open call; the coordinator reviews the answer and accepts
it into a partnership; the firm finds it accepted in its own space. axe-core checks every calls
page on the way."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from actors.choices import VerificationStatus
from actors.models import Organisation
from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from partnerships.choices import Role
from partnerships.models import Contribution, Party
from tests import factories as f
from tests.calls.factories import CallFactory

from .conftest import sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIRM_EMAIL = "fatou@lumiere-nord.example"
FIRM_PASSWORD = "a long pass phrase 42"
FIRM_NAME = "Lumière Nord SAS"
EOI_TITLE = "Lighting the station square"
INTERNAL_NOTE = "Ask them about maintenance after three years."


@pytest.fixture
def open_call(registry):
    """An open call of the coordinator's body, linked to one of its goals, and a draft
    partnership of the same body that an accepted firm can join."""
    body = registry["body"]
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Safer station surroundings")
    call = CallFactory(title="Gare de Saint-Denis la nuit", lead_body=body)
    call.goals.add(goal)
    partnership = f.PartnershipFactory(title="Gare sûre", lead_body=body)
    return {"call": call, "goal": goal, "partnership": partnership, **registry}


def link_path(message) -> str:
    """The path of the link in an e-mail, to follow on the test's own server."""
    url = urlsplit(re.search(r"https?://\S+", message.body).group(0))
    return url.path


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_a_firm_registers_answers_a_call_and_is_accepted_into_a_partnership(
    page, axe_source, open_call
):
    call, partnership = open_call["call"], open_call["partnership"]
    found = {}

    # A visitor finds the open call and registers the firm with a new organisation.
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Calls for partners"
    ).click()
    expect(page.get_by_role("heading", name="Calls for partners", level=1)).to_be_visible()
    found["public call list"] = violations(page, axe_source)
    page.get_by_role("link", name=call.title).click()
    expect(page.get_by_role("heading", name=call.title, level=1)).to_be_visible()
    found["call detail, anonymous"] = violations(page, axe_source)
    page.get_by_role("main").get_by_role("link", name="Register your firm").click()
    found["registration"] = violations(page, axe_source)

    page.fill("[name=first_name]", "Fatou")
    page.fill("[name=last_name]", "Diallo")
    page.fill("[name=email]", FIRM_EMAIL)
    page.fill("[name=password1]", FIRM_PASSWORD)
    page.fill("[name=password2]", FIRM_PASSWORD)
    expect(page.locator("[name=mode][value=create]")).to_be_checked()
    page.fill("[name=name]", FIRM_NAME)
    page.select_option("[name=kind]", "sme")
    page.fill("[name=identifier]", f.siren(73_282_932))
    page.fill("[name=territory]", "Saint-Denis")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    organisation = Organisation.objects.get(name=FIRM_NAME)
    assert organisation.verification_status == VerificationStatus.UNVERIFIED

    # The link in the confirmation e-mail confirms the address.
    (confirmation,) = mail.outbox
    assert confirmation.to == [FIRM_EMAIL]
    page.goto(link_path(confirmation))
    expect(page.get_by_role("status").filter(has_text="address is confirmed")).to_be_visible()
    sign_out(page)

    # A coordinator verifies the new organisation on its page.
    sign_in(page)
    page.goto(organisation.get_absolute_url())
    page.select_option("[name=status]", VerificationStatus.VERIFIED)
    page.get_by_role("button", name="Record the verification").click()
    expect(page.get_by_role("status").filter(has_text="Verification recorded")).to_be_visible()
    organisation.refresh_from_db()
    assert organisation.is_verified
    sign_out(page)

    # The firm answers the call and submits at once.
    sign_in(page, FIRM_EMAIL, FIRM_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Calls for partners"
    ).click()
    page.get_by_role("link", name=call.title).click()
    page.get_by_role("link", name="Express your interest").click()
    found["expression of interest form"] = violations(page, axe_source)
    page.fill("[name=title]", EOI_TITLE)
    page.fill("[name=summary]", "We light and maintain the station square for three years.")
    page.fill("[name=expectations]", "A say in where the lights go.")
    page.get_by_label("Safer station surroundings").check()
    page.get_by_label("Residents", exact=True).check()
    expect(page.locator("[name=contact_email]")).to_have_value(FIRM_EMAIL)
    page.locator("[name=consent]").check()
    page.select_option("[name=offers-0-kind]", "financial")
    page.fill("[name=offers-0-description]", "Lighting equipment")
    page.fill("[name=offers-0-amount]", "40000")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_role("status").filter(has_text="is submitted")).to_be_visible()
    expect(page.locator("#eoi-status")).to_have_text("State: Submitted")
    eoi = ExpressionOfInterest.objects.get(title=EOI_TITLE)
    assert eoi.status == EoiStatus.SUBMITTED and eoi.call == call
    sign_out(page)

    # The coordinator finds it in the review queue, comments, reviews and accepts it.
    sign_in(page)
    page.goto("/calls/interest/")
    expect(page.get_by_role("heading", name="Expressions of interest received")).to_be_visible()
    found["review queue"] = violations(page, axe_source)
    page.get_by_role("link", name=EOI_TITLE).click()
    expect(page.get_by_text(FIRM_NAME).first).to_be_visible()
    found["review of an expression of interest"] = violations(page, axe_source)
    page.fill("[name=text]", INTERNAL_NOTE)
    page.get_by_role("button", name="Add the comment").click()
    page.get_by_role("button", name="Start the review").click()
    expect(page.locator("#eoi-status")).to_have_text("State: Under review")

    page.select_option("[name=partnership]", label=partnership.title)
    page.select_option("[name=role]", Role.SERVICE_PROVIDER)
    page.fill("[name=responsibilities]", "Installs and maintains the lighting of the square.")
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="is now a party")).to_be_visible()
    party = Party.objects.get(partnership=partnership, organisation=organisation)
    assert party.role == Role.SERVICE_PROVIDER
    assert Contribution.objects.get(party=party).amount == 40000
    assert any(m.to == [FIRM_EMAIL] and "accepted" in m.subject for m in mail.outbox)
    sign_out(page)

    # The firm sees the new state in its own space, and never the internal comment.
    sign_in(page, FIRM_EMAIL, FIRM_PASSWORD)
    page.goto("/calls/interest/")
    row = page.get_by_role("row").filter(has_text=EOI_TITLE)
    expect(row.get_by_text("Accepted", exact=True)).to_be_visible()
    found["the firm's own space"] = violations(page, axe_source)
    row.get_by_role("link", name=EOI_TITLE).click()
    expect(page.locator("#eoi-status")).to_have_text("State: Accepted")
    expect(page.get_by_text(f"Accepted into the partnership “{partnership.title}”")).to_be_visible()
    assert INTERNAL_NOTE not in page.content()

    assert found == {name: [] for name in found}
