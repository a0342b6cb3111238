"""Personal API tokens: created while signed in, shown once, stored hashed, listed, revoked,
and refused once expired."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from core.api.readcache import ALIAS
from core.tasks import purge_expired_tokens

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/auth/tokens/"


@pytest.fixture
def signed_in(analyst):
    client = APIClient()
    client.force_login(analyst)
    return client


def with_token(key) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_create_use_list_and_revoke(signed_in, analyst):
    created = signed_in.post(TOKENS, {"expiry_days": 30}, format="json")
    assert created.status_code == 201
    key = created.json()["token"]

    stored = AuthToken.objects.get(user=analyst)
    assert key not in (stored.digest, stored.token_key)  # only a hash and a prefix are kept
    assert key.startswith(stored.token_key)
    assert stored.expiry - timezone.now() > datetime.timedelta(days=29)

    listed = with_token(key).get(TOKENS)
    assert listed.status_code == 200
    assert [t["token_key"] for t in listed.json()] == [stored.token_key]
    assert "token" not in listed.json()[0]  # the key is shown once, at creation

    assert with_token(key).delete(f"{TOKENS}{stored.token_key}/").status_code == 204
    assert with_token(key).get(TOKENS).status_code == 401


def test_default_expiry_is_ninety_days(signed_in, analyst):
    signed_in.post(TOKENS, {}, format="json")

    expiry = AuthToken.objects.get(user=analyst).expiry
    assert datetime.timedelta(days=89) < expiry - timezone.now() <= datetime.timedelta(days=90)


def test_expired_token_is_refused(analyst):
    token, key = AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    AuthToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - datetime.timedelta(1))

    response = with_token(key).get("/api/v1/partnerships/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.parametrize("header", ["Token nonsense", "Token", "Token a b", "Token é"])
def test_bad_credentials_are_refused_even_for_public_reads(db, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    assert client.get("/api/v1/partnerships/").status_code == 401


def test_a_token_authenticates_writes(coordinator, draft):
    _, key = AuthToken.objects.create(user=coordinator, expiry=datetime.timedelta(days=1))

    response = with_token(key).patch(f"/api/v1/partnerships/{draft.pk}/", {"title": "Via token"},
                                     format="json")

    assert response.status_code == 200


def test_nobody_revokes_someone_elses_token(signed_in, coordinator):
    token, _ = AuthToken.objects.create(user=coordinator, expiry=None)

    assert signed_in.delete(f"{TOKENS}{token.token_key}/").status_code == 404
    assert AuthToken.objects.filter(pk=token.pk).exists()
    assert signed_in.get(TOKENS).json() == []


@pytest.mark.parametrize("days", [0, 366, -1, "soon", 10**30])
def test_expiry_must_be_one_day_to_a_year(signed_in, days):
    response = signed_in.post(TOKENS, {"expiry_days": days}, format="json")

    assert response.status_code == 400
    assert "expiry_days" in response.json()["errors"]


def test_anonymous_has_no_tokens(db):
    assert APIClient().get(TOKENS).status_code == 401
    assert APIClient().post(TOKENS, {}, format="json").status_code == 401


def test_tokens_are_capped_per_user(signed_in, analyst):
    for _ in range(20):
        AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))

    response = signed_in.post(TOKENS, {}, format="json")

    assert response.status_code == 400
    assert "revoke one" in response.json()["detail"]


def test_admin_manages_tokens_in_the_admin(admin_user, analyst):
    AuthToken.objects.create(user=analyst, expiry=None)
    client = APIClient()
    client.force_login(admin_user)

    response = client.get("/admin/knox/authtoken/")

    assert response.status_code == 200
    assert "erin" in response.text


def _token_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "knox_authtoken" in q["sql"] or "core_tokendetails" in q["sql"]]


def test_a_token_is_checked_in_one_query(signed_in, analyst):
    key = signed_in.post(TOKENS, {"name": "reports"}, format="json").json()["token"]
    for _ in range(3):  # the user's other tokens are not read on each request
        AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    client = with_token(key)
    client.get("/api/v1/goals/")  # the first use writes "last used"
    caches[ALIAS].clear()  # nothing kept: the token is looked for in the database

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/goals/")
    with CaptureQueriesContext(connection) as again:
        client.get("/api/v1/goals/")

    assert response.status_code == 200
    reads = _token_queries(queries.captured_queries)
    assert len(reads) == 1, reads
    assert "core_tokendetails" in reads[0] and "actors_user" in reads[0]
    assert _token_queries(again.captured_queries) == []  # then kept until the next write


def test_an_expired_token_is_deleted_when_presented(analyst):
    token, key = AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    AuthToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - datetime.timedelta(1))

    assert with_token(key).get("/api/v1/goals/").status_code == 401
    assert not AuthToken.objects.filter(pk=token.pk).exists()


def test_expired_tokens_are_purged_every_hour(analyst, coordinator):
    expired, _ = AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    AuthToken.objects.filter(pk=expired.pk).update(expiry=timezone.now() - datetime.timedelta(1))
    live, _ = AuthToken.objects.create(user=coordinator, expiry=datetime.timedelta(days=1))
    forever, _ = AuthToken.objects.create(user=coordinator, expiry=None)

    assert purge_expired_tokens.apply().get() == 1

    assert set(AuthToken.objects.values_list("pk", flat=True)) == {live.pk, forever.pk}
    assert settings.CELERY_BEAT_SCHEDULE["purge-expired-tokens"]["task"] == (
        "core.tasks.purge_expired_tokens"
    )


def test_expired_tokens_do_not_count_towards_the_cap(signed_in, analyst):
    for _ in range(20):
        AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    AuthToken.objects.update(expiry=timezone.now() - datetime.timedelta(1))

    response = signed_in.post(TOKENS, {}, format="json")

    assert response.status_code == 201
    assert AuthToken.objects.filter(user=analyst).count() == 1
