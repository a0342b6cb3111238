"""End-to-end tests in a real browser: Debian's Chromium driven by Playwright.

They are skipped when /usr/bin/chromium is missing, unless E2E_REQUIRED=1 (as in CI), where a
missing browser or axe-core is a failure.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings

from actors.choices import OrganisationKind, Sector
from goals.models import Measurement
from tests import factories as f
from tests.conftest import make_activatable

# Playwright's sync API runs an event loop in the test thread; the tests' own database calls
# are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery"


def _unavailable(reason):
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser, live_server):
    """A page of a fresh browser context; the test fails if the Content Security Policy blocks
    anything the page itself loads."""
    # axe-core is injected as an inline script, which the policy rightly refuses.
    bypass_csp = "axe_source" in request.fixturenames
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=bypass_csp)
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()
    assert refused == []


@pytest.fixture
def axe_source():
    if not AXE.exists():
        _unavailable(f"{AXE} is missing (npm ci)")
    return AXE


@pytest.fixture
def registry(transactional_db, coordinator, body):
    """What a coordinator needs to register a partnership: a verified firm (a private security
    company, licensed, so it may take security roles) and community groups."""
    firm = f.OrganisationFactory(
        name="Sécurité Plaine SARL", sector=Sector.PRIVATE, kind=OrganisationKind.PRIVATE_SECURITY,
        licence_scheme="FR-CNAPS", licence_number="AUT-093-2118-05-28-20190359478",
        licence_expires_on=datetime.date.today() + datetime.timedelta(days=400),
    )
    residents = f.CommunityGroupFactory(code="residents", name_en="Residents", name_fr="Habitants")
    f.CommunityGroupFactory(code="commuters", name_en="Commuters", name_fr="Usagers des transports")
    return {"coordinator": coordinator, "body": body, "firm": firm, "residents": residents}


def measured_partnership(registry):
    """The body's goal "Safer station surroundings", its indicator measured once, and the
    partnership "Nuits tranquilles" serving it with the firm as private party (status to set)."""
    body = registry["body"]
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Safer station surroundings")
    indicator = f.IndicatorFactory(goal=goal, name="Reported incidents")
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=85)
    partnership = make_activatable(
        f.PartnershipFactory(title="Nuits tranquilles", lead_body=body), private=registry["firm"]
    )
    partnership.goals.add(goal)
    return goal, partnership


def sign_in(page, username="alice", password=PASSWORD):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form[action='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()


LANGUAGES = {"en": "English", "fr": "Français"}
# axe-core impacts that fail a test; "minor" and "moderate" ones are left to review.
BLOCKING = {"serious", "critical"}


@pytest.fixture(params=list(LANGUAGES))
def language(request):
    """A test that takes it runs once in English and once in French."""
    return request.param


def in_language(page, language):
    """Switch the page to ``language`` with the language menu, and check that it took."""
    from playwright.sync_api import expect

    if language != "en":
        page.select_option("#language-select", label=LANGUAGES[language])
        page.locator("#language-select").locator("xpath=..").get_by_role("button").click()
        page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", language)


def violations(page, axe_source):
    """The serious and critical accessibility violations axe-core finds on the page."""
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
