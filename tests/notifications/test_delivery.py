"""Each notification is sent once in effect: a delivery claims its row before sending, sends with
a Message-ID of its own, and a row whose delivery died is sent again with the same Message-ID.
Every failure is counted and retried; sweeps keep within their time and hand the rest on."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications import delivery, tasks
from notifications.choices import DeliveryStatus
from notifications.models import Notification

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class ExplodingBackend(BaseEmailBackend):
    """A mail backend that fails in a way nobody planned for."""

    def send_messages(self, messages):
        raise RuntimeError("unexpected")


def queue(count=1, **fields):
    return [
        Notification.objects.create(
            kind="test", to_email=f"person{i}@example.org", language="en", subject=f"Subject {i}",
            body="Body", **fields,
        )
        for i in range(count)
    ]


def test_a_notification_is_sent_with_a_message_id_of_its_own(settings):
    settings.DEFAULT_FROM_EMAIL = "registry@efus.example"
    [notification] = queue()

    assert delivery.notification_deliver(notification_id=notification.pk) is True

    assert mail.outbox[0].extra_headers["Message-ID"] == f"<notification-{notification.pk}@efus.example>"
    assert mail.outbox[0].message()["Message-ID"] == f"<notification-{notification.pk}@efus.example>"
    notification.refresh_from_db()
    assert (notification.status, notification.attempts, notification.claimed_until) == (
        DeliveryStatus.SENT, 1, None
    )


def test_a_claimed_row_is_left_alone_until_its_claim_runs_out_then_sent_with_the_same_id():
    [notification] = queue()
    # A delivery claimed the row, sent the mail, and died before marking it sent.
    claimed = delivery.notification_claim(notification_id=notification.pk)
    assert claimed is not None
    assert delivery.notification_claim(notification_id=notification.pk) is None

    assert delivery.notification_deliver(notification_id=notification.pk) is False
    assert call_command("deliver_notifications") is None and mail.outbox == []

    Notification.objects.filter(pk=notification.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("deliver_notifications")

    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [notification.message_id]
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.SENT and notification.attempts == 2


def test_an_unexpected_error_is_counted_retried_and_does_not_stop_the_sweep(settings):
    first, second = queue(2)
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.test_delivery.ExplodingBackend"}}

    call_command("deliver_notifications")

    for notification in (first, second):
        notification.refresh_from_db()
        assert notification.status == DeliveryStatus.PENDING
        assert notification.attempts == 1 and notification.claimed_until is None
        assert notification.last_error == "RuntimeError: unexpected"
        assert notification.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)


def test_a_mail_backend_that_rejects_its_options_is_a_counted_failure(settings):
    [notification] = queue()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend",
                                    "OPTIONS": {"host": "smtp.example.org"}}}

    with pytest.raises(delivery.DeliveryFailed, match="Unknown options"):
        delivery.notification_deliver(notification_id=notification.pk)

    notification.refresh_from_db()
    assert notification.attempts == 1 and "Unknown options" in notification.last_error


def test_after_the_last_attempt_the_row_is_failed_and_administrators_see_it(settings, admin_client):
    [notification] = queue(attempts=delivery.MAX_ATTEMPTS - 1)
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.test_delivery.ExplodingBackend"}}

    tasks.deliver_notification.apply(args=[notification.pk])

    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.FAILED
    changelist = reverse("admin:notifications_notification_changelist")
    response = admin_client.get(changelist)
    assert "1 notification failed after every attempt" in response.text
    assert admin_client.get(changelist, {"status__exact": "failed"}).context["cl"].result_count == 1

    settings.MAILERS = LOCMEM
    admin_client.post(changelist, {"action": "retry", "_selected_action": [notification.pk]})
    call_command("deliver_notifications")
    notification.refresh_from_db()
    assert notification.status == DeliveryStatus.SENT and len(mail.outbox) == 1


def test_a_sweep_stops_at_its_time_budget_and_hands_the_rest_to_the_next_task(settings):
    queue(5)
    settings.NOTIFICATIONS_SWEEP_SECONDS = 10
    # Each row takes four seconds: two fit within ten.
    clock = SimpleNamespace(monotonic=iter(range(0, 1000, 4)).__next__)

    with (
        mock.patch.object(delivery, "time", clock),
        mock.patch.object(tasks.deliver_due_notifications, "apply_async") as next_sweep,
    ):
        sent = tasks.deliver_due_notifications.run()

    assert sent == 2
    next_sweep.assert_called_once()
    assert Notification.objects.filter(status=DeliveryStatus.PENDING).count() == 3


def test_a_sweep_goes_through_every_batch(monkeypatch):
    monkeypatch.setattr(delivery, "SWEEP_BATCH", 2)
    queue(5)

    sweep = delivery.notifications_deliver_due()

    assert (sweep.sent, sweep.failed, sweep.more) == (5, 0, False)
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 5
