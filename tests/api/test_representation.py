"""The partnership list is represented by hand from plain rows, for speed: it must say exactly
what the detail (represented the ordinary way) says about the same partnership."""

import datetime

import pytest
from django.utils import timezone

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_list_rows_match_the_detail(registry, users):
    partnership = registry.active
    partnership.starts_on = datetime.date(2025, 3, 1)
    partnership.activated_at = timezone.now()
    partnership.save()
    partnership.goals.add(f.GoalFactory(strategy=registry.strategy, title="A second goal",
                                        priority=1))
    partnership.community_groups.add(f.CommunityGroupFactory(code="young", name_en="Young people"))
    client = client_for(users["admin"])

    row = next(r for r in client.get("/api/v1/partnerships/").json()["results"]
               if r["id"] == partnership.pk)
    detail = client.get(row["url"]).json()

    assert row.keys() - detail.keys() == {"party_count"}
    assert {key: detail[key] for key in row.keys() - {"party_count"}} == {
        key: value for key, value in row.items() if key != "party_count"}
    assert row["party_count"] == len(detail["parties"]) == 2
    assert [goal["title"] for goal in row["goals"]] == ["A second goal", "Safer station forecourt"]
    assert [group["code"] for group in row["community_groups"]] == ["residents", "young"]


def test_times_are_in_the_sites_time_zone(registry, users, settings):
    settings.TIME_ZONE = "UTC"
    row = client_for(users["admin"]).get("/api/v1/partnerships/").json()["results"][0]

    assert row["created_at"].endswith("Z")
