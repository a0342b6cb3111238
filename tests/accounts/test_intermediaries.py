"""Intermediaries (chambers of commerce, business improvement districts, associations) register
through the public form like firms, land in their own sector, and a coordinator verifies them."""

import pytest
from django.urls import reverse

from actors.choices import Function, OrganisationKind, Sector, VerificationStatus
from actors.models import Organisation, User
from tests import factories as f
from tests.calls.test_flow import REGISTRATION

pytestmark = pytest.mark.django_db

CHAMBER = {
    **REGISTRATION,
    "email": "accueil@cci-seine-saint-denis.example",
    "name": "CCI Seine-Saint-Denis",
    "kind": OrganisationKind.CHAMBER_OF_COMMERCE,
}


def test_the_form_offers_intermediary_kinds_beside_firms(client):
    page = client.get(reverse("accounts:register"))

    kinds = page.context["form"]["kind"]
    text = str(kinds)
    assert "Chamber of commerce" in text
    assert "Business improvement district" in text
    assert "Residents&#x27; association" in text or "Residents' association" in text
    assert "Small or medium enterprise" in text
    assert "Municipality" not in text
    assert '<optgroup label="Intermediary or civil society">' in text


@pytest.mark.parametrize("kind", [OrganisationKind.CHAMBER_OF_COMMERCE, OrganisationKind.BID,
                                  OrganisationKind.RESIDENTS_ASSOCIATION])
def test_an_intermediary_registers_in_its_own_sector(client, kind):
    response = client.post(reverse("accounts:register"), {**CHAMBER, "kind": kind})

    assert response.status_code == 302
    organisation = Organisation.objects.get(name="CCI Seine-Saint-Denis")
    assert organisation.sector == Sector.INTERMEDIARY
    assert organisation.kind == kind
    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    user = User.objects.get(email=CHAMBER["email"])
    assert user.organisation == organisation
    assert user.function == Function.FIRM_REPRESENTATIVE


def test_a_public_kind_is_refused(client):
    response = client.post(reverse("accounts:register"), {**CHAMBER, "kind": "municipality"})

    assert response.status_code == 400
    assert not Organisation.objects.filter(name="CCI Seine-Saint-Denis").exists()


def test_someone_joins_a_registered_intermediary(client):
    chamber = f.OrganisationFactory(sector=Sector.INTERMEDIARY,
                                    kind=OrganisationKind.CHAMBER_OF_COMMERCE)

    response = client.post(reverse("accounts:register"), {
        **CHAMBER, "mode": "join", "join_scheme": chamber.identifier_scheme,
        "join_identifier": chamber.identifier,
    })

    assert response.status_code == 302
    assert User.objects.get(email=CHAMBER["email"]).registration.requested_organisation == chamber


def test_a_coordinator_verifies_a_registered_intermediary(client, client_for):
    client.post(reverse("accounts:register"), CHAMBER)
    chamber = Organisation.objects.get(name="CCI Seine-Saint-Denis")
    coordinator = client_for("coordinator")

    page = coordinator.get(chamber.get_absolute_url())
    assert "Intermediary or civil society" in page.text
    assert page.context["can_verify"]
    response = coordinator.post(reverse("actors:organisation_verify", args=[chamber.pk]),
                                {"status": VerificationStatus.VERIFIED, "note": ""}, follow=True)

    chamber.refresh_from_db()
    assert chamber.verification_status == VerificationStatus.VERIFIED
    assert chamber.sector == Sector.INTERMEDIARY
    assert "Verification recorded" in response.text
