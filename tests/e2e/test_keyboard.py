"""The partnership form with the keyboard alone: skip link, visible focus, rows added in place."""

import pytest
from playwright.sync_api import expect

from partnerships.models import Partnership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FOCUSED_NAME = (
    "() => { const e = document.activeElement; return e && (e.name || e.id || e.textContent.trim()); }"
)
FOCUS_IS_VISIBLE = "() => getComputedStyle(document.activeElement).outlineStyle !== 'none'"


def tab_to(page, name, limit=120):
    """Press Tab until the element named ``name`` (name, id or text) has the focus."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == name:
            assert page.evaluate(FOCUS_IS_VISIBLE), f"{name} has the focus but shows no outline"
            return
    raise AssertionError(f"{name} never received the focus")


def type_into(page, name, text):
    tab_to(page, name)
    page.keyboard.type(text)


def pick(page, name, letters, tab=True):
    """Choose the first organisation the picker of field ``name`` offers for ``letters``."""
    if tab:
        tab_to(page, f"id_{name}-picker")
    page.keyboard.type(letters)
    expect(page.locator(f"#id_{name}-picker-listbox [role=option]").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def test_a_partnership_is_registered_with_the_keyboard_only(page, registry):
    body, firm = registry["body"], registry["firm"]
    page.goto("/partnerships/public/")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "Skip to main content"
    assert page.evaluate(FOCUS_IS_VISIBLE)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.goto("/accounts/login/")
    # The user name field takes the focus as the sign-in page opens.
    assert page.evaluate(FOCUSED_NAME) == "username"
    page.keyboard.type("alice")
    type_into(page, "password", "correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto("/partnerships/new/")
    type_into(page, "title", "Marché de nuit apaisé")
    type_into(page, "territory", "Saint-Denis")
    tab_to(page, "community_groups")
    # The first group is "Commuters"; move to "Residents" and tick it.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    # The organisation picker lists the organisations whose name holds the letters typed.
    pick(page, "parties-0-organisation", "saint-d")
    tab_to(page, "parties-0-role")
    page.keyboard.type("Lead")
    type_into(page, "parties-0-responsibilities", "Chairs the committee.")
    tab_to(page, "Add a party")
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Organisation").nth(1)).to_be_focused()
    pick(page, "parties-1-organisation", "plaine", tab=False)
    tab_to(page, "parties-1-role")
    page.keyboard.type("Service")
    type_into(page, "parties-1-responsibilities", "Runs the night patrols.")
    tab_to(page, "rules-0-category")
    page.keyboard.type("Gov")
    type_into(page, "rules-0-title", "Steering committee")
    type_into(page, "rules-0-text", "The city chairs it.")
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/new/" not in url)

    partnership = Partnership.objects.get(title="Marché de nuit apaisé")
    assert {(p.organisation_id, p.role) for p in partnership.parties.all()} == {
        (body.pk, "lead_authority"), (firm.pk, "service_provider")
    }
    assert list(partnership.rules.values_list("category", flat=True)) == ["governance"]
    assert [g.code for g in partnership.community_groups.all()] == ["residents"]


def test_errors_take_the_focus_and_link_to_their_fields(page, registry):
    page.goto("/accounts/login/")
    page.fill("[name=username]", "alice")
    page.fill("[name=password]", "correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto("/partnerships/new/")
    page.get_by_role("button", name="Save", exact=True).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Title: This field is required.").click()
    expect(page.locator("[name=title]")).to_be_focused()
    expect(page.locator("[name=title]")).to_have_attribute("aria-invalid", "true")
