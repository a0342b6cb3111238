from celery import shared_task

from .services import idempotency_keys_purge


@shared_task(ignore_result=True)
def purge_idempotency_keys() -> int:
    """Forget the keys of retried writes once they expire (Celery beat)."""
    return idempotency_keys_purge()
