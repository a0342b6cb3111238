"""Rate limits per user and per anonymous client: 429 with Retry-After."""

import pytest
from django.test import override_settings

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "5/min"},
    }


def test_anonymous_clients_are_throttled(low_rates, db):
    client = client_for(None)
    statuses = [client.get("/api/v1/partnerships/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/partnerships/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["code"] == "throttled"


def test_each_user_has_their_own_allowance(low_rates, users):
    alice, bob = client_for(users["coordinator"]), client_for(users["other_coordinator"])

    assert [alice.get("/api/v1/goals/").status_code for _ in range(6)][-1] == 429
    assert bob.get("/api/v1/goals/").status_code == 200
    # Signed-in users are counted by user, not by address: more than the anonymous allowance.
    assert [bob.get("/api/v1/goals/").status_code for _ in range(4)] == [200] * 4


def test_writes_count_too(low_rates, users, draft):
    alice = client_for(users["coordinator"])
    for _ in range(5):
        alice.patch(f"/api/v1/partnerships/{draft.pk}/", {"summary": "x"})

    response = alice.patch(f"/api/v1/partnerships/{draft.pk}/", {"summary": "y"})

    assert response.status_code == 429
    assert "Retry-After" in response
    draft.refresh_from_db()
    assert draft.summary == "x"


def test_an_empty_rate_means_no_limit(settings, db):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "", "user": ""}}
    client = client_for(None)

    assert {client.get("/api/v1/goals/").status_code for _ in range(5)} == {200}


def test_with_the_shared_cache_down_the_api_answers_and_counts_per_process(low_rates, caplog, db):
    # A Redis nobody listens on: the limit is counted in this process's memory instead.
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": "throttle-test"},
    }
    client = client_for(None)
    with override_settings(CACHES=unreachable):
        statuses = [client.get("/api/v1/partnerships/").status_code for _ in range(4)]
        schema_status = client.get("/api/schema/").status_code

    assert statuses == [200, 200, 200, 429]
    assert schema_status == 429
    assert "shared cache is down" in caplog.text
