"""Public projects appear on the public register, beside the partnerships in force; network
and own-organisation projects never do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.choices import Visibility

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_public_register_shows_public_projects_only(client):
    ProjectFactory(title="Lit paths to the station", visibility=Visibility.PUBLIC)
    ProjectFactory(title="Shared patrol rota", visibility=Visibility.NETWORK)
    ProjectFactory(title="Internal camera audit", visibility=Visibility.OWN)

    page = client.get(reverse("partnerships:public_partnership_list")).content.decode()

    assert "Safety projects shared by the network" in page
    assert "Lit paths to the station" in page
    assert "Shared patrol rota" not in page
    assert "Internal camera audit" not in page


def test_the_register_in_french_names_the_projects_section(client):
    ProjectFactory(title="Lit paths to the station")
    page = client.get(reverse("partnerships:public_partnership_list"),
                      headers={"accept-language": "fr"}).content.decode()
    assert "Projets de sécurité partagés par le réseau" in page


def test_the_projects_section_costs_one_query_whatever_the_number_of_projects(client):
    url = reverse("partnerships:public_partnership_list")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    ProjectFactory.create_batch(2)
    two = queries()
    ProjectFactory.create_batch(10)
    assert queries() == two
