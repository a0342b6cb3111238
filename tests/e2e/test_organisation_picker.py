"""The organisation picker of the partnership form: part of a name typed, accents aside, finds
the organisation among many, grouped by country and sector; the keyboard alone chooses it."""

import re

import pytest
from playwright.sync_api import expect

from actors.choices import OrganisationKind, Sector
from partnerships.models import Partnership
from tests import factories as f

from .conftest import in_language, sign_in, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"group": "FR — Private sector", "found": "Organisations found: 1",
           "save": "Save", "role": "Service provider"},
    "fr": {"group": "FR — Secteur privé",
           "found": "Organisations trouvées : 1", "save": "Enregistrer",
           "role": "Prestataire de services"},
}


def test_a_party_is_found_by_part_of_its_name_and_chosen_with_the_keyboard(
    page, registry, axe_source, language
):
    words, firm = WORDS[language], registry["firm"]
    for n in range(40):
        f.OrganisationFactory(name=f"Gardiennage {n}", sector=Sector.PRIVATE,
                              kind=OrganisationKind.PRIVATE_SECURITY)
    partnership = f.PartnershipFactory(title="Nuits tranquilles", lead_body=registry["body"])
    sign_in(page)
    page.goto(f"/partnerships/{partnership.pk}/edit/")
    in_language(page, language)

    picker = page.get_by_role("combobox", name="Organisation")
    picker.focus()
    page.keyboard.type("securite pla")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(listbox.get_by_role("group", name=words["group"])).to_be_visible()
    expect(picker).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text=words["found"])).to_be_attached()
    assert violations(page, axe_source) == []

    page.keyboard.press("ArrowDown")
    option = listbox.get_by_role("option", name=firm.name)
    expect(option).to_have_attribute("aria-selected", "true")
    expect(picker).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    page.keyboard.press("Enter")
    expect(picker).to_have_attribute("aria-expanded", "false")
    expect(picker).to_have_value(firm.name)
    expect(page.locator("[name=parties-0-organisation]")).to_have_value(str(firm.pk))

    page.keyboard.type("x")
    page.keyboard.press("Escape")
    expect(picker).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Backspace")
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(page.locator("[name=parties-0-organisation]")).to_have_value(str(firm.pk))

    page.select_option("[name=parties-0-role]", label=words["role"])
    page.fill("[name=parties-0-responsibilities]", "Patrols the market at night.")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page).to_have_url(re.compile(rf"/partnerships/{partnership.pk}/$"))
    party = Partnership.objects.get(pk=partnership.pk).parties.get()
    assert (party.organisation_id, party.role) == (firm.pk, "service_provider")
