"""Thin entry points: ids in, a service call, retries with exponential backoff."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True, ignore_result=True)
def deliver_notification(self, notification_id: int) -> None:
    try:
        services.notification_deliver(notification_id=notification_id)
    except services.DeliveryFailed as error:
        if self.request.is_eager:
            # Without a worker there is nobody to retry later: the periodic sweep will.
            logger.warning("Notification %s not sent yet: %s", notification_id, error)
            return
        raise self.retry(
            exc=error, countdown=services.backoff_seconds(self.request.retries)
        ) from error


@shared_task(ignore_result=True)
def deliver_due_notifications() -> int:
    return services.notifications_deliver_due()
