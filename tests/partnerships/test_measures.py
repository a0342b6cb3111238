"""The measure a party's contribution and a firm's offer share: one currency rule, one set of
database checks named after each model."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from calls.models import Offer
from partnerships.choices import ContributionKind
from partnerships.measures import UNKNOWN_CURRENCY, checked_currency
from partnerships.models import Contribution
from tests import factories as f
from tests.calls import factories as cf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("typed", "stored"), [("EUR", "EUR"), ("eur", "EUR"), (" gbp ", "GBP"),
                                                ("", ""), (None, "")])
def test_a_known_currency_is_kept_as_its_code_in_capitals(typed, stored):
    assert checked_currency(typed) == stored


@pytest.mark.parametrize("typed", ["€€€", "XYZ", "EU", "EURO", "E1R", "XAU", "XTS"])
def test_anything_but_the_code_of_a_currency_in_circulation_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        checked_currency(typed)

    assert error.value.messages == [str(UNKNOWN_CURRENCY)]


@pytest.fixture(params=["contribution", "offer"])
def measured(request, draft):
    if request.param == "contribution":
        return f.ContributionFactory.build(party=draft.parties.get())
    return cf.OfferFactory.build(expression_of_interest=cf.EoiFactory())


def test_both_models_refuse_an_unknown_currency_on_its_field(measured):
    measured.kind = ContributionKind.FINANCIAL
    measured.amount = Decimal("5000")
    measured.currency = "€€€"

    with pytest.raises(ValidationError) as error:
        measured.full_clean()

    assert error.value.message_dict == {"currency": [str(UNKNOWN_CURRENCY)]}


def test_both_models_keep_the_currency_code_in_capitals(measured):
    measured.kind = ContributionKind.FINANCIAL
    measured.amount = Decimal("5000")
    measured.currency = "chf"

    measured.full_clean()

    assert measured.currency == "CHF"


@pytest.mark.parametrize(("model", "prefix"), [(Contribution, "contribution"), (Offer, "offer")])
def test_the_database_checks_are_named_after_each_model(model, prefix):
    assert [c.name for c in model._meta.constraints] == [
        f"{prefix}_kind_valid",
        f"{prefix}_financial_has_amount",
        f"{prefix}_human_resources_has_days",
        f"{prefix}_amount_not_negative",
    ]
