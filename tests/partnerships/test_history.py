"""Every change to a registry object is kept: who made it, when, and what changed, whether it
came through a service (pages, API, commands) or through the admin."""

import pytest

from actors.choices import VerificationStatus
from actors.models import Organisation
from actors.services import organisation_set_verification
from partnerships.choices import Status
from partnerships.models import Contribution, Partnership, Party, Rule
from partnerships.services import (
    partnership_transition,
    partnership_update,
    party_remove,
    party_update,
    rule_update,
)
from tests import factories as f
from tests.admin_forms import admin_url, form_data

pytestmark = pytest.mark.django_db


def _latest_change(obj):
    latest = obj.history.first()
    return latest.history_user, latest.diff_against(latest.prev_record).changed_fields


def _history_page(client, obj):
    """The admin history page's rows, newest first: (who, [(field, old, new), ...])."""
    response = client.get(admin_url(type(obj), "history", obj.pk))
    assert response.status_code == 200
    return [
        (
            str(record.history_user),
            [(c["field"], str(c["old"]), str(c["new"]))
             for c in getattr(record, "history_delta_changes", [])],
        )
        for record in response.context["page_obj"]
    ]


def _change_in_admin(client, obj, **changes):
    data = form_data(client.get(admin_url(type(obj), "change", obj.pk)))
    data.update(changes)
    response = client.post(admin_url(type(obj), "change", obj.pk), data)
    assert response.status_code == 302
    obj.refresh_from_db()


def test_a_change_through_a_service_is_kept_with_its_author(admin_client, coordinator, draft):
    partnership_update(actor=coordinator, partnership=draft, title="Gare sûre et vivante")

    assert _latest_change(draft) == (coordinator, ["title"])
    assert _history_page(admin_client, draft)[0] == (
        "alice", [("Title", "Gare sûre", "Gare sûre et vivante")]
    )


def test_a_change_through_the_admin_is_kept_with_its_author(admin_client, admin_user, draft):
    _change_in_admin(admin_client, draft, territory="Plaine Commune")

    assert _latest_change(draft) == (admin_user, ["territory"])
    assert _history_page(admin_client, draft)[0] == (
        "root", [("Territory", "Saint-Denis", "Plaine Commune")]
    )


def test_the_history_page_names_who_made_each_change(admin_client, coordinator, draft):
    partnership_update(actor=coordinator, partnership=draft, summary="Safer evenings.")
    _change_in_admin(admin_client, draft, next_review_on="2026-06-30")

    response = admin_client.get(admin_url(Partnership, "history", draft.pk))

    rows = _history_page(admin_client, draft)
    assert [who for who, _ in rows] == ["root", "alice", "None"]
    assert rows[0][1] == [("Next review on", "—", "2026-06-30")]
    assert "alice" in response.text
    assert "root" in response.text


def test_lifecycle_moves_are_kept(admin_client, coordinator, active):
    partnership_transition(actor=coordinator, partnership=active, status=Status.SUSPENDED,
                           reason="Audit under way.")

    latest = active.history.first()
    assert (latest.status, latest.history_user) == (Status.SUSPENDED, coordinator)
    assert _history_page(admin_client, active)[0] == (
        "alice", [("Status", "Active", "Suspended"),
                  ("Status changed on", "—", latest.status_changed_on.isoformat()),
                  ("Reason for the status", "", "Audit under way.")]
    )


def test_a_party_s_history_keeps_changes_from_both_ways_in(admin_client, admin_user,
                                                           coordinator, draft):
    party = draft.parties.get()
    party_update(actor=coordinator, party=party, responsibilities="Funds the mediators.")
    _change_in_admin(admin_client, party, joined_on="2026-01-15")

    assert _latest_change(party) == (admin_user, ["joined_on"])
    assert [who for who, _ in _history_page(admin_client, party)] == ["root", "alice", "None"]


def test_a_party_changed_from_the_partnership_page_is_credited(admin_client, admin_user, draft):
    data = form_data(admin_client.get(admin_url(Partnership, "change", draft.pk)))
    data["parties-0-responsibilities"] = "Trains the night staff."

    admin_client.post(admin_url(Partnership, "change", draft.pk), data)

    party = draft.parties.get()
    assert party.responsibilities == "Trains the night staff."
    assert _latest_change(party) == (admin_user, ["responsibilities"])


def test_rules_keep_their_history_and_their_removal(admin_client, admin_user, coordinator,
                                                    draft):
    rule = f.RuleFactory(partnership=draft)
    rule_id = rule.pk
    rule_update(actor=coordinator, rule=rule, title="Steering committee")
    assert _latest_change(rule) == (coordinator, ["title"])

    response = admin_client.post(admin_url(Rule, "delete", rule_id), {"post": "yes"})

    assert response.status_code == 302
    removal = Rule.history.get(id=rule_id, history_type="-")
    assert removal.history_user == admin_user


def test_removing_a_party_credits_the_removal_of_its_contributions(coordinator, draft):
    party = draft.parties.get()
    contribution_id = f.ContributionFactory(party=party).pk

    party_remove(actor=coordinator, party=party)

    removal = Contribution.history.get(id=contribution_id, history_type="-")
    assert removal.history_user == coordinator


def test_the_community_groups_served_are_kept_in_the_history(admin_client, coordinator,
                                                             draft):
    commuters = f.CommunityGroupFactory(code="commuters")

    partnership_update(actor=coordinator, partnership=draft, community_groups=[commuters])

    assert _latest_change(draft) == (coordinator, ["community_groups"])
    who, changes = _history_page(admin_client, draft)[0]
    assert (who, [field for field, _old, _new in changes]) == ("alice",
                                                               ["Community groups served"])


def test_an_organisation_s_verification_is_kept(admin_client, coordinator):
    shop = f.OrganisationFactory(name="Boulangerie du Marché",
                                 verification_status=VerificationStatus.UNVERIFIED)

    organisation_set_verification(actor=coordinator, organisation=shop,
                                  status=VerificationStatus.VERIFIED)

    who, changed = _latest_change(Organisation.objects.get(pk=shop.pk))
    assert who == coordinator
    assert set(changed) == {"verification_status", "verified_at", "verified_by"}
    who, changes = _history_page(admin_client, shop)[0]
    assert who == "alice"
    assert ("Verification", "Unverified", "Verified") in changes
    assert ("Verified by", "—", "alice") in changes


def test_old_versions_can_be_read_but_not_restored(admin_client, coordinator, draft):
    partnership_update(actor=coordinator, partnership=draft, title="Gare sûre et vivante")
    first = draft.history.last()
    url = admin_url(Partnership, "simple_history", draft.pk, first.history_id)

    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"title": "Gare sûre"}).status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Gare sûre et vivante"


def test_parties_have_a_history_page(admin_client, draft):
    party = draft.parties.get()

    response = admin_client.get(admin_url(Party, "history", party.pk))

    assert response.status_code == 200
    assert str(party) in response.text
