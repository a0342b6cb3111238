"""The partnerships that organisation and goal pages list, through the partnerships' own tags:
each reader sees only the partnerships they may read."""

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def _items(page: str, heading: str) -> str:
    """What follows ``heading`` on ``page``, up to the next heading."""
    return page.split(f"<h2>{heading}</h2>", 1)[1].split("<h2", 1)[0]


def test_a_body_page_lists_what_it_leads_and_where_it_is_a_party(client_for, body, draft, active):
    other = f.PartnershipFactory(title="Ailleurs", lead_body=f.PublicBodyFactory())
    f.PartyFactory(partnership=other, organisation=body)

    page = client_for("coordinator").get(reverse("actors:organisation_detail", args=[body.pk])).text

    led = _items(page, "Partnerships it leads")
    assert "Gare sûre" in led and "Nuits tranquilles" in led and "Ailleurs" not in led
    assert "Ailleurs" in _items(page, "Partnerships it takes part in")


def test_a_firm_page_lists_its_partnerships_without_the_drafts_others_may_not_read(
    client_for, firm, draft, active
):
    f.PartyFactory(partnership=active, organisation=firm)
    url = reverse("actors:organisation_detail", args=[firm.pk])

    mine = _items(client_for("firm").get(url).text, "Partnerships it takes part in")
    seen_by_other_body = _items(
        client_for("other_coordinator").get(url).text, "Partnerships it takes part in"
    )

    assert "Gare sûre" in mine and "Nuits tranquilles" in mine
    assert "Nuits tranquilles" in seen_by_other_body
    assert "Gare sûre" not in seen_by_other_body
    assert "Partnerships it leads" not in client_for("firm").get(url).text


def test_a_goal_page_lists_the_partnerships_working_towards_it(client_for, body, active):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Quais sûrs")
    active.goals.add(goal)
    f.PartnershipFactory(title="Sans objectif", lead_body=body)

    page = client_for("analyst").get(reverse("goals:goal_detail", args=[goal.pk])).text

    listed = _items(page, "Partnerships working towards this goal")
    assert "Nuits tranquilles" in listed and "Sans objectif" not in listed
