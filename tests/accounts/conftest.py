import pytest

from calls.choices import EoiStatus
from tests.calls import factories as cf


@pytest.fixture
def eoi(body, firm, firm_user):
    """An expression of interest our firm user wrote, with the contact details given: personal
    data that the calls app holds and adds to the person's own."""
    eoi = cf.EoiFactory(
        call=cf.CallFactory(lead_body=body), organisation=firm, submitted_by=firm_user,
        status=EoiStatus.SUBMITTED, title="Éclairage et médiation", contact_name="Carol Firm",
        contact_email="carol.contact@firm.example",
    )
    cf.OfferFactory(expression_of_interest=eoi)
    return eoi
