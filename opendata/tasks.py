from celery import shared_task

from .bulk import bulk_write


@shared_task(ignore_result=True, time_limit=60 * 60, soft_time_limit=55 * 60)
def write_ocds_bulk() -> str:
    """Write the bulk OCDS file again (Celery beat, nightly); idempotent."""
    return str(bulk_write())
