"""Celery beat's periodic work: calls close at their deadline, reminders go out once."""

import datetime

from django.core import mail
from django.utils import timezone

from calls import tasks
from calls.choices import CallStatus, EoiStatus
from notifications.models import Notification

from . import factories as cf


def test_a_call_closes_itself_at_its_deadline(call, other_call):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()

    assert tasks.close_calls_at_deadline.delay().get() == 1

    call.refresh_from_db()
    other_call.refresh_from_db()
    assert call.status == CallStatus.CLOSED and call.closed_at is not None
    assert other_call.status == CallStatus.OPEN
    assert call.history.first().history_user is None


def test_firms_with_a_draft_are_reminded_once_before_the_deadline(
    call, firm, firm_user, django_capture_on_commit_callbacks
):
    call.closes_at = timezone.now() + datetime.timedelta(days=2)
    call.save()
    cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user, status=EoiStatus.DRAFT)
    cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                  status=EoiStatus.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_call_deadline_reminders.delay()
        tasks.send_call_deadline_reminders.delay()

    assert [m.to for m in mail.outbox] == [[firm_user.email]]
    assert call.title in mail.outbox[0].subject


def test_no_reminder_while_the_deadline_is_far(call, firm, firm_user):
    cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user, status=EoiStatus.DRAFT)

    tasks.send_call_deadline_reminders.delay()

    assert not Notification.objects.exists()
