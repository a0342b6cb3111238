"""An analyst makes a read-only token and uses it, reads the dashboard filtered by city and
downloads a chart's data; a coordinator downloads a dossier. In English and French (pages
axe-clean in both, the dossier's text in both)."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from partnerships.choices import Status
from tests import factories as f
from tests.conftest import make_activatable

from .conftest import sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partnerships(registry, analyst, other_body):
    made = {}
    for title, lead in (("Nuits tranquilles", registry["body"]), ("Gent veilig", other_body)):
        partnership = make_activatable(
            f.PartnershipFactory(title=title, lead_body=lead, territory=lead.territory or lead.name),
            private=registry["firm"],
        )
        partnership.status = Status.ACTIVE
        partnership.save()
        made[title] = partnership
    return made


def test_analyst_token_api_and_dashboard(page, axe_source, partnerships, analyst):
    sign_in(page, "erin")
    user_menu = page.get_by_role("navigation", name="Your account")
    user_menu.locator("summary").click()
    user_menu.get_by_role("link", name="API tokens").click()
    assert violations(page, axe_source) == []
    page.fill("input[name=name]", "Notebook")
    page.get_by_label("Read only").check()
    page.get_by_role("button", name="Make the token").click()
    key = page.locator("#new-token-key").input_value()
    assert len(key) > 20
    assert page.get_by_role("cell", name="Notebook", exact=True).is_visible()

    api = page.context.request
    headers = {"Authorization": f"Token {key}"}
    figures = api.get("/api/v1/stats/partnerships/", headers=headers)
    assert figures.status == 200 and figures.json()["total"] == 2
    refused = api.post("/api/v1/partnerships/", headers=headers,
                       data={"title": "x", "territory": "y"})
    assert refused.status == 403

    user_menu.locator("summary").click()
    user_menu.get_by_role("link", name="Figures", exact=True).click()
    assert page.get_by_role("heading", name="Partnerships by city").is_visible()
    assert violations(page, axe_source) == []
    page.fill("input[name=territory]", "Gent")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "territory=Gent" in page.url
    with page.expect_download() as download:
        page.locator("a[href^='/analytics/charts/partnerships-by-city.csv']").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[1:] == ["Gent,1"]

    page.goto("/analytics/?territory=Gent")
    page.select_option("#language-select", "fr")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Chiffres des partenariats").is_visible()
    assert violations(page, axe_source) == []
    page.goto("/accounts/tokens/")
    assert page.get_by_role("cell", name="Notebook", exact=True).is_visible()
    assert violations(page, axe_source) == []


def _dossier_text(page, link_name) -> str:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    with open(download.value.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_coordinator_downloads_a_dossier(page, axe_source, partnerships):
    partnership = partnerships["Nuits tranquilles"]
    sign_in(page)
    page.goto(f"/partnerships/{partnership.pk}/")
    assert violations(page, axe_source) == []
    text = _dossier_text(page, "Dossier (PDF)")
    for party in partnership.parties.all():
        assert party.organisation.name in text
    for rule in partnership.rules.all():
        assert rule.title in text

    page.select_option("#language-select", "fr")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert violations(page, axe_source) == []
    text = _dossier_text(page, "Dossier (PDF)")
    assert "Règles" in text and "Actif" in text
    for party in partnership.parties.all():
        assert party.organisation.name in text
