"""/api/v1/projects/ for each kind of user: the same reading rules as the pages, writes by the
people of the organisation that runs the project, the same services."""

import pytest

from projects.models import Project
from tests import factories as f
from tests.access import expect

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


PROJECTS = "/api/v1/projects/"

LISTED = expect(
    anonymous=1, firm=3, other_firm=2, other_coordinator=2, coordinator=2, analyst=2, admin=3
)


@pytest.mark.parametrize("kind", list(LISTED))
def test_each_kind_of_user_lists_what_they_may_read(api_as, projects, kind):
    response = api_as(kind).get(PROJECTS)

    assert response.status_code == 200
    assert len(response.json()["results"]) == LISTED[kind]


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=200, other_firm=403, other_coordinator=403, coordinator=403,
    analyst=403, admin=200,
).items())
def test_only_the_organisation_and_admins_change_a_project(api_as, projects, kind, expected):
    response = api_as(kind).patch(f"{PROJECTS}{projects['public'].pk}/",
                                  {"state": "completed", "results": "Done."}, format="json")

    assert response.status_code == expected
    changed = Project.objects.get(pk=projects["public"].pk).state == "completed"
    assert changed == (expected == 200)


@pytest.mark.parametrize(("kind", "expected"), expect(
    anonymous=401, firm=201, other_firm=201, other_coordinator=201, coordinator=201,
    analyst=403, admin=400,
).items())
def test_who_records_a_project(api_as, kind, expected):
    response = api_as(kind).post(PROJECTS, {
        "title": "Safer taxi ranks", "summary": "Lighting and marshals at two taxi ranks.",
        "area": "intervention_projects", "territory": "Gent", "visibility": "network",
    }, format="json")

    assert response.status_code == expected, response.json()


def test_a_firm_records_its_project_with_partners_and_groups(api_as, firm, other_firm):
    f.CommunityGroupFactory(code="night-workers")

    response = api_as("firm").post(PROJECTS, {
        "title": "Safer taxi ranks", "summary": "Lighting and marshals at two taxi ranks.",
        "area": "intervention_projects", "territory": "Gent", "partners": [other_firm.pk],
        "community_groups": ["night-workers"],
    }, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["organisation"]["id"] == firm.pk
    assert [p["id"] for p in body["partners"]] == [other_firm.pk]
    assert body["community_groups"] == ["night-workers"]


def test_a_firm_cannot_link_a_goal_nor_be_its_own_partner(api_as, firm, body):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body))
    base = {"title": "T", "summary": "S", "area": "other", "territory": "Lyon"}

    with_goal = api_as("firm").post(PROJECTS, {**base, "goals": [goal.pk]}, format="json")
    with_self = api_as("firm").post(PROJECTS, {**base, "partners": [firm.pk]}, format="json")

    assert with_goal.status_code == 400 and "goals" in with_goal.json()["errors"]
    assert with_self.status_code == 400 and "partners" in with_self.json()["errors"]
    assert not Project.objects.exists()


def test_a_coordinator_cannot_link_another_body_s_goal(api_as, other_body):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=other_body))

    response = api_as("coordinator").post(PROJECTS, {
        "title": "T", "summary": "S", "area": "other", "territory": "Lyon", "goals": [goal.pk],
    }, format="json")

    assert response.status_code == 400
    assert "own body" in str(response.json()["errors"]["goals"])


def test_filters_by_area_state_and_community_group(api_as, firm):
    group = f.CommunityGroupFactory(code="young-people")
    wanted = ProjectFactory(organisation=firm, area="production_of_information", state="completed")
    wanted.community_groups.add(group)
    ProjectFactory(organisation=firm, area="production_of_information", state="running")
    ProjectFactory(organisation=firm, area="other", state="completed").community_groups.add(group)

    response = api_as("anonymous").get(PROJECTS, {
        "area": "production_of_information", "state": "completed", "community_group": "young-people",
    })

    assert [row["id"] for row in response.json()["results"]] == [wanted.pk]


def test_network_projects_never_reach_the_anonymous_export(api_as, projects):
    csv = api_as("anonymous").get(f"{PROJECTS}export.csv")

    text = b"".join(csv.streaming_content).decode()
    assert "Lit forecourt" in text
    assert "Shared patrol rota" not in text and "Internal pilot" not in text


def test_the_list_costs_the_same_for_3_and_30_projects(api_as, firm, django_assert_max_num_queries):
    group = f.CommunityGroupFactory(code="residents")
    client = api_as("coordinator")
    for _ in range(3):
        ProjectFactory(organisation=firm).community_groups.add(group)
    with django_assert_max_num_queries(6) as three:
        client.get(PROJECTS)
    for _ in range(27):
        ProjectFactory(organisation=firm).community_groups.add(group)
    with django_assert_max_num_queries(6) as thirty:
        client.get(PROJECTS)

    assert len(thirty.captured_queries) == len(three.captured_queries)
