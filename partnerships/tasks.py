from celery import shared_task

from .services import partnership_review_reminders_queue


@shared_task(ignore_result=True)
def send_review_reminders() -> int:
    """Remind coordinators of partnership reviews falling due (Celery beat)."""
    return partnership_review_reminders_queue()
