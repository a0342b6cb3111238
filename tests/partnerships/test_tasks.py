"""Celery beat's periodic work on partnerships: review reminders go out once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from partnerships import tasks

pytestmark = pytest.mark.django_db


def test_coordinators_are_reminded_of_a_review_falling_due(
    coordinator, other_coordinator, active, django_capture_on_commit_callbacks
):
    active.next_review_on = timezone.localdate() + datetime.timedelta(days=5)
    active.save()

    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_review_reminders.delay()
        tasks.send_review_reminders.delay()

    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert active.title in mail.outbox[0].subject
