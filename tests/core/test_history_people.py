"""Histories name a person by their function and organisation, and by their name only for those
allowed to see personal data; never by their username or e-mail address."""

import pytest

from actors.services import organisation_update
from calls.choices import EoiStatus
from calls.services import eoi_start_review
from goals.choices import Area
from projects.choices import Visibility
from projects.services import project_create, project_update

from .. import factories as f
from ..calls import factories as cf

pytestmark = pytest.mark.django_db

EMAIL = "carol.martin@firm.example"


@pytest.fixture
def carol(firm):
    """A firm representative whose username is her e-mail address, as sign-up makes it."""
    return f.FirmRepresentativeFactory(
        username=EMAIL, email=EMAIL, first_name="Carol", last_name="Martin", organisation=firm
    )


def page_as(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_analyst_reads_a_function_not_an_address(client, carol, firm, analyst):
    organisation_update(actor=carol, organisation=firm, description="We light streets.")

    page = page_as(client, analyst, f"/organisations/{firm.pk}/history/")

    assert EMAIL not in page
    assert "Carol Martin" not in page
    assert "Firm representative" in page


def test_a_coordinator_reads_the_name_and_function(client, carol, firm, coordinator):
    organisation_update(actor=carol, organisation=firm, description="We light streets.")

    page = page_as(client, coordinator, f"/organisations/{firm.pk}/history/")

    assert EMAIL not in page
    assert "Carol Martin (Firm representative" in page


def test_expression_of_interest_history_hides_addresses(client, carol, firm, body, coordinator,
                                                        analyst):
    call = cf.CallFactory(lead_body=body)
    eoi = cf.EoiFactory(call=call, organisation=firm, submitted_by=carol,
                        status=EoiStatus.SUBMITTED)
    eoi_start_review(actor=coordinator, eoi=eoi)
    coordinator_address = coordinator.username

    page = page_as(client, analyst, f"/calls/interest/{eoi.pk}/history/")

    assert EMAIL not in page
    assert coordinator.email not in page
    assert f"— {coordinator_address}" not in page
    assert "Coordinator" in page


def test_a_project_s_history_names_a_function_not_an_address(client, carol, firm, analyst,
                                                              coordinator):
    project = project_create(actor=carol, title="Lit forecourt", summary="Lamps.",
                             area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis",
                             visibility=Visibility.NETWORK)
    project_update(actor=carol, project=project, summary="More lamps.")

    for reader in (analyst, coordinator):
        page = page_as(client, reader, f"/projects/{project.pk}/history/")
        assert EMAIL not in page
        assert "Firm representative" in page
        assert ("Carol Martin" in page) is (reader == coordinator)
