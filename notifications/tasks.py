"""Thin entry points: ids in, a service call, retries with exponential backoff."""

import logging

from celery import shared_task

from . import delivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=delivery.MAX_ATTEMPTS, acks_late=True, ignore_result=True)
def deliver_notification(self, notification_id: int) -> None:
    try:
        delivery.notification_deliver(notification_id=notification_id)
    except delivery.DeliveryFailed as error:
        if self.request.is_eager:
            # Without a worker there is nobody to retry later: the periodic sweep will.
            logger.warning("Notification %s not sent yet: %s", notification_id, error)
            return
        raise self.retry(
            exc=error, countdown=delivery.backoff_seconds(self.request.retries)
        ) from error


@shared_task(ignore_result=True)
def deliver_due_notifications() -> int:
    return delivery.notifications_deliver_due()


def enqueue(notification_id: int) -> None:
    """Hand a notification to the broker; a failure is logged and left to the sweep."""
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
