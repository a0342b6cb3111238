"""A small registry every API test can speak of, and clients signed in as each kind of user."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from actors.choices import VerificationStatus
from goals.models import Measurement
from partnerships.choices import ContributionKind
from tests.access import KINDS

from .. import factories as f

USER_KINDS = KINDS


@pytest.fixture(autouse=True)
def _fresh_throttle_history():
    """Throttling counts requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api_as(users):
    """``api_as("coordinator")``: a client authenticated as that kind of user."""
    return lambda kind: client_for(users[kind])


@pytest.fixture
def alice(coordinator):
    """Alice, our body's coordinator, as an API client."""
    return client_for(coordinator)


@dataclass
class Registry:
    body: object
    other_body: object
    firm: object
    other_firm: object
    unverified_firm: object
    strategy: object
    goal: object
    indicator: object
    measurement: object
    draft: object
    active: object
    other_draft: object
    draft_party: object
    draft_rule: object
    draft_contribution: object
    active_rule: object


def build_registry(*, body, other_body, firm, other_firm, draft, active) -> Registry:
    """Alice's body leads a draft (Carol's firm is a party) and an active partnership; Bob's body
    leads a draft of its own. Alice's body owns a strategy, a goal, an indicator and a measurement."""
    strategy = f.StrategyFactory(owner=body, title="Plan local de sécurité 2025")
    goal = f.GoalFactory(strategy=strategy, title="Safer station forecourt")
    indicator = f.IndicatorFactory(goal=goal, name="Reported thefts")
    measurement = Measurement.objects.create(
        indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=Decimal("90")
    )
    draft.goals.add(goal)
    active.goals.set([goal])
    draft_party = draft.parties.get(organisation=firm)
    return Registry(
        body=body,
        other_body=other_body,
        firm=firm,
        other_firm=other_firm,
        unverified_firm=f.OrganisationFactory(
            name="Nouvelle Boutique", verification_status=VerificationStatus.UNVERIFIED
        ),
        strategy=strategy,
        goal=goal,
        indicator=indicator,
        measurement=measurement,
        draft=draft,
        active=active,
        other_draft=f.PartnershipFactory(title="Veilige haven", lead_body=other_body),
        draft_party=draft_party,
        draft_rule=f.RuleFactory(partnership=draft),
        draft_contribution=f.ContributionFactory(
            party=draft_party, kind=ContributionKind.EXPERTISE, amount=None, currency=""
        ),
        active_rule=active.rules.order_by("id").first(),
    )


@pytest.fixture
def registry(users, body, other_body, firm, other_firm, draft, active):
    return build_registry(body=body, other_body=other_body, firm=firm, other_firm=other_firm,
                          draft=draft, active=active)
