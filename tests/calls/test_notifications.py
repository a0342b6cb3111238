"""Notifications are never lost and never sent twice: the outbox row is written with the change,
a broker outage leaves it pending for the sweep, and a task delivered twice sends once."""

import contextlib
import datetime
import logging
import os
import smtplib
import time
from unittest import mock

import pytest
from celery.contrib.testing.worker import start_worker
from celery.exceptions import Retry
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from kombu import Connection, pools

from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from efus_ppp.celery import app
from notifications import tasks as notification_tasks
from notifications.choices import DeliveryStatus
from notifications.models import Notification
from notifications.services import notification_queue
from notifications.tasks import deliver_notification

from . import factories as cf

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"
BROKEN_MAIL = {"default": {"BACKEND": "tests.calls.test_notifications.BrokenBackend"}}
# The configured Redis broker when there is one (as in CI), else a database of the local Redis.
WORKER_BROKER = (
    django_settings.CELERY_BROKER_URL
    if django_settings.CELERY_BROKER_URL.startswith("redis")
    else "redis://127.0.0.1:6379/5"
)


class BrokenBackend(BaseEmailBackend):
    """An SMTP server that refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@contextlib.contextmanager
def celery_broker(url: str):
    """Point the Celery app at a real broker, as a deployment does, then restore it."""
    saved = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url = url
    app.conf.task_always_eager = False
    _forget_connections()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        _forget_connections()


def _forget_connections():
    notification_tasks._broker_down_until = 0.0
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def draft_eoi(call, firm, firm_user):
    eoi = cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                        status=EoiStatus.DRAFT, contact_email="carol.contact@firm.example")
    cf.OfferFactory(expression_of_interest=eoi)
    return eoi


def submit(client, eoi):
    return client.post(reverse("calls:eoi_submit", args=[eoi.pk]), follow=True)


def test_with_tasks_run_in_process_the_e_mails_land_at_once(
    client, draft_eoi, firm_user, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(firm_user)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, draft_eoi)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, "carol.contact@firm.example"]
    )
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_with_the_broker_unreachable_the_submission_is_accepted_and_delivered_later(
    client, draft_eoi, firm_user, coordinator, caplog, django_capture_on_commit_callbacks
):
    client.force_login(firm_user)
    with (
        celery_broker(CLOSED_PORT_BROKER),
        caplog.at_level(logging.WARNING),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = submit(client, draft_eoi)

    assert response.status_code == 200
    assert "Your expression of interest is submitted." in response.text
    assert ExpressionOfInterest.objects.get().status == EoiStatus.SUBMITTED
    assert mail.outbox == []
    pending = Notification.objects.filter(status=DeliveryStatus.PENDING)
    assert pending.count() == 2
    assert "stays pending for the sweep" in caplog.text
    # The first failure spared the second notification the broker's connection attempt.
    assert caplog.text.count("could not be enqueued") == 1

    # The broker is back: the sweep delivers each notification, once.
    call_command("deliver_notifications")
    call_command("deliver_notifications")

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, "carol.contact@firm.example"]
    )
    assert not pending.exists()


def test_a_redelivered_task_sends_nothing_twice(eoi, django_capture_on_commit_callbacks):
    notification = notification_queue(
        kind="test", template="calls/email/eoi_shortlisted", context={"eoi": eoi, "url": "/"},
        to_email="someone@example.org",
    )

    deliver_notification.apply(args=[notification.pk])
    deliver_notification.apply(args=[notification.pk])

    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.SENT and notification.attempts == 1


def test_a_failing_mail_server_is_retried_with_exponential_backoff(eoi, settings):
    settings.MAILERS = BROKEN_MAIL
    notification = notification_queue(
        kind="test", template="calls/email/eoi_shortlisted", context={"eoi": eoi, "url": "/"},
        to_email="someone@example.org",
    )

    with (
        mock.patch.object(deliver_notification, "retry", side_effect=Retry) as retry,
        pytest.raises(Retry),
    ):
        deliver_notification.run(notification.pk)

    assert retry.call_args.kwargs["countdown"] == 60
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.PENDING
    assert notification.attempts == 1
    assert "SMTPServerDisconnected" in notification.last_error
    assert notification.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)

    # The sweep leaves it alone until its time comes, then sends it once the server is back.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("deliver_notifications")
    assert mail.outbox == []
    Notification.objects.update(next_attempt_at=timezone.now())
    call_command("deliver_notifications")
    assert len(mail.outbox) == 1


def test_a_notification_that_keeps_failing_stops_being_retried(eoi, settings):
    settings.MAILERS = BROKEN_MAIL
    notification = notification_queue(
        kind="test", template="calls/email/eoi_shortlisted", context={"eoi": eoi, "url": "/"},
        to_email="someone@example.org",
    )
    Notification.objects.filter(pk=notification.pk).update(attempts=7)

    deliver_notification.apply(args=[notification.pk])

    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.FAILED


def redis_reachable(url: str) -> bool:
    try:
        with Connection(url, connect_timeout=1) as connection:
            connection.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_on_redis_delivers_the_e_mails(client, draft_eoi, firm_user, coordinator):
    if not redis_reachable(WORKER_BROKER):
        if os.environ.get("CELERY_WORKER_TESTS_REQUIRED"):
            pytest.fail(f"Redis is unreachable at {WORKER_BROKER}")
        pytest.skip(f"Redis is unreachable at {WORKER_BROKER}")
    client.force_login(firm_user)
    with celery_broker(WORKER_BROKER):
        app.control.purge()
        with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False,
                          loglevel="WARNING", shutdown_timeout=30):
            submit(client, draft_eoi)
            deadline = time.monotonic() + 30
            while len(mail.outbox) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, "carol.contact@firm.example"]
    )
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
