"""Sending what the outbox holds. A delivery locks its row and sends only a pending one, so a
task delivered twice sends once; failures are retried with exponential backoff."""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone

from .choices import DeliveryStatus
from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 60
LONGEST_WAIT_SECONDS = 6 * 60 * 60


class DeliveryFailed(Exception):
    """Sending failed; the notification stays pending and will be tried again."""


def backoff_seconds(attempts: int) -> int:
    """Exponential backoff: one minute, two, four... at most six hours."""
    return min(FIRST_RETRY_SECONDS * 2 ** max(attempts, 0), LONGEST_WAIT_SECONDS)


def notification_deliver(*, notification_id: int) -> bool:
    """Send one notification if it is still pending. True when this call sent it.

    The row is locked for the whole send, so a task delivered twice (by a broker that
    redelivers after a worker died, or by the sweep racing a queued task) waits, then finds
    it sent and does nothing.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().filter(pk=notification_id).first()
        )
        if notification is None or notification.status != DeliveryStatus.PENDING:
            return False
        notification.attempts += 1
        try:
            message = EmailMessage(
                subject=notification.subject, body=notification.body, to=[notification.to_email]
            )
            mailers.default.send_messages([message])
        except (smtplib.SMTPException, OSError) as error:
            notification.last_error = f"{type(error).__name__}: {error}"[:500]
            if notification.attempts >= MAX_ATTEMPTS:
                notification.status = DeliveryStatus.FAILED
            notification.next_attempt_at = timezone.now() + timedelta(
                seconds=backoff_seconds(notification.attempts - 1)
            )
            notification.save(
                update_fields=["attempts", "last_error", "status", "next_attempt_at"]
            )
            failure = error
        else:
            notification.status = DeliveryStatus.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
            notification.save(update_fields=["attempts", "status", "sent_at", "last_error"])
            return True
    raise DeliveryFailed(str(failure)) from failure


def notifications_deliver_due(*, limit: int = 500) -> int:
    """Deliver the pending notifications whose time has come; returns how many were sent."""
    due = list(Notification.objects.due().order_by("id").values_list("pk", flat=True)[:limit])
    sent = 0
    for notification_id in due:
        try:
            sent += notification_deliver(notification_id=notification_id)
        except DeliveryFailed:
            logger.warning("Notification %s failed again; it will be retried.", notification_id)
    return sent
