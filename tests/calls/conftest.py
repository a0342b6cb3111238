import pytest

from calls.choices import EoiStatus

from . import factories as cf

EOIS = "/api/v1/expressions-of-interest/"


@pytest.fixture
def call(body):
    """An open call of our coordinator's body."""
    return cf.CallFactory(title="Gare de Saint-Denis la nuit", lead_body=body)


@pytest.fixture
def other_call(other_body):
    return cf.CallFactory(title="Gent bij nacht", lead_body=other_body)


@pytest.fixture
def eoi(call, firm, firm_user):
    """Our firm's expression of interest on our body's call, submitted."""
    eoi = cf.EoiFactory(
        call=call, organisation=firm, submitted_by=firm_user, status=EoiStatus.SUBMITTED,
        title="Éclairage et médiation", contact_name="Carol Firm",
        contact_email="carol.contact@firm.example",
    )
    cf.OfferFactory(expression_of_interest=eoi)
    return eoi


@pytest.fixture
def other_eoi(call, other_firm, other_firm_user):
    """The other firm's expression of interest, on the same call."""
    eoi = cf.EoiFactory(
        call=call, organisation=other_firm, submitted_by=other_firm_user,
        status=EoiStatus.SUBMITTED, title="Commerce Nord patrols",
        contact_name="Dave Other", contact_email="dave.contact@other.example",
    )
    cf.OfferFactory(expression_of_interest=eoi)
    return eoi


def accept_by_api(client, eoi_id, partnership, role, responsibilities):
    """Accept the expression of interest ``eoi_id`` into ``partnership`` through the API, the
    firm to hold ``role``."""
    return client.post(f"{EOIS}{eoi_id}/accept/", {
        "partnership": partnership.pk, "role": role, "responsibilities": responsibilities,
    }, format="json")


def assert_refused_and_still_under_review(response, message, eoi):
    assert response.status_code == 400
    assert message in str(response.json()["errors"])
    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.UNDER_REVIEW
