import pytest

from projects.choices import Visibility

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
