"""The projects register's pages against each kind of user: who reads which project, who
records and changes them."""

import pytest
from django.urls import reverse

from goals.choices import Area
from projects.choices import ProjectState, Visibility
from projects.models import Project
from tests import factories as f
from tests.access import KINDS, assert_each_kind_gets

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db

# Which of the firm's projects each kind of user finds in the register.
SEEN = {
    "anonymous": {"Lit forecourt"},
    "firm": {"Lit forecourt", "Shared patrol rota", "Internal pilot"},
    "other_firm": {"Lit forecourt", "Shared patrol rota"},
    "other_coordinator": {"Lit forecourt", "Shared patrol rota"},
    "coordinator": {"Lit forecourt", "Shared patrol rota"},
    "analyst": {"Lit forecourt", "Shared patrol rota"},
    "admin": {"Lit forecourt", "Shared patrol rota", "Internal pilot"},
}

PAGES = {
    #                            anonymous firm other_firm other_coord coord analyst admin
    ("project_detail", "public"):  (200, 200, 200, 200, 200, 200, 200),
    ("project_detail", "network"): (404, 200, 200, 200, 200, 200, 200),
    ("project_detail", "own"):     (404, 200, 404, 404, 404, 404, 200),
    ("project_edit", "public"):    (302, 200, 403, 403, 403, 403, 200),
    ("project_edit", "own"):       (302, 200, 404, 404, 404, 404, 200),
    ("project_history", "public"): (302, 200, 403, 200, 200, 200, 200),
    ("project_create", None):      (302, 200, 200, 200, 200, 403, 403),
    ("project_list", None):        (200, 200, 200, 200, 200, 200, 200),
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_register_lists_what_each_reader_may_read(client_for, projects, kind):
    response = client_for(kind).get(reverse("projects:project_list"))

    listed = {project.title for project in response.context["object_list"]}
    assert listed == SEEN[kind]


@pytest.mark.parametrize(("page", "which"), list(PAGES), ids=[f"{p}-{w}" for p, w in PAGES])
def test_each_kind_of_user_on_each_page(client, users, projects, page, which):
    url = reverse(f"projects:{page}", args=[projects[which].pk] if which else [])

    assert_each_kind_gets(client, users, url, PAGES[(page, which)])


def test_a_network_project_is_not_read_by_the_people_of_an_unverified_firm(client_for, projects):
    unverified = f.OrganisationFactory(verification_status="unverified")
    person = f.FirmRepresentativeFactory(organisation=unverified)
    client = client_for("anonymous")
    client.force_login(person)

    response = client.get(reverse("projects:project_detail", args=[projects["network"].pk]))

    assert response.status_code == 404


def test_a_coordinator_records_a_project_of_their_body_serving_its_goals(client_for, body):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Safer station")
    group = f.CommunityGroupFactory(code="commuters")

    response = client_for("coordinator").post(reverse("projects:project_create"), {
        "title": "Station square mediators", "summary": "Six mediators, three nights a week.",
        "area": Area.INTERVENTION_PROJECTS, "territory": "Saint-Denis",
        "state": ProjectState.RUNNING, "visibility": Visibility.NETWORK,
        "goals": [goal.pk], "community_groups": [group.pk],
    })

    project = Project.objects.get(title="Station square mediators")
    assert response.status_code == 302
    assert project.organisation == body
    assert list(project.goals.all()) == [goal]
    assert project.history.first().history_user.username == "alice"


def test_the_form_offers_a_body_only_its_own_goals_and_a_firm_none(client_for, body, other_body):
    mine = f.GoalFactory(strategy=f.StrategyFactory(owner=body))
    f.GoalFactory(strategy=f.StrategyFactory(owner=other_body))

    coordinator_form = client_for("coordinator").get(
        reverse("projects:project_create")).context["form"]
    firm_form = client_for("firm").get(reverse("projects:project_create")).context["form"]

    assert list(coordinator_form.fields["goals"].queryset) == [mine]
    assert "goals" not in firm_form.fields


def test_bad_dates_are_refused_on_the_form_and_nothing_is_stored(client_for):
    response = client_for("firm").post(reverse("projects:project_create"), {
        "title": "Backwards", "summary": "x", "area": Area.OTHER, "territory": "Lyon",
        "state": ProjectState.PLANNED, "visibility": Visibility.PUBLIC,
        "starts_on": "2027-05-01", "ends_on": "2027-01-01",
    })

    assert response.status_code == 200
    assert "A project cannot end before it starts." in response.text
    assert not Project.objects.filter(title="Backwards").exists()


def test_the_firm_deletes_its_project_and_others_cannot(client_for, projects):
    project = projects["public"]
    url = reverse("projects:project_delete", args=[project.pk])

    assert client_for("other_firm").post(url).status_code == 403
    assert client_for("firm").post(url).status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()


def test_results_and_lessons_of_a_completed_project_are_shown_to_the_public(client_for, firm):
    project = ProjectFactory(organisation=firm, state=ProjectState.COMPLETED,
                             results="Incidents down by a third.",
                             lessons_learned="Start with the night-bus drivers.")

    page = client_for("anonymous").get(reverse("projects:project_detail", args=[project.pk])).text

    assert "Incidents down by a third." in page and "Start with the night-bus drivers." in page


def test_the_register_page_costs_the_same_for_3_and_30_projects(
    client_for, firm, django_assert_max_num_queries
):
    # the count, the page of projects with their organisation, their community groups, and the
    # filter form's choices of organisations, goals and groups
    group = f.CommunityGroupFactory(code="residents")
    for _ in range(3):
        ProjectFactory(organisation=firm).community_groups.add(group)
    client = client_for("anonymous")
    with django_assert_max_num_queries(12) as three:
        client.get(reverse("projects:project_list"))
    for _ in range(27):
        ProjectFactory(organisation=firm).community_groups.add(group)
    with django_assert_max_num_queries(12) as thirty:
        client.get(reverse("projects:project_list"))

    assert len(thirty.captured_queries) == len(three.captured_queries)


def test_the_register_speaks_french(client_for, projects):
    response = client_for("anonymous").get(reverse("projects:project_list"),
                                           headers={"accept-language": "fr"})

    assert "Projets de sécurité" in response.text
    assert "Porté par" in response.text
