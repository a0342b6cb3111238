"""The outbox: queue an e-mail inside the caller's transaction, deliver it after the commit.

Queueing never talks to the broker inside the transaction. After the commit a task is
enqueued; if the broker is unreachable the failure is logged and the row stays pending for the
periodic sweep (``deliver_due_notifications`` and the ``deliver_notifications`` command).
Delivery locks the row and sends only a pending one, so a task delivered twice sends once.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .choices import DeliveryStatus
from .models import LanguagePreference, Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 60
LONGEST_WAIT_SECONDS = 6 * 60 * 60


class DeliveryFailed(Exception):
    """Sending failed; the notification stays pending and will be tried again."""


def backoff_seconds(attempts: int) -> int:
    """Exponential backoff: one minute, two, four... at most six hours."""
    return min(FIRST_RETRY_SECONDS * 2 ** max(attempts, 0), LONGEST_WAIT_SECONDS)


def language_for(user) -> str:
    if user is not None:
        preference = LanguagePreference.objects.filter(user_id=user.pk).first()
        if preference:
            return preference.language
    return settings.LANGUAGE_CODE


def language_set(*, user, language: str) -> LanguagePreference:
    languages = dict(settings.LANGUAGES)
    language = language if language in languages else settings.LANGUAGE_CODE
    preference, _created = LanguagePreference.objects.update_or_create(
        user=user, defaults={"language": language}
    )
    return preference


def notification_queue(
    *,
    kind: str,
    template: str,
    context: dict,
    to_email: str,
    recipient=None,
    language: str | None = None,
    key: str | None = None,
) -> Notification | None:
    """Write an e-mail to the outbox, rendered in the recipient's language.

    ``template`` names ``<template>_subject.txt`` and ``<template>_body.txt``. With a ``key``
    the notification is created once only: a second call with the same key returns None.
    """
    if not to_email:
        return None
    if key and Notification.objects.filter(key=key).exists():
        return None
    language = language or language_for(recipient)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    notification = Notification(
        key=key,
        kind=kind,
        recipient=recipient,
        to_email=to_email,
        language=language,
        subject=subject[:200],
        body=body,
    )
    notification.full_clean()
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        if key:
            return None
        raise
    transaction.on_commit(lambda: enqueue(notification.pk))
    return notification


def enqueue(notification_id: int) -> None:
    """Hand a notification to the broker; a failure is logged and left to the sweep."""
    from .tasks import deliver_notification

    try:
        # A request must not wait through the broker's reconnection attempts: fail at once and
        # leave the row to the sweep.
        with deliver_notification.app.connection_for_write(
            transport_options={"max_retries": 0}
        ) as connection:
            deliver_notification.apply_async(
                args=[notification_id], retry=False, connection=connection
            )
    except Exception:
        logger.warning(
            "Notification %s could not be enqueued; it stays pending for the sweep.",
            notification_id,
            exc_info=True,
        )


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


def notifications_forget_recipient(*, user) -> None:
    """Erase a person from the outbox: pending mail is cancelled, sent mail loses its text."""
    Notification.objects.filter(recipient=user, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.CANCELLED
    )
    Notification.objects.filter(recipient=user).update(
        to_email="erased@invalid", subject="", body="", recipient=None
    )


def partnership_review_reminders_queue(*, today=None) -> int:
    """Remind the lead body's coordinators of a partnership review falling due soon, once per
    coordinator and review date."""
    from django.contrib.auth import get_user_model

    from partnerships.choices import CLOSED_STATUSES
    from partnerships.models import Partnership

    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.PARTNERSHIP_REVIEW_REMINDER_DAYS)
    due = (
        Partnership.objects.exclude(status__in=CLOSED_STATUSES)
        .filter(next_review_on__gte=today, next_review_on__lte=horizon)
        .select_related("lead_body")
    )
    coordinators = get_user_model().objects
    queued = 0
    for partnership in due:
        url = settings.REGISTRY_BASE_URL.rstrip("/") + partnership.get_absolute_url()
        for coordinator in coordinators.coordinators_of(partnership.lead_body).exclude(email=""):
            with transaction.atomic():
                queued += bool(
                    notification_queue(
                        kind="partnership_review",
                        template="notifications/email/review_reminder",
                        context={"partnership": partnership, "url": url},
                        to_email=coordinator.email,
                        recipient=coordinator,
                        key=f"review:{partnership.pk}:{partnership.next_review_on:%Y%m%d}:"
                        f"{coordinator.pk}",
                    )
                )
    return queued
