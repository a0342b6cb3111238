"""Every list page issues the same number of queries for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.choices import Status
from tests import factories as f
from tests.conftest import make_activatable

pytestmark = pytest.mark.django_db


def add_partnerships(n, body):
    for _ in range(n):
        partnership = make_activatable(f.PartnershipFactory(lead_body=body))
        partnership.goals.add(f.GoalFactory())
        partnership.status = Status.ACTIVE
        partnership.save()


def add_organisations(n, body):
    f.OrganisationFactory.create_batch(n)


def add_strategies(n, body):
    f.StrategyFactory.create_batch(n, owner=body)


def add_goals(n, body):
    groups = [f.CommunityGroupFactory(), f.CommunityGroupFactory()]
    for goal in f.GoalFactory.create_batch(n):
        goal.community_groups.set(groups)


LISTS = [
    ("partnerships:partnership_list", "coordinator", add_partnerships),
    ("partnerships:public_partnership_list", "anonymous", add_partnerships),
    ("actors:organisation_list", "coordinator", add_organisations),
    ("goals:strategy_list", "coordinator", add_strategies),
    ("goals:goal_list", "analyst", add_goals),
    ("actors:organisation_list", "anonymous", add_organisations),
    ("goals:strategy_list", "anonymous", add_strategies),
    ("goals:goal_list", "anonymous", add_goals),
]


@pytest.mark.parametrize(("name", "kind", "add_rows"), LISTS, ids=[f"{n}-{k}" for n, k, _a in LISTS])
def test_list_queries_do_not_grow_with_rows(client_for, body, django_assert_num_queries,
                                            name, kind, add_rows):
    client = client_for(kind)
    url = reverse(name)
    add_rows(3, body)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200

    add_rows(27, body)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["object_list"]) >= 25


def test_the_dashboards_recent_changes_do_not_cost_a_query_each(client_for, body,
                                                                 django_assert_num_queries):
    client = client_for("coordinator")
    f.PartnershipFactory.create_batch(2, lead_body=body)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("home:home")).status_code == 200

    for partnership in f.PartnershipFactory.create_batch(8, lead_body=body):
        partnership.title = f"{partnership.title} (renamed)"
        partnership.save()

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("home:home"))
    assert len(response.context["recent_changes"]) >= 10
    assert "(renamed)" in response.content.decode()
