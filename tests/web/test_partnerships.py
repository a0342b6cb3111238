"""The partnership pages as a coordinator uses them: one form for the agreement, its parties
and rules; lifecycle buttons; refusals that say what is missing; the history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.choices import REQUIRED_RULE_CATEGORIES, Role, RuleCategory, Status
from partnerships.models import Contribution, Partnership
from partnerships.services import partnership_update
from tests import factories as f
from tests.access import assert_each_kind_gets
from tests.conftest import make_activatable

from .forms import partnership_post

GOAL_MISSING = "Link the partnership to at least one goal of a local safety strategy."

pytestmark = pytest.mark.django_db


@pytest.fixture
def residents(db):
    return f.CommunityGroupFactory(code="residents", name_en="Residents", name_fr="Habitants")


def rules_for(categories):
    return [{"category": c, "title": f"Rule on {c}", "text": "Agreed by all parties."}
            for c in categories]


def test_coordinator_registers_a_partnership_with_parties_contributions_and_rules(
    client_for, body, firm, residents
):
    data = partnership_post(
        community_groups=[residents.pk],
        parties=[
            {"organisation": body.pk, "role": Role.LEAD_AUTHORITY,
             "responsibilities": "Chairs the steering committee."},
            {"organisation": firm.pk, "role": Role.SERVICE_PROVIDER,
             "responsibilities": "Patrols the station at night.",
             "contributions": [{"kind": "financial", "amount": "12000", "currency": "eur"},
                               {"kind": "human_resources", "person_days": "40"}]},
        ],
        rules=rules_for([RuleCategory.GOVERNANCE, RuleCategory.EXIT]),
    )

    response = client_for("coordinator").post(reverse("partnerships:partnership_create"), data)

    partnership = Partnership.objects.get(title="Gare sûre")
    assert response.status_code == 302
    assert response["Location"] == partnership.get_absolute_url()
    assert partnership.lead_body == body
    assert partnership.status == Status.DRAFT
    assert {(p.organisation, p.role) for p in partnership.parties.all()} == {
        (body, Role.LEAD_AUTHORITY), (firm, Role.SERVICE_PROVIDER)
    }
    assert sorted(Contribution.objects.values_list("kind", "currency")) == [
        ("financial", "EUR"), ("human_resources", "")
    ]
    assert partnership.rules.count() == 2
    assert list(partnership.community_groups.all()) == [residents]


def test_a_contribution_in_an_unknown_currency_is_refused_on_its_field(client_for, draft, firm):
    party = draft.parties.get()
    data = partnership_post(parties=[
        {"id": party.pk, "organisation": firm.pk, "role": party.role,
         "responsibilities": party.responsibilities,
         "contributions": [{"kind": "financial", "amount": "12000", "currency": "€€€"}]},
    ])

    response = client_for("coordinator").post(
        reverse("partnerships:partnership_edit", args=[draft.pk]), data
    )

    assert response.status_code == 200
    assert "Use the three-letter ISO 4217 code of the currency, e.g. EUR." in response.text
    assert 'href="#id_parties-0-contributions-0-currency"' in response.text
    assert not Contribution.objects.exists()


def test_a_private_firm_in_a_public_role_is_refused_on_its_row_and_nothing_is_saved(
    client_for, body, firm
):
    data = partnership_post(parties=[
        {"organisation": firm.pk, "role": Role.LEAD_AUTHORITY, "responsibilities": "Leads."},
    ])

    response = client_for("coordinator").post(reverse("partnerships:partnership_create"), data)

    assert response.status_code == 200
    assert not Partnership.objects.exists()
    page = response.text
    assert "reserved to public bodies" in page
    assert 'class="error-summary"' in page
    assert 'href="#id_parties-0-role"' in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_parties-0-role_error"' in page or "id_parties-0-role_error" in page


def test_empty_required_fields_are_named_in_the_error_summary(client_for, body):
    response = client_for("coordinator").post(
        reverse("partnerships:partnership_create"), partnership_post(title="")
    )

    assert response.status_code == 200
    assert 'href="#id_title"' in response.text
    assert 'id="id_title_error"' in response.text
    assert response.context["title"] in response.text


def test_edit_adds_changes_and_removes_rows(client_for, draft, body, firm):
    party = draft.parties.get()
    old_rule = f.RuleFactory(partnership=draft, category=RuleCategory.FUNDING)
    data = partnership_post(
        title="Gare sûre et accueillante",
        language="fr",
        parties=[
            {"id": party.pk, "organisation": firm.pk, "role": Role.OPERATIONAL_PARTNER,
             "responsibilities": "Now also runs the lost-and-found desk."},
            {"organisation": body.pk, "role": Role.LEAD_AUTHORITY, "responsibilities": "Chairs."},
        ],
        rules=[{"id": old_rule.pk, "category": RuleCategory.FUNDING, "title": old_rule.title,
                "text": old_rule.text, "DELETE": "on"},
               *rules_for([RuleCategory.TRANSPARENCY])],
    )
    data["parties-INITIAL_FORMS"] = "1"
    data["rules-INITIAL_FORMS"] = "1"

    response = client_for("coordinator").post(
        reverse("partnerships:partnership_edit", args=[draft.pk]), data
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.language) == ("Gare sûre et accueillante", "fr")
    party.refresh_from_db()
    assert party.responsibilities == "Now also runs the lost-and-found desk."
    assert draft.parties.count() == 2
    assert list(draft.rules.values_list("category", flat=True)) == [RuleCategory.TRANSPARENCY]


def test_the_edit_form_shows_existing_rows_and_a_template_to_add_more(client_for, draft, firm):
    response = client_for("coordinator").get(reverse("partnerships:partnership_edit", args=[draft.pk]))

    page = response.text
    assert firm.name in page
    assert 'id="parties-empty"' in page
    assert 'id="rules-empty"' in page
    assert 'data-formset-add="parties"' in page
    assert "parties-__prefix__-contributions-__contribution__-kind" in page


def test_activation_is_refused_with_what_is_missing_then_accepted(client_for, draft, body):
    client = client_for("coordinator")
    transition = reverse("partnerships:partnership_transition", args=[draft.pk])
    client.post(transition, {"status": Status.NEGOTIATION})
    f.PartyFactory(partnership=draft, organisation=body, role=Role.LEAD_AUTHORITY)
    draft.community_groups.add(f.CommunityGroupFactory(code="residents"))
    for category in REQUIRED_RULE_CATEGORIES[:-1]:
        f.RuleFactory(partnership=draft, category=category)

    refused = client.post(transition, {"status": Status.ACTIVE}, follow=True)

    draft.refresh_from_db()
    assert draft.status == Status.NEGOTIATION
    assert "This partnership cannot become active yet." in refused.text
    assert "Add the missing rules: Termination and exit." in refused.text
    assert GOAL_MISSING in refused.text

    f.RuleFactory(partnership=draft, category=RuleCategory.EXIT)
    draft.goals.add(f.GoalFactory(strategy__owner=body))
    accepted = client.post(transition, {"status": Status.ACTIVE}, follow=True)

    draft.refresh_from_db()
    assert draft.status == Status.ACTIVE
    assert "The partnership is now “Active”." in accepted.text


def test_the_page_says_a_goal_is_missing_until_one_is_linked(client_for, draft, body):
    client = client_for("coordinator")
    make_activatable(draft, public=body)
    draft.goals.clear()
    draft.status = Status.NEGOTIATION
    draft.save()

    page = client.get(draft.get_absolute_url()).text
    assert "Before it can become active" in page
    assert GOAL_MISSING in page
    refused = client.post(reverse("partnerships:partnership_transition", args=[draft.pk]),
                          {"status": Status.ACTIVE}, follow=True)
    assert GOAL_MISSING in refused.text

    draft.goals.add(f.GoalFactory(strategy__owner=body))
    page = client.get(draft.get_absolute_url()).text
    assert "Before it can become active" not in page
    client.post(reverse("partnerships:partnership_transition", args=[draft.pk]),
                {"status": Status.ACTIVE})
    draft.refresh_from_db()
    assert draft.status == Status.ACTIVE


def test_an_active_partnership_cannot_drop_its_last_goal(coordinator, active):
    with pytest.raises(ValidationError) as error:
        partnership_update(actor=coordinator, partnership=active, goals=[])
    assert GOAL_MISSING in error.value.messages
    assert active.goals.exists()


@pytest.mark.parametrize("kind", ["firm", "other_coordinator", "analyst"])
def test_those_who_may_not_change_a_partnership_are_offered_no_action(client_for, kind, active):
    response = client_for(kind).get(active.get_absolute_url())

    assert response.status_code == 200
    page = response.text
    assert reverse("partnerships:partnership_edit", args=[active.pk]) not in page
    assert reverse("partnerships:partnership_transition", args=[active.pk]) not in page
    assert "Internal: budget still under discussion." not in page


@pytest.mark.parametrize("kind", ["firm", "other_coordinator", "analyst"])
def test_those_who_may_not_change_it_cannot_move_it_either(client_for, kind, active):
    response = client_for(kind).post(
        reverse("partnerships:partnership_transition", args=[active.pk]),
        {"status": Status.SUSPENDED},
    )

    active.refresh_from_db()
    assert response.status_code == 403
    assert active.status == Status.ACTIVE


def test_the_lead_body_is_offered_the_next_steps_of_the_lifecycle(client_for, active):
    response = client_for("coordinator").get(active.get_absolute_url())

    page = response.text
    assert reverse("partnerships:partnership_edit", args=[active.pk]) in page
    for status, label in (("suspended", "Suspend"), ("concluded", "Conclude"),
                          ("terminated", "Terminate")):
        assert f"?status={status}\">{label}…</a>" in page
    assert ">Activate</button>" not in page
    assert "Internal: budget still under discussion." in page


def test_a_suspended_partnership_is_resumed(client_for, active):
    client = client_for("coordinator")
    url = reverse("partnerships:partnership_transition", args=[active.pk])
    client.post(url, {"status": Status.SUSPENDED, "reason": "Audit under way."})

    page = client.get(active.get_absolute_url()).text
    assert ">Resume</button>" in page

    client.post(url, {"status": Status.ACTIVE})
    active.refresh_from_db()
    assert active.status == Status.ACTIVE


def test_a_draft_shows_what_activation_still_needs(client_for, draft):
    page = client_for("coordinator").get(draft.get_absolute_url()).text

    assert "Before it can become active" in page
    assert "Add at least one public body as a party." in page


def test_a_closed_partnership_cannot_be_edited(client_for, active):
    client = client_for("coordinator")
    client.post(reverse("partnerships:partnership_transition", args=[active.pk]),
                {"status": Status.CONCLUDED, "reason": "End of term."})

    page = client.get(active.get_absolute_url()).text
    assert reverse("partnerships:partnership_edit", args=[active.pk]) not in page
    assert client.get(reverse("partnerships:partnership_edit", args=[active.pk])).status_code == 403


def test_a_draft_is_deleted_after_confirmation(client_for, draft):
    url = reverse("partnerships:partnership_delete", args=[draft.pk])
    client = client_for("coordinator")

    assert "Delete the draft" in client.get(draft.get_absolute_url()).text
    response = client.post(url)

    assert response.status_code == 302
    assert not Partnership.objects.filter(pk=draft.pk).exists()


def test_an_active_partnership_cannot_be_deleted(client_for, active):
    response = client_for("coordinator").post(
        reverse("partnerships:partnership_delete", args=[active.pk])
    )

    assert response.status_code == 403
    assert Partnership.objects.filter(pk=active.pk).exists()


def test_history_says_who_changed_which_field_from_what_to_what(client_for, draft, coordinator):
    client = client_for("coordinator")
    data = partnership_post(title="Gare plus sûre", territory=draft.territory, summary=draft.summary,
                            internal_notes=draft.internal_notes)
    client.post(reverse("partnerships:partnership_edit", args=[draft.pk]), data)
    client.post(reverse("partnerships:partnership_transition", args=[draft.pk]),
                {"status": Status.NEGOTIATION})

    response = client.get(reverse("partnerships:partnership_history", args=[draft.pk]))

    page = response.text
    assert "<del>Gare sûre</del>" in page
    assert "<ins>Gare plus sûre</ins>" in page
    assert "<del>Draft</del>" in page
    assert "<ins>In negotiation</ins>" in page
    assert coordinator.get_full_name() in page


def test_history_hides_internal_notes_from_other_bodies(client_for, active):
    client = client_for("coordinator")
    data = partnership_post(title=active.title, territory=active.territory,
                            summary=active.summary, internal_notes="Secret: a new budget line.",
                            community_groups=list(active.community_groups.values_list("pk", flat=True)),
                            goals=list(active.goals.values_list("pk", flat=True)))
    client.post(reverse("partnerships:partnership_edit", args=[active.pk]), data)

    own = client.get(reverse("partnerships:partnership_history", args=[active.pk])).text
    other = client_for("other_coordinator").get(
        reverse("partnerships:partnership_history", args=[active.pk])
    ).text

    assert "Secret: a new budget line." in own
    assert "Secret: a new budget line." not in other


def test_list_filters_searches_and_sorts(client_for, body):
    f.PartnershipFactory(lead_body=body, title="Marché de nuit", territory="Saint-Denis")
    f.PartnershipFactory(lead_body=body, title="Gare du Nord", territory="Paris")
    client = client_for("coordinator")
    url = reverse("partnerships:partnership_list")

    found = client.get(url, {"q": "marché"}).context["object_list"]
    by_title = client.get(url, {"ordering": "-title"}).context["object_list"]

    assert [p.title for p in found] == ["Marché de nuit"]
    assert [p.title for p in by_title] == ["Marché de nuit", "Gare du Nord"]


@pytest.mark.parametrize("status", [Status.SUSPENDED, Status.CONCLUDED, Status.TERMINATED])
def test_grave_steps_are_confirmed_with_a_reason_that_the_public_page_shows(
    client_for, active, status
):
    client = client_for("coordinator")
    url = reverse("partnerships:partnership_transition", args=[active.pk])

    confirmation = client.get(url, {"status": status})
    refused = client.post(url, {"status": status, "reason": "  "})
    active.refresh_from_db()
    assert confirmation.status_code == 200 and 'name="reason"' in confirmation.text
    assert refused.status_code == 200 and active.status == Status.ACTIVE

    client.post(url, {"status": status, "reason": "The steering committee decided so."})
    active.refresh_from_db()
    assert active.status == status
    assert active.status_reason == "The steering committee decided so."
    assert active.status_changed_on is not None
    assert active.history.first().status_reason == "The steering committee decided so."
    public = client_for("anonymous").get(
        reverse("partnerships:public_partnership_detail", args=[active.pk])
    )
    assert public.status_code == 200
    assert "The steering committee decided so." in public.text


def test_the_confirmation_of_a_grave_step_answers_each_kind_of_user(client, users, active):
    url = reverse("partnerships:partnership_transition", args=[active.pk]) + "?status=terminated"

    assert_each_kind_gets(client, users, url, [302, 403, 403, 403, 200, 403, 200])
