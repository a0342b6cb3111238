import pytest

from actors.choices import VerificationStatus
from tests import factories as f


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
