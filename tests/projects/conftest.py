import pytest

from goals.choices import Area
from partnerships.choices import ContributionKind
from projects.choices import Visibility
from projects.models import ContributionOffer
from tests import factories as f
from tests.api.conftest import client_for

from .factories import ProjectFactory


@pytest.fixture
def public_project(firm):
    return ProjectFactory(organisation=firm, title="Lit forecourt", visibility=Visibility.PUBLIC)


@pytest.fixture
def network_project(firm):
    return ProjectFactory(organisation=firm, title="Shared patrol rota",
                          visibility=Visibility.NETWORK)


@pytest.fixture
def own_project(firm):
    return ProjectFactory(organisation=firm, title="Internal pilot", visibility=Visibility.OWN)


@pytest.fixture
def projects(public_project, network_project, own_project):
    return {"public": public_project, "network": network_project, "own": own_project}


@pytest.fixture
def api_as(users):
    return lambda kind: client_for(users[kind])


@pytest.fixture
def goal(body):
    return f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Calmer station nights",
                         area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis")


@pytest.fixture
def firm_offer(firm):
    """Our firm's standing offer: people's time, in the goal's area and territory."""
    return ContributionOffer.objects.create(
        organisation=firm, kind=ContributionKind.HUMAN_RESOURCES, person_days=40,
        area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis",
    )
