"""The outbox's part of readiness: mail waiting too long means no worker or beat is running."""

import dataclasses
from datetime import timedelta

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable, ServiceWarning

from .choices import DeliveryStatus
from .models import Notification


@dataclasses.dataclass
class Outbox(HealthCheck):
    """Unavailable when a notification has been due for more than
    ``NOTIFICATIONS_BACKLOG_MINUTES``; a warning while some have failed for good."""

    async def run(self):
        try:
            overdue, failed = await sync_to_async(self.counts)()
        except DatabaseError as error:
            raise ServiceUnavailable("the outbox cannot be read") from error
        minutes = settings.NOTIFICATIONS_BACKLOG_MINUTES
        if overdue:
            raise ServiceUnavailable(
                f"{overdue} notification(s) due for more than {minutes} minutes: "
                "are the Celery worker and beat running?"
            )
        if failed:
            raise ServiceWarning(f"{failed} notification(s) failed after every attempt (see the admin)")

    @staticmethod
    def counts() -> tuple[int, int]:
        since = timezone.now() - timedelta(minutes=settings.NOTIFICATIONS_BACKLOG_MINUTES)
        pending = Notification.objects.filter(status=DeliveryStatus.PENDING)
        return (
            pending.filter(next_attempt_at__lte=since).count(),
            Notification.objects.filter(status=DeliveryStatus.FAILED).count(),
        )
