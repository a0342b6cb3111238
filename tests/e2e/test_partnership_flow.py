"""A coordinator registers a partnership in the browser, is refused activation while a rule is
missing, adds it, activates the partnership and finds it on the public register."""

import re

import pytest
from playwright.sync_api import expect

from partnerships.choices import Status
from partnerships.models import Partnership
from tests import factories as f

from .conftest import in_language, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "add_party": "Add a party",
        "add_rule": "Add a rule",
        "save": "Save",
        "negotiate": "Submit for negotiation",
        "activate": "Activate",
        "refused": "This partnership cannot become active yet.",
        "missing": "Add the missing rules: Termination and exit.",
        "edit": "Edit parties, rules and details",
        "active": "The partnership is now “Active”.",
        "public_register": "Public register",
        "search": "Search",
        "apply": "Apply",
        "rules": "Rules of the partnership",
        "role": "Service provider",
        "residents": "Residents",
    },
    "fr": {
        "add_party": "Ajouter une partie",
        "add_rule": "Ajouter une règle",
        "save": "Enregistrer",
        "negotiate": "Soumettre à la négociation",
        "activate": "Activer",
        "refused": "Ce partenariat ne peut pas encore devenir actif.",
        "missing": "Ajoutez les règles manquantes : Résiliation et sortie.",
        "edit": "Modifier les parties, les règles et les détails",
        "active": "Le partenariat est désormais « Actif ».",
        "public_register": "Registre public",
        "search": "Rechercher",
        "apply": "Appliquer",
        "rules": "Règles du partenariat",
        "role": "Prestataire de services",
        "residents": "Habitants",
    },
}


def pick_organisation(page, index, letters, organisation):
    """Type part of the name into the organisation picker and click the organisation."""
    page.fill(f"#id_parties-{index}-organisation-picker", letters)
    page.get_by_role("option", name=organisation.name).click()
    expect(page.locator(f"[name=parties-{index}-organisation]")).to_have_value(
        str(organisation.pk))


def fill_rule(page, index, category, title):
    page.select_option(f"[name=rules-{index}-category]", category)
    page.fill(f"[name=rules-{index}-title]", title)
    page.fill(f"[name=rules-{index}-text]", f"{title}: agreed by every party.")


def test_register_refuse_complete_activate_and_publish(page, registry, language):
    words = WORDS[language]
    body, firm = registry["body"], registry["firm"]
    # Activation needs a goal of the lead body's strategy.
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Nights around the station")
    title = f"Gare sûre ({language})"
    sign_in(page)
    page.goto("/partnerships/new/")
    in_language(page, language)

    page.fill("[name=title]", title)
    page.fill("[name=territory]", "Saint-Denis")
    page.fill("[name=summary]", "Safer surroundings of the station, day and night.")
    page.get_by_label(words["residents"], exact=True).check()
    page.get_by_label(goal.title, exact=True).check()

    pick_organisation(page, 0, "saint-d", body)
    page.select_option("[name=parties-0-role]", "lead_authority")
    page.fill("[name=parties-0-responsibilities]", "Chairs the steering committee.")
    page.get_by_role("button", name=words["add_party"]).click()
    expect(page.locator("#id_parties-1-organisation-picker")).to_be_focused()
    pick_organisation(page, 1, "plaine", firm)
    page.select_option("[name=parties-1-role]", label=words["role"])
    page.fill("[name=parties-1-responsibilities]", "Patrols the station at night.")
    page.select_option("[name=parties-1-contributions-0-kind]", "human_resources")
    page.fill("[name=parties-1-contributions-0-person_days]", "120")

    fill_rule(page, 0, "governance", "Steering committee")
    page.get_by_role("button", name=words["add_rule"]).click()
    fill_rule(page, 1, "data_protection", "Data sharing")
    page.get_by_role("button", name=words["add_rule"]).click()
    fill_rule(page, 2, "conflict_of_interest", "Conflicts of interest")
    page.get_by_role("button", name=words["save"], exact=True).click()

    partnership = Partnership.objects.get(title=title)
    expect(page).to_have_url(re.compile(rf"/partnerships/{partnership.pk}/$"))
    assert partnership.parties.count() == 2
    assert partnership.rules.count() == 3

    page.get_by_role("button", name=words["negotiate"]).click()
    page.get_by_role("button", name=words["activate"]).click()
    expect(page.get_by_role("alert").filter(has_text=words["refused"])).to_be_visible()
    expect(page.get_by_text(words["missing"]).first).to_be_visible()
    partnership.refresh_from_db()
    assert partnership.status == Status.NEGOTIATION

    page.get_by_role("link", name=words["edit"]).click()
    page.get_by_role("button", name=words["add_rule"]).click()
    fill_rule(page, 4, "exit", "Leaving the partnership")
    page.get_by_role("button", name=words["save"], exact=True).click()
    page.get_by_role("button", name=words["activate"]).click()
    expect(page.get_by_role("status").filter(has_text=words["active"])).to_be_visible()
    partnership.refresh_from_db()
    assert partnership.status == Status.ACTIVE

    page.get_by_role("link", name=words["public_register"], exact=True).click()
    page.get_by_label(words["search"]).fill("Gare sûre")
    page.get_by_role("button", name=words["apply"]).click()
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=words["rules"])).to_be_visible()
    expect(page.get_by_role("heading", name=firm.name)).to_be_visible()
    expect(page.get_by_text(words["role"]).first).to_be_visible()
    expect(page.get_by_role("heading", name="Leaving the partnership")).to_be_visible()
    assert firm.contact_email not in page.content()
