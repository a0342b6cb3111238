import pytest

from actors.choices import VerificationStatus
from partnerships.choices import Status
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


@pytest.fixture
def concluded(active):
    """A partnership that has run its course: public, with the reason it ended."""
    active.status = Status.CONCLUDED
    active.status_reason = "Concluded at the end of its term."
    active.save()
    return active


@pytest.fixture
def negotiation(draft):
    draft.status = Status.NEGOTIATION
    draft.save()
    return draft
