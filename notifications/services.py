"""The outbox: queue an e-mail inside the caller's transaction, hand it to a worker after the
commit (``tasks.enqueue``), which sends it (``delivery``).

Queueing never talks to the broker inside the transaction; if the broker is unreachable after
the commit, the row stays pending for the periodic sweep.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .choices import DeliveryStatus
from .models import LanguagePreference, Notification
from .tasks import enqueue


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

    ``template`` names ``<template>_subject.txt`` and ``<template>_message.txt``. With a ``key``
    the notification is created once only: a second call with the same key returns None.
    """
    if not to_email:
        return None
    if key and Notification.objects.filter(key=key).exists():
        return None
    language = language or language_for(recipient)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
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


def notify(person, *, kind: str, template: str, context: dict, key: str | None = None):
    """Queue a notification to ``person``, at their address and in their language (see
    ``notification_queue``)."""
    return notification_queue(
        kind=kind, template=template, context=context, to_email=person.email, recipient=person,
        key=key,
    )


def notifications_forget_recipient(*, user) -> None:
    """Erase a person from the outbox: pending mail is cancelled, sent mail loses its text."""
    Notification.objects.filter(recipient=user, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.CANCELLED
    )
    Notification.objects.filter(recipient=user).update(
        to_email="erased@invalid", subject="", body="", recipient=None
    )


def notifications_retry(*, notifications) -> int:
    """Give failed notifications a fresh set of attempts (once their cause is fixed); returns
    how many. They are sent by the next sweep."""
    return notifications.filter(status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, attempts=0, claimed_until=None, next_attempt_at=timezone.now()
    )
