"""Sending what the outbox holds, once in effect.

A delivery claims its row first (committed, with an expiry), sends the mail with a Message-ID
derived from the row, then marks the row sent. A worker that dies between sending and marking
leaves a claim that runs out: the row is sent again with the same Message-ID, which mail servers
and clients recognise as the same message. A task delivered twice finds the row claimed or sent
and does nothing. Every failure, expected or not, is counted and retried with exponential
backoff; after the last attempt the row is marked failed for administrators to see.
"""

import dataclasses
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone

from .choices import DeliveryStatus
from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 60
LONGEST_WAIT_SECONDS = 6 * 60 * 60
SWEEP_BATCH = 100


class DeliveryFailed(Exception):
    """Sending failed; ``final`` when that was the last attempt and the row is now failed."""

    def __init__(self, message: str, *, final: bool = False):
        super().__init__(message)
        self.final = final


@dataclasses.dataclass
class Sweep:
    sent: int = 0
    failed: int = 0
    more: bool = False


def backoff_seconds(attempts: int) -> int:
    """Exponential backoff: one minute, two, four... at most six hours."""
    return min(FIRST_RETRY_SECONDS * 2 ** max(attempts, 0), LONGEST_WAIT_SECONDS)


def claim_seconds() -> int:
    """How long a delivery may take before its row is tried again; longer than the task's hard
    time limit, so that a slow delivery still running is not doubled."""
    return settings.NOTIFICATIONS_CLAIM_SECONDS


def notification_claim(*, notification_id: int) -> Notification | None:
    """Take the row for one attempt, committed before anything is sent; None when it is not
    pending or another delivery holds it."""
    now = timezone.now()
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status != DeliveryStatus.PENDING:
            return None
        if notification.claimed_until is not None and notification.claimed_until > now:
            return None
        notification.attempts += 1
        notification.claimed_until = now + timedelta(seconds=claim_seconds())
        notification.save(update_fields=["attempts", "claimed_until"])
    return notification


def _send(notification: Notification) -> None:
    message = EmailMessage(
        subject=notification.subject,
        body=notification.body,
        to=[notification.to_email],
        headers={"Message-ID": notification.message_id},
    )
    mailers.default.send_messages([message])


def _record_failure(notification: Notification, error: Exception) -> bool:
    """Count the failed attempt and schedule the next; True when it was the last."""
    final = notification.attempts >= MAX_ATTEMPTS
    Notification.objects.filter(pk=notification.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED if final else DeliveryStatus.PENDING,
        last_error=f"{type(error).__name__}: {error}"[:500],
        claimed_until=None,
        next_attempt_at=timezone.now() + timedelta(seconds=backoff_seconds(notification.attempts - 1)),
    )
    return final


def notification_deliver(*, notification_id: int) -> bool:
    """Send one notification if it is pending and free. True when this call sent it."""
    notification = notification_claim(notification_id=notification_id)
    if notification is None:
        return False
    try:
        _send(notification)
    except Exception as error:
        # A refused connection, a database error, a mail backend that rejects its options: all
        # are counted and retried, none stops a sweep.
        final = _record_failure(notification, error)
        raise DeliveryFailed(f"{type(error).__name__}: {error}", final=final) from error
    Notification.objects.filter(pk=notification.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    return True


def notifications_deliver_due(*, limit: int | None = None, seconds: float | None = None) -> Sweep:
    """Deliver the due notifications in batches, oldest first, until none is left, ``limit``
    rows were tried or ``seconds`` have passed; ``more`` says rows were left for the next sweep.
    """
    deadline = time.monotonic() + seconds if seconds else None
    sweep = Sweep()
    tried = 0
    last_id = 0
    while True:
        batch = list(
            Notification.objects.due()
            .filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", flat=True)[:SWEEP_BATCH]
        )
        if not batch:
            return sweep
        for notification_id in batch:
            if (limit is not None and tried >= limit) or (
                deadline is not None and time.monotonic() >= deadline
            ):
                sweep.more = True
                return sweep
            tried += 1
            last_id = notification_id
            try:
                sweep.sent += notification_deliver(notification_id=notification_id)
            except DeliveryFailed as error:
                sweep.failed += 1
                logger.warning("Notification %s not sent: %s", notification_id, error)
            except Exception:
                sweep.failed += 1
                logger.exception("Notification %s could not be delivered.", notification_id)
