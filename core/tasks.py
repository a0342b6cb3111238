from celery import shared_task

from .services import expired_tokens_purge, idempotency_keys_purge


@shared_task(ignore_result=True)
def purge_idempotency_keys() -> int:
    """Forget the keys of retried writes once they expire (Celery beat)."""
    return idempotency_keys_purge()


@shared_task(ignore_result=True)
def purge_expired_tokens() -> int:
    """Delete the API tokens past their expiry (Celery beat)."""
    return expired_tokens_purge()
