from celery import shared_task

from .services import digests_send


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=660)
def send_suggestion_digests() -> int:
    """The weekly digest of new suggestions (Celery beat)."""
    return digests_send()
