"""Confidential fields (personal contact data, internal notes) reach only those who may see them,
in details, lists and exports alike."""

import pytest

from .conftest import USER_KINDS, client_for

pytestmark = pytest.mark.django_db

PERSONAL = {"contact_name", "contact_email", "contact_phone"}


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


# Carol's firm: its own people, coordinators and admins see its contacts.
SEES_FIRM_CONTACTS = {"firm", "coordinator", "other_coordinator", "admin"}
# Internal notes on organisations are the registry staff's.
SEES_ORGANISATION_NOTES = {"coordinator", "other_coordinator", "admin"}
# Internal notes on a partnership stay with its lead body (Alice's) and admins.
SEES_PARTNERSHIP_NOTES = {"coordinator", "admin"}


@pytest.mark.parametrize("kind", USER_KINDS)
def test_organisation_contacts_and_notes(registry, users, kind):
    data = client_for(users[kind]).get(f"/api/v1/organisations/{registry.firm.pk}/").json()

    assert (data.keys() >= PERSONAL) is (kind in SEES_FIRM_CONTACTS)
    assert not (PERSONAL & data.keys()) or kind in SEES_FIRM_CONTACTS
    assert ("internal_notes" in data) is (kind in SEES_ORGANISATION_NOTES)
    if kind in SEES_FIRM_CONTACTS:
        assert data["contact_email"] == registry.firm.contact_email


@pytest.mark.parametrize("kind", USER_KINDS)
def test_organisation_list_hides_other_organisations_contacts(registry, users, kind):
    rows = client_for(users[kind]).get("/api/v1/organisations/?page_size=500").json()["results"]
    by_id = {row["id"]: row for row in rows}

    assert ("contact_email" in by_id[registry.other_firm.pk]) is (
        kind in {"coordinator", "other_coordinator", "admin", "other_firm"}
    )
    assert ("contact_email" in by_id[registry.firm.pk]) is (kind in SEES_FIRM_CONTACTS)


@pytest.mark.parametrize("kind", USER_KINDS)
def test_partnership_internal_notes(registry, users, kind):
    data = client_for(users[kind]).get(f"/api/v1/partnerships/{registry.active.pk}/").json()

    assert ("internal_notes" in data) is (kind in SEES_PARTNERSHIP_NOTES)
    if kind in SEES_PARTNERSHIP_NOTES:
        assert data["internal_notes"] == registry.active.internal_notes


def test_other_bodys_coordinator_does_not_see_notes_of_a_partnership_they_can_read(registry, users):
    data = client_for(users["coordinator"]).get(f"/api/v1/partnerships/{registry.active.pk}/")
    other = client_for(users["other_coordinator"]).get(f"/api/v1/partnerships/{registry.active.pk}/")

    assert "internal_notes" in data.json()
    assert "internal_notes" not in other.json()


LISTS = ["organisations", "partnerships", "parties", "rules", "contributions", "strategies",
         "goals", "indicators", "measurements", "community-groups", "documents"]


@pytest.mark.parametrize("kind", ["anonymous", "analyst", "other_firm"])
@pytest.mark.parametrize("suffix", ["/", "/export.csv", "/export.json"])
@pytest.mark.parametrize("resource", LISTS)
def test_no_confidential_text_in_lists_or_exports(registry, users, kind, resource, suffix):
    """The public, analysts and other firms never receive Carol's firm's contacts or anybody's
    internal notes, whatever list or export they download (a firm does see its own contacts)."""
    response = client_for(users[kind]).get(f"/api/v1/{resource}{suffix}")
    text = body_of(response)

    assert response.status_code == 200
    assert registry.firm.contact_email not in text
    assert "Internal:" not in text  # how the factories begin every internal note
    assert "internal_notes" not in text
    if kind != "other_firm":
        assert "contact_" not in text


def test_coordinator_export_carries_contacts(registry, users):
    text = body_of(client_for(users["coordinator"]).get("/api/v1/organisations/export.csv"))
    header = text.splitlines()[0].split(",")

    assert {"contact_name", "contact_email", "contact_phone", "internal_notes"} <= set(header)
    assert registry.firm.contact_email in text


def test_analyst_export_has_no_confidential_columns(registry, users):
    text = body_of(client_for(users["analyst"]).get("/api/v1/organisations/export.csv"))
    header = set(text.splitlines()[0].split(","))

    assert header.isdisjoint({"contact_name", "contact_email", "contact_phone", "internal_notes"})


def test_no_user_data_leaves_the_api(registry, users):
    """People (usernames, e-mails) are never part of any representation."""
    client = client_for(users["admin"])
    texts = [body_of(client.get(f"/api/v1/{resource}/export.json")) for resource in LISTS]
    texts.append(body_of(client.get(f"/api/v1/partnerships/{registry.draft.pk}/")))

    for text in texts:
        for user in users.values():
            if user is not None:
                assert user.email not in text
                assert f'"{user.username}"' not in text
