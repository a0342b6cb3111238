"""Organisation pages: registration, edits within one's rights, verification, personal data."""

import pytest
from django.urls import reverse

from actors.choices import OrganisationKind, Sector, VerificationStatus
from actors.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_coordinator_registers_an_organisation_unverified(client_for):
    response = client_for("coordinator").post(reverse("actors:organisation_create"), {
        "name": "Vigilance Plaine SAS", "sector": Sector.PRIVATE, "kind": OrganisationKind.SME,
        "identifier_scheme": "FR-RCS", "identifier": "732 829 320", "country": "fr",
        "territory": "Saint-Denis",
    })

    organisation = Organisation.objects.get(name="Vigilance Plaine SAS")
    assert response.status_code == 302
    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    assert organisation.country == "FR"


def test_a_wrong_identifier_is_refused_on_its_field(client_for):
    response = client_for("coordinator").post(reverse("actors:organisation_create"), {
        "name": "Vigilance Plaine SAS", "sector": Sector.PRIVATE, "kind": OrganisationKind.SME,
        "identifier_scheme": "FR-RCS", "identifier": "123456789", "country": "FR",
        "territory": "Saint-Denis",
    })

    assert response.status_code == 200
    assert response.context["form"].errors["identifier"]
    assert 'href="#id_identifier"' in response.text
    assert not Organisation.objects.filter(name="Vigilance Plaine SAS").exists()


def test_a_firm_edits_its_own_organisation_but_not_its_identity(client_for, firm):
    client = client_for("firm")
    form = client.get(reverse("actors:organisation_edit", args=[firm.pk])).context["form"]

    response = client.post(reverse("actors:organisation_edit", args=[firm.pk]), {
        "name": "Sécurité Plaine", "kind": OrganisationKind.PRIVATE_SECURITY,
        "territory": "Plaine Commune",
    })

    firm.refresh_from_db()
    assert "identifier" not in form.fields
    assert "internal_notes" not in form.fields
    assert response.status_code == 302
    assert (firm.name, firm.territory) == ("Sécurité Plaine", "Plaine Commune")


def test_a_coordinator_verifies_a_firm(client_for, unverified_firm):
    client = client_for("coordinator")
    page = client.get(unverified_firm.get_absolute_url()).text
    assert reverse("actors:organisation_verify", args=[unverified_firm.pk]) in page

    client.post(reverse("actors:organisation_verify", args=[unverified_firm.pk]),
                {"status": VerificationStatus.VERIFIED, "note": "Checked the register."})

    unverified_firm.refresh_from_db()
    assert unverified_firm.verification_status == VerificationStatus.VERIFIED
    assert "Checked the register." in unverified_firm.internal_notes


@pytest.mark.parametrize("kind", ["firm", "analyst"])
def test_others_are_not_offered_verification_and_are_refused_it(client_for, kind, firm):
    client = client_for(kind)
    url = reverse("actors:organisation_verify", args=[firm.pk])

    assert url not in client.get(firm.get_absolute_url()).text
    assert client.post(url, {"status": VerificationStatus.REJECTED}).status_code == 403
    firm.refresh_from_db()
    assert firm.verification_status == VerificationStatus.VERIFIED


def test_public_bodies_are_not_offered_verification(client_for, other_body):
    page = client_for("coordinator").get(other_body.get_absolute_url()).text

    assert reverse("actors:organisation_verify", args=[other_body.pk]) not in page


@pytest.mark.parametrize(("kind", "sees"), [
    ("firm", True), ("other_firm", False), ("analyst", False), ("coordinator", True),
])
def test_contact_data_is_shown_only_to_those_who_need_it(client_for, kind, sees, firm):
    page = client_for(kind).get(firm.get_absolute_url()).text

    assert (firm.contact_email in page) is sees
    assert (firm.contact_phone in page) is sees


def test_internal_notes_are_for_coordinators_only(client_for, firm):
    assert firm.internal_notes in client_for("coordinator").get(firm.get_absolute_url()).text
    assert firm.internal_notes not in client_for("firm").get(firm.get_absolute_url()).text


def test_organisation_history_hides_contact_changes_from_analysts(client_for, firm):
    client_for("firm").post(reverse("actors:organisation_edit", args=[firm.pk]), {
        "name": firm.name, "kind": firm.kind, "territory": firm.territory,
        "contact_email": "new-contact@example.org",
    })
    url = reverse("actors:organisation_history", args=[firm.pk])

    assert "new-contact@example.org" in client_for("coordinator").get(url).text
    assert "new-contact@example.org" not in client_for("analyst").get(url).text


def test_organisations_are_filtered_by_sector_and_verification(client_for, firm, unverified_firm):
    response = client_for("coordinator").get(reverse("actors:organisation_list"), {
        "sector": Sector.PRIVATE, "verification_status": VerificationStatus.UNVERIFIED,
    })

    assert [o.name for o in response.context["object_list"]] == [unverified_firm.name]


def test_the_picker_finds_verified_organisations_by_part_of_their_name(client_for):
    from tests import factories as f

    found = f.OrganisationFactory(name="Sécurité Canal SARL", country="FR")
    f.OrganisationFactory(name="Securitas Belgique", country="BE")
    f.OrganisationFactory(name="Sécurité Nord", verification_status=VerificationStatus.UNVERIFIED)
    f.PublicBodyFactory(name="Ville de Sécurité-sur-Mer", country="FR")

    response = client_for("coordinator").get(reverse("actors:organisation_picker"),
                                             {"q": "SECURI"})

    groups = response.json()["groups"]
    assert [group["label"] for group in groups] == [
        "BE — Private sector", "FR — Private sector", "FR — Public body"]
    # "Sécurité Plaine SARL" is the verified firm every test has; "Sécurité Nord" is unverified.
    assert [[option["label"] for option in group["options"]] for group in groups] == [
        ["Securitas Belgique"], ["Sécurité Canal SARL", "Sécurité Plaine SARL"],
        ["Ville de Sécurité-sur-Mer"]]
    assert client_for("coordinator").get(reverse("actors:organisation_picker"),
                                         {"q": "té can"}).json()["groups"][0]["options"] == [
        {"value": found.pk, "label": "Sécurité Canal SARL"}]


def test_the_party_field_groups_organisations_by_country_and_sector(client_for):
    from tests import factories as f

    f.OrganisationFactory(name="Kouter Retail NV", country="BE")
    page = client_for("coordinator").get(reverse("partnerships:partnership_create")).content.decode()

    assert '<optgroup label="BE — Private sector">' in page
    assert 'data-picker="/organisations/picker/"' in page
