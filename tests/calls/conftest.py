import pytest

from calls.choices import EoiStatus

from . import factories as cf


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

