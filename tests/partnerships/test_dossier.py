"""The partnership dossier (PDF): parties, roles, rules, contributions, goals with indicators,
lifecycle and history, in the reader's language; the public one without personal data."""

import io

import pytest
from pypdf import PdfReader

from tests import factories as f
from tests.access import assert_each_kind_gets, expect

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_who_gets_the_dossier_of_a_draft(client, users, draft):
    # The draft's lead body, its party (the firm) and admins; for others it does not exist.
    assert_each_kind_gets(client, users, f"/partnerships/{draft.pk}/dossier.pdf",
                          expect(302, 200, 404, 404, 200, 404, 200).values())


def test_who_gets_the_public_dossier(client, users, active, draft):
    assert_each_kind_gets(client, users, f"/partnerships/public/{active.pk}/dossier.pdf",
                          expect(200, 200, 200, 200, 200, 200, 200).values())
    assert_each_kind_gets(client, users, f"/partnerships/public/{draft.pk}/dossier.pdf",
                          expect(404, 404, 404, 404, 404, 404, 404).values())


def test_the_dossier_holds_parties_rules_goals_and_history(client, coordinator, active):
    goal = f.GoalFactory(strategy__owner=active.lead_body, title="Fewer night-time incidents")
    f.IndicatorFactory(goal=goal, name="Reported incidents")
    active.goals.add(goal)
    party = active.parties.exclude(organisation=active.lead_body).first()
    f.ContributionFactory(party=party, description="Street lighting")
    client.force_login(coordinator)
    text = text_of(client.get(f"/partnerships/{active.pk}/dossier.pdf"))
    assert active.title in text
    for party in active.parties.all():
        assert party.organisation.name in text
    for rule in active.rules.all():
        assert rule.title in text
    assert "Fewer night-time incidents" in text and "Reported incidents" in text
    assert "Street lighting" in text
    assert "History" in text
    assert active.internal_notes not in text


def test_the_public_dossier_holds_no_personal_data(client, coordinator, active):
    coordinator.first_name, coordinator.last_name = "Alice", "Martin"
    coordinator.save()
    from partnerships.services import partnership_update

    partnership_update(actor=coordinator, partnership=active, summary="Updated by Alice.")
    client.force_login(coordinator)
    assert "Alice Martin" in text_of(client.get(f"/partnerships/{active.pk}/dossier.pdf"))
    public = text_of(client.get(f"/partnerships/public/{active.pk}/dossier.pdf"))
    assert "Alice Martin" not in public and coordinator.email not in public
    assert active.internal_notes not in public


def test_the_dossier_in_french(client, coordinator, active):
    client.force_login(coordinator)
    text = text_of(client.get(f"/partnerships/{active.pk}/dossier.pdf", HTTP_ACCEPT_LANGUAGE="fr"))
    assert "Règles" in text and "Actif" in text
