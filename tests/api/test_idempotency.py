"""Retried writes: a POST with an ``Idempotency-Key`` that the client sends again after a failure
is applied once, and the retry gets the first answer."""

import datetime
import uuid

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from core.api.renderers import RegistryJSONRenderer
from core.api.viewsets import RegistryViewSet
from core.models import IdempotencyKey
from partnerships.choices import Status
from partnerships.models import Partnership


def client_for(user) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)
    return client


class FailOnce:
    """Makes the next call of ``owner.name`` raise, once, as a lost connection would."""

    def __init__(self, monkeypatch, owner, name):
        self.armed = False
        original = getattr(owner, name)
        failer = self

        def failing(*args, **kwargs):
            if failer.armed:
                failer.armed = False
                raise ConnectionResetError("the connection was lost")
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, failing)

    def arm(self):
        self.armed = True


def post(client, path, data, key):
    return client.post(path, data, format="json", HTTP_IDEMPOTENCY_KEY=key)


@pytest.fixture
def after_commit(monkeypatch):
    """A failure after the write committed: writing the response's bytes."""
    return FailOnce(monkeypatch, RegistryJSONRenderer, "render")


@pytest.fixture
def before_commit(monkeypatch):
    """A failure inside the write's transaction: building its response."""
    return FailOnce(monkeypatch, RegistryViewSet, "detail_response")


def test_300_writes_retried_after_a_failure_are_each_applied_once(
    coordinator, after_commit, before_commit
):
    client = client_for(coordinator)
    drafts = [
        client.post("/api/v1/partnerships/", {"title": f"Draft {n}", "territory": "Saint-Denis"},
                    format="json").json()["id"]
        for n in range(100)
    ]
    answers = {}
    for n in range(300):
        key = str(uuid.uuid4())
        if n % 3 == 2:
            path, data, failure = (f"/api/v1/partnerships/{drafts[n // 3]}/transition/",
                                   {"status": "negotiation"}, after_commit)
        else:
            path, data = "/api/v1/partnerships/", {"title": f"Write {n}", "territory": "Paris"}
            failure = after_commit if n % 3 == 0 else before_commit
        failure.arm()

        assert post(client, path, data, key).status_code == 500
        retried = post(client, path, data, key)
        again = post(client, path, data, key)

        assert retried.status_code in (200, 201), retried.content
        assert (again.status_code, again.content) == (retried.status_code, retried.content)
        assert again.get("Location") == retried.get("Location")
        assert again.get("ETag") == retried.get("ETag")
        answers[n] = retried.json()

    created = Partnership.objects.filter(territory="Paris")
    assert created.count() == 200
    assert sorted(created.values_list("title", flat=True)) == sorted(
        f"Write {n}" for n in range(300) if n % 3 != 2
    )
    assert Partnership.objects.filter(pk__in=drafts, status=Status.NEGOTIATION).count() == 100
    for draft in Partnership.objects.filter(pk__in=drafts):
        transitions = [h.status for h in draft.history.order_by("history_id")]
        assert transitions.count(Status.NEGOTIATION) == 1
    assert IdempotencyKey.objects.filter(user=coordinator).count() == 300
    assert all(answer["id"] for answer in answers.values())


def test_a_replay_says_so_and_keeps_the_location(coordinator):
    client = client_for(coordinator)
    data = {"title": "Gare", "territory": "Saint-Denis"}

    first = post(client, "/api/v1/partnerships/", data, "key-1")
    second = post(client, "/api/v1/partnerships/", data, "key-1")

    assert first.status_code == second.status_code == 201
    assert second["Location"] == first["Location"] == first.json()["url"]
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Partnership.objects.filter(title="Gare").count() == 1


def test_the_same_key_with_another_body_is_422_and_writes_nothing(coordinator):
    client = client_for(coordinator)
    post(client, "/api/v1/partnerships/", {"title": "Gare", "territory": "Saint-Denis"}, "k")

    response = post(client, "/api/v1/partnerships/", {"title": "Port", "territory": "Saint-Denis"},
                    "k")

    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["code"] == "idempotency_key_reused"
    assert not Partnership.objects.filter(title="Port").exists()


def test_the_same_key_on_another_path_is_422(coordinator):
    client = client_for(coordinator)
    created = post(client, "/api/v1/partnerships/", {"title": "Gare", "territory": "X"}, "k")

    response = post(client, f"/api/v1/partnerships/{created.json()['id']}/transition/",
                    {"status": "negotiation"}, "k")

    assert response.status_code == 422
    assert Partnership.objects.get(title="Gare").status == Status.DRAFT


def test_keys_are_per_user(coordinator, admin_user, body):
    data = {"title": "Gare", "territory": "Saint-Denis", "lead_body": body.pk}

    first = post(client_for(coordinator), "/api/v1/partnerships/", data, "shared")
    second = post(client_for(admin_user), "/api/v1/partnerships/", data, "shared")

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert Partnership.objects.filter(title="Gare").count() == 2


def test_a_refused_write_leaves_the_key_free(coordinator):
    client = client_for(coordinator)

    refused = post(client, "/api/v1/partnerships/", {"title": "", "territory": "X"}, "k")
    corrected = post(client, "/api/v1/partnerships/", {"title": "", "territory": "X"}, "k")

    assert refused.status_code == corrected.status_code == 400
    assert not IdempotencyKey.objects.exists()


def test_an_expired_key_is_forgotten(coordinator):
    client = client_for(coordinator)
    data = {"title": "Gare", "territory": "X"}
    post(client, "/api/v1/partnerships/", data, "k")
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))

    post(client, "/api/v1/partnerships/", data, "k")

    assert Partnership.objects.filter(title="Gare").count() == 2


def test_expired_keys_are_purged(coordinator):
    from core.services import idempotency_keys_purge

    client = client_for(coordinator)
    post(client, "/api/v1/partnerships/", {"title": "Old", "territory": "X"}, "old")
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    post(client, "/api/v1/partnerships/", {"title": "New", "territory": "X"}, "new")

    assert idempotency_keys_purge() == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]


@pytest.mark.parametrize("key", ["", "x" * 256, "clé", "a b"])
def test_a_malformed_key_is_400(coordinator, key):
    response = post(client_for(coordinator), "/api/v1/partnerships/",
                    {"title": "Gare", "territory": "X"}, key)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_idempotency_key"
    assert not Partnership.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates PostgreSQL backends")
@pytest.mark.django_db(transaction=True)
def test_writes_answer_even_when_the_connection_dies_right_after_commit(coordinator):
    """The old failure: the response was built by reading again after the commit, on a
    connection a database restart had just terminated."""
    import psycopg
    from django.db import transaction

    settings_dict = connection.settings_dict
    killer = psycopg.connect(
        host=settings_dict["HOST"], port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"], dbname=settings_dict["NAME"], autocommit=True,
    )
    client = client_for(coordinator)
    terminated = []

    def terminate_after_commit(sender, **kwargs):
        pid = connection.connection.info.backend_pid
        transaction.on_commit(lambda: terminated.append(
            killer.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]
        ))

    from django.db.models.signals import post_save

    post_save.connect(terminate_after_commit, sender=Partnership)
    try:
        for n in range(30):
            connection.close()
            data = {"title": f"Write {n}", "territory": "Paris"}
            if n % 2:
                response = client.post("/api/v1/partnerships/", data, format="json")
                assert response.status_code == 201, response.content
                continue
            response = post(client, "/api/v1/partnerships/", data, f"key-{n}")
            assert response.status_code == 201, response.content
            connection.close()
            assert post(client, "/api/v1/partnerships/", data, f"key-{n}").status_code == 201
    finally:
        post_save.disconnect(terminate_after_commit, sender=Partnership)
        killer.close()
    connection.close()
    assert terminated == [True] * 30
    assert Partnership.objects.filter(territory="Paris").count() == 30
