from celery import shared_task

from .services import licence_reminders_queue


@shared_task(ignore_result=True)
def send_licence_reminders() -> int:
    """Remind private security companies of licences about to expire (Celery beat)."""
    return licence_reminders_queue()
