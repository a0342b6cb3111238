"""Reads of the outbox."""

from .models import Notification


def notifications_of(*, user):
    """The e-mails the registry wrote to ``user``, newest first: what their own page lists."""
    if not (user and user.is_authenticated):
        return Notification.objects.none()
    return (
        Notification.objects.filter(recipient=user)
        .only("id", "kind", "subject", "body", "status", "created_at", "sent_at", "recipient_id")
        .order_by("-created_at", "-id")
    )
