import pytest
from django.test import Client

from actors.choices import VerificationStatus
from tests import factories as f


@pytest.fixture
def client_for(users):
    """A browser signed in as the named kind of user (``anonymous`` is not signed in)."""

    def make(kind: str) -> Client:
        client = Client()
        if users[kind] is not None:
            client.force_login(users[kind])
        return client

    return make


@pytest.fixture
def strategy(body):
    return f.StrategyFactory(owner=body, title="Stratégie locale de sécurité 2025-2030")


@pytest.fixture
def goal(strategy):
    return f.GoalFactory(strategy=strategy, title="Safer station surroundings")


@pytest.fixture
def indicator(goal):
    return f.IndicatorFactory(goal=goal, name="Reported incidents")


@pytest.fixture
def unverified_firm(db):
    return f.OrganisationFactory(
        name="Nouvelle Sécurité SAS", verification_status=VerificationStatus.UNVERIFIED
    )
