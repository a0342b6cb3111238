"""The projects admin: projects recorded, changed and deleted through the services."""

import pytest

from goals.choices import Area
from projects.choices import ProjectState, Visibility
from projects.models import Project
from tests.admin_forms import add_form, admin_url, errors_of, form_data

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_project_added_in_the_admin_is_credited_to_the_administrator(admin_client, admin_user,
                                                                       firm):
    data = add_form(admin_client, Project, organisation=firm.pk, title="Médiation de nuit",
                    summary="Mediators at the station.", area=Area.INTERVENTION_PROJECTS,
                    territory="Saint-Denis", state=ProjectState.RUNNING,
                    visibility=Visibility.PUBLIC)

    response = admin_client.post(admin_url(Project, "add"), data)

    assert response.status_code == 302, errors_of(response)
    project = Project.objects.get()
    assert (project.organisation, project.title) == (firm, "Médiation de nuit")
    assert project.history.get().history_user == admin_user


def test_a_project_changed_in_the_admin_keeps_its_organisation(admin_client, admin_user, firm):
    project = ProjectFactory(organisation=firm, title="Médiation")
    url = admin_url(Project, "change", project.pk)
    data = form_data(admin_client.get(url))
    data["title"] = "Médiation de nuit"

    response = admin_client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    project.refresh_from_db()
    assert (project.organisation, project.title) == (firm, "Médiation de nuit")
    assert project.history.first().history_user == admin_user


def test_a_project_deleted_in_the_admin_is_credited_to_the_administrator(admin_client,
                                                                         admin_user):
    project = ProjectFactory()

    response = admin_client.post(admin_url(Project, "delete", project.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Project.objects.exists()
    assert Project.history.filter(history_type="-").get().history_user == admin_user
