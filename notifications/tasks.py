"""Thin entry points: ids in, a service call, retries with exponential backoff."""

import logging
import time

from celery import shared_task
from django.conf import settings

from . import delivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=delivery.MAX_ATTEMPTS, acks_late=True, ignore_result=True)
def deliver_notification(self, notification_id: int) -> None:
    try:
        delivery.notification_deliver(notification_id=notification_id)
    except Exception as error:
        # DeliveryFailed has been counted on the row; anything else (the database unreachable
        # while claiming) has not, and the sweep finds the row again all the same.
        if self.request.is_eager or getattr(error, "final", False):
            # Without a worker there is nobody to retry later: the periodic sweep will.
            logger.warning("Notification %s not sent: %s", notification_id, error)
            return
        raise self.retry(
            exc=error, countdown=delivery.backoff_seconds(self.request.retries)
        ) from error


@shared_task(bind=True, ignore_result=True)
def deliver_due_notifications(self) -> int:
    """One sweep within the task's time limit; what is left goes to the next one, at once."""
    sweep = delivery.notifications_deliver_due(seconds=settings.NOTIFICATIONS_SWEEP_SECONDS)
    if sweep.more and not self.request.is_eager:
        try:
            deliver_due_notifications.apply_async(retry=False)
        except Exception:
            logger.warning("The next sweep could not be queued; beat starts one soon.", exc_info=True)
    return sweep.sent


# After the broker refused a notification, the next ones skip it for this long and wait for the
# sweep: a request does not pay a failed connection for every e-mail it queues.
BROKER_PAUSE_SECONDS = 10
_broker_down_until = 0.0


def enqueue(notification_id: int) -> None:
    """Hand a notification to the broker; a failure is logged and left to the sweep."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        logger.info("Notification %s left to the sweep: the broker was down just now.", notification_id)
        return
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
        _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
        logger.warning(
            "Notification %s could not be enqueued; it stays pending for the sweep.",
            notification_id,
            exc_info=True,
        )
