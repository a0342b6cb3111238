"""Reads answered again as they were rendered, until the next write (core.api.readcache), and
tokens found again without a query (core.api.authentication)."""

import datetime
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken

from core.api.readcache import ALIAS
from partnerships import services
from partnerships.choices import RuleCategory
from tests.access import KINDS
from tests.calls import factories as cf

from .. import factories as f
from . import test_tokens
from .conftest import client_for

pytestmark = pytest.mark.django_db

ROUTES = [
    "/api/v1/partnerships/",
    "/api/v1/partnerships/{active.pk}/",
    "/api/v1/partnerships/?page_size=1",
    "/api/v1/organisations/",
    "/api/v1/organisations/{body.pk}/",
    "/api/v1/goals/",
    "/api/v1/goals/{goal.pk}/",
    "/api/v1/strategies/",
    "/api/v1/rules/",
    "/api/v1/contributions/",
    "/api/v1/community-groups/",
    "/api/v1/projects/",
]


def read(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def token_client(user, **token):
    _token, key = AuthToken.objects.create(user=user, **token)
    return test_tokens.with_token(key), _token


@pytest.mark.parametrize("with_token", [False, True], ids=["anonymous", "analyst's token"])
@pytest.mark.parametrize("route", ROUTES)
def test_a_repeated_read_answers_the_same_bytes_without_a_query(registry, analyst, route,
                                                                with_token):
    url = route.format(**vars(registry))
    client = token_client(analyst)[0] if with_token else client_for(None)

    first, first_queries = read(client, url)
    again, again_queries = read(client, url)

    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again.get("ETag") == first.get("ETag")


def test_a_write_through_the_api_is_read_at_once(registry, coordinator):
    detail = f"/api/v1/partnerships/{registry.active.pk}/"
    anonymous = client_for(None)
    assert anonymous.get(detail).json()["title"] == registry.active.title
    listed = anonymous.get("/api/v1/partnerships/").json()["results"]
    assert registry.active.title in [row["title"] for row in listed]

    response = client_for(coordinator).patch(detail, {"title": "Gare sûre"}, format="json")
    assert response.status_code == 200, response.content

    assert anonymous.get(detail).json()["title"] == "Gare sûre"
    listed = anonymous.get("/api/v1/partnerships/").json()["results"]
    assert "Gare sûre" in [row["title"] for row in listed]


def test_a_write_to_a_related_row_is_read_at_once(registry, coordinator):
    detail = f"/api/v1/partnerships/{registry.active.pk}/"
    anonymous = client_for(None)
    before = anonymous.get(detail).json()

    services.rule_add(actor=coordinator, partnership=registry.active,
                      category=RuleCategory.DATA_PROTECTION, title="Monthly data",
                      text="Incident data is shared monthly, anonymised.")

    after = anonymous.get(detail).json()
    assert after != before
    assert "Incident data is shared monthly, anonymised." in str(after)


def test_a_write_outside_the_api_is_read_at_once(registry):
    url = f"/api/v1/organisations/{registry.firm.pk}/"
    anonymous = client_for(None)
    anonymous.get(url)

    registry.firm.name = "Sécurité Plus"
    registry.firm.save()

    assert anonymous.get(url).json()["name"] == "Sécurité Plus"


@pytest.mark.parametrize("route", ["/api/v1/partnerships/", "/api/v1/partnerships/{draft.pk}/",
                                   "/api/v1/parties/", "/api/v1/contributions/"])
def test_each_reader_is_answered_what_they_may_see_whoever_read_first(registry, users, route):
    """Every kind of user reads the same address, in one order and then in the other; each gets
    what they get when nothing is kept."""
    url = route.format(**vars(registry))
    clients = {kind: client_for(users[kind]) for kind in KINDS}

    def answers(order, *, keep):
        seen = {}
        for kind in order:
            if not keep:
                caches[ALIAS].clear()
            response = clients[kind].get(url)
            seen[kind] = (response.status_code, response.content)
        return seen

    fresh = answers(KINDS, keep=False)
    assert len({content for _status, content in fresh.values()}) > 1  # the readers differ
    assert answers(KINDS, keep=True) == fresh
    assert answers(list(reversed(KINDS)), keep=True) == fresh


def test_languages_are_kept_apart(registry):
    registry.goal.community_groups.add(
        f.CommunityGroupFactory(name_en="Night-time workers", name_fr="Travailleurs de nuit"))
    url = f"/api/v1/goals/{registry.goal.pk}/"
    client = client_for(None)
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content

    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").content == english
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content == french
    assert "Travailleurs de nuit" in french.decode()
    assert "Night-time workers" in english.decode()


def test_hosts_are_kept_apart(registry, settings):
    settings.ALLOWED_HOSTS = ["registry.example.org", "testserver"]
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    client = client_for(None)
    here = client.get(url).json()["url"]
    there = client.get(url, HTTP_HOST="registry.example.org").json()["url"]

    assert here.startswith("http://testserver/")
    assert there.startswith("http://registry.example.org/")


def test_the_browsable_api_is_built_each_time(registry):
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    client = client_for(None)
    read(client, url, HTTP_ACCEPT="text/html")

    response, queries = read(client, url, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert queries > 0


def test_calls_move_with_the_clock_and_are_built_each_time(registry):
    cf.CallFactory(title="Gare de Saint-Denis la nuit", lead_body=registry.body)
    client = client_for(None)
    read(client, "/api/v1/calls/")

    response, queries = read(client, "/api/v1/calls/")

    assert response.status_code == 200
    assert queries > 0


def test_errors_are_not_kept(registry):
    client = client_for(None)
    url = f"/api/v1/partnerships/{registry.draft.pk}/"
    assert client.get(url).status_code == 404

    _response, queries = read(client, url)

    assert queries > 0


def test_a_revoked_token_is_refused_after_a_kept_read(registry, analyst):
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    client, token = token_client(analyst)
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200

    token.delete()

    assert client.get(url).status_code == 401


def test_a_kept_read_still_counts_against_the_rate(registry, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "5/min"},
    }
    client = client_for(None)
    url = f"/api/v1/partnerships/{registry.active.pk}/"

    assert [client.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_with_the_shared_cache_down_every_read_is_built_afresh(registry, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": None, "user": None}}
    unreachable = {
        **settings.CACHES,
        "default": {  # a Redis nobody listens on
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    url = f"/api/v1/organisations/{registry.firm.pk}/"
    client = client_for(None)
    with override_settings(CACHES=unreachable):
        assert client.get(url).status_code == 200

        registry.firm.name = "Sécurité Plus"
        registry.firm.save()
        response, queries = read(client, url)

    assert response.status_code == 200
    assert response.json()["name"] == "Sécurité Plus"
    assert queries > 0


def test_large_pages_are_not_kept(registry, monkeypatch):
    monkeypatch.setattr("core.api.readcache.LARGEST", 10)
    client = client_for(None)
    read(client, "/api/v1/organisations/")

    _response, queries = read(client, "/api/v1/organisations/")

    assert queries > 0


def test_a_new_row_appears_in_the_kept_list(registry):
    client = client_for(None)
    before = client.get("/api/v1/organisations/?page_size=100").json()["results"]

    f.OrganisationFactory(name="Transports Réunis")

    after = client.get("/api/v1/organisations/?page_size=100").json()["results"]
    assert len(after) == len(before) + 1
    assert "Transports Réunis" in [row["name"] for row in after]


def test_nothing_is_kept_where_the_version_is_not_shared(registry, settings):
    settings.KEEP_RENDERED = False
    client = client_for(None)
    read(client, "/api/v1/organisations/")

    _response, queries = read(client, "/api/v1/organisations/")

    assert queries > 0


def test_a_token_revoked_through_the_api_is_refused_at_once(registry, analyst):
    client, token = token_client(analyst)
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200

    revoked = client_for(analyst).delete(f"/api/v1/auth/tokens/{token.token_key}/")

    assert revoked.status_code == 204
    assert client.get(url).status_code == 401


def test_a_deactivated_user_is_refused_at_once(registry, analyst):
    client, _token = token_client(analyst)
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    assert client.get(url).status_code == 200

    analyst.is_active = False
    analyst.save()

    assert client.get(url).status_code == 401


def test_a_kept_token_is_refused_once_it_expires(registry, analyst):
    client, _token = token_client(analyst, expiry=datetime.timedelta(seconds=1))
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200

    time.sleep(1.1)

    assert client.get(url).status_code == 401


def test_a_write_reads_its_token_from_the_database(registry, coordinator):
    client, _token = token_client(coordinator)
    url = f"/api/v1/partnerships/{registry.active.pk}/"
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.patch(url, {"title": "Gare sûre"}, format="json")

    assert response.status_code == 200
    assert "knox_authtoken" in queries.captured_queries[0]["sql"]
