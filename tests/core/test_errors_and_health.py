"""Honest answers when something breaks: 503 with Retry-After while the database is unreachable,
500 otherwise, as a page or in the API's error shape; liveness that asks nothing, readiness that
says what is down."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone

from notifications.choices import DeliveryStatus
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.fixture
def database_down():
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection",
                           side_effect=OperationalError("connection refused")):
        yield


@pytest.fixture
def view_crashes():
    with (
        mock.patch("core.api.viewsets.ListMixin.list", side_effect=RuntimeError("bug")),
        mock.patch("django.template.loader.render_to_string", side_effect=RuntimeError("bug")),
    ):
        yield


def test_the_api_answers_503_in_its_error_shape_while_the_database_is_down(browser, database_down):
    response = browser.get("/api/v1/partnerships/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "status": 503, "code": "unavailable",
        "detail": "The service is unavailable for a moment: try again shortly.", "errors": {},
    }


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The registry is unavailable for a moment"),
    ("fr", "Le registre est momentanément indisponible"),
])
def test_pages_answer_503_in_the_readers_language_while_the_database_is_down(
    browser, database_down, language, text
):
    response = browser.get("/partnerships/public/", headers={"accept-language": language})

    assert response.status_code == 503
    assert text in response.text
    assert response["Retry-After"] == "30"


def test_a_bug_answers_500_in_the_api_shape_and_as_a_page(browser, view_crashes):
    api = browser.get("/api/v1/goals/")
    page = browser.get("/", headers={"accept-language": "fr"})

    assert api.status_code == 500
    assert api.json()["code"] == "server_error" and api.json()["status"] == 500
    assert page.status_code == 500
    assert "Une erreur est survenue" in page.text


def test_liveness_asks_nothing_of_the_database(browser, database_down):
    response = browser.get("/healthz/")
    assert (response.status_code, response.text) == (200, "ok")


def test_readiness_is_200_when_all_is_well(browser):
    response = browser.get("/readyz/?format=json")
    assert response.status_code == 200
    assert set(response.json().values()) == {"OK"}


def test_readiness_is_503_with_what_is_down(browser, database_down):
    response = browser.get("/readyz/?format=json")

    assert response.status_code == 503
    assert "Unavailable" in response.json()["Database(alias='default')"]


def test_readiness_is_503_with_redis_down(browser, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = browser.get("/readyz/?format=json")

    assert response.status_code == 503
    assert "Unable to connect to Redis" in response.json()["Redis"]


def test_readiness_does_not_tell_the_public_where_redis_lives(browser, settings):
    settings.REDIS_URL = "redis://:s3cret@10.1.2.3:6390/4"
    response = browser.get("/readyz/?format=json")

    assert "Redis" in response.json()
    for secret in ("10.1.2.3", "6390", "s3cret"):
        assert secret not in response.text


def test_readiness_reports_an_outbox_backlog_and_failed_mail(browser, settings):
    def notification(**fields):
        return Notification.objects.create(kind="t", to_email="a@example.org", language="en",
                                           subject="s", body="b", **fields)

    notification(status=DeliveryStatus.FAILED)
    warned = browser.get("/readyz/?format=json")
    assert warned.status_code == 200
    assert "1 notification(s) failed" in warned.json()["Outbox()"]

    notification(next_attempt_at=timezone.now() - datetime.timedelta(minutes=45))
    backlog = browser.get("/readyz/?format=json")
    assert backlog.status_code == 503
    assert "1 notification(s) due for more than 30 minutes" in backlog.json()["Outbox()"]
