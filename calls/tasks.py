"""Thin entry points for Celery beat: each calls one service."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def close_calls_at_deadline() -> int:
    return services.calls_close_due()


@shared_task(ignore_result=True)
def send_call_deadline_reminders() -> int:
    return services.call_deadline_reminders_queue()
