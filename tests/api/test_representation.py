"""Representations written for speed say what the ordinary ones say: the partnership list,
represented by hand from plain rows, says what the detail says about the same partnership, and
the registry's base serializer writes the very bytes DRF's own machinery writes."""

import datetime

import pytest
from django.utils import timezone
from rest_framework import serializers

from calls.choices import EoiStatus
from core.api.serializers import DateTimeField, RegistryModelSerializer
from projects.models import ContributionOffer, Need
from tests.calls.factories import CallFactory, EoiFactory, OfferFactory
from tests.projects.factories import ProjectFactory

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


LISTS = ["organisations", "partnerships", "parties", "contributions", "rules", "strategies",
         "goals", "indicators", "measurements", "community-groups", "calls",
         "expressions-of-interest", "projects", "needs", "contribution-offers"]


def _stock_drf(monkeypatch):
    """DRF's own way: fields built from the model for each serializer, a ``reverse()`` per
    hyperlink, a time-zone lookup per moment."""
    monkeypatch.setattr(RegistryModelSerializer, "get_fields",
                        serializers.ModelSerializer.get_fields)
    monkeypatch.setattr(RegistryModelSerializer, "serializer_field_mapping",
                        serializers.ModelSerializer.serializer_field_mapping)
    monkeypatch.setattr(DateTimeField, "default_timezone",
                        serializers.DateTimeField.default_timezone)


@pytest.mark.parametrize("kind", ["anonymous", "coordinator", "firm", "admin"])
def test_the_base_serializer_writes_what_drf_writes(registry, users, monkeypatch, kind):
    call = CallFactory(lead_body=registry.body)
    call.goals.add(registry.goal)
    eoi = EoiFactory(call=call, organisation=registry.firm, status=EoiStatus.SUBMITTED,
                     submitted_at=timezone.now())
    OfferFactory(expression_of_interest=eoi)
    ProjectFactory(organisation=registry.firm).goals.add(registry.goal)
    Need.objects.create(goal=registry.goal, kind="data", territory="Saint-Denis")
    ContributionOffer.objects.create(organisation=registry.firm, kind="data", territory="Gent")
    client = client_for(users[kind])
    paths = []
    for resource in LISTS:
        path = f"/api/v1/{resource}/?page_size=500"
        response = client.get(path)
        if response.status_code != 200:
            continue
        paths.append(path)
        paths += [row["url"] for row in response.json()["results"]]

    fast = {path: client.get(path).content for path in paths}
    _stock_drf(monkeypatch)
    stock = {path: client.get(path).content for path in paths}

    assert len(paths) > 20
    assert fast == stock
