"""A Celery worker killed with SIGKILL three times while it delivers 300 notifications: none is
lost, and every mail sent again carries its row's Message-ID, so the copies are one message."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from notifications.choices import DeliveryStatus
from notifications.models import Notification
from notifications.tasks import deliver_due_notifications, enqueue
from tests.calls.test_notifications import celery_broker

from .conftest import ROOT
from .mailsink import message_ids

pytestmark = pytest.mark.faults

ROWS = int(os.environ.get("FAULTS_ROWS", "300"))
KILLS = 3
CLAIM_SECONDS = 3


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "efus_ppp", "worker", "--pool=solo",
         "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def kill(worker):
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_three_times_loses_nothing_and_resends_with_the_same_message_id(
    redis_server, database_url, tmp_path, report
):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_server.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DJANGO_EMAIL_BACKEND": "tests.faults.mailsink.SlowFileBackend",
        "FAULTS_MAIL_DIR": str(tmp_path),
        "NOTIFICATIONS_CLAIM_SECONDS": str(CLAIM_SECONDS),
    }
    rows = Notification.objects.bulk_create(
        Notification(kind="drill", to_email=f"person{i}@example.org", language="en",
                     subject=f"Drill {i}", body="Body")
        for i in range(ROWS)
    )
    started = time.monotonic()
    with celery_broker(redis_server.url):
        for row in rows:
            enqueue(row.pk)

        worker = start_worker(env)
        try:
            for kill_number in range(1, KILLS + 1):
                threshold = ROWS * kill_number // (KILLS + 1)
                assert wait_for(lambda t=threshold: len(message_ids(tmp_path)) >= t, 60)
                kill(worker)
                worker = start_worker(env)
            # What the killed worker held is claimed by nobody now, or by a claim that runs out:
            # beat's sweep (sent here by hand, through the broker, once the claims ran out) finds it.
            wait_for(lambda: not Notification.objects.filter(
                status=DeliveryStatus.PENDING, claimed_until__isnull=True).exists(), 60)
            time.sleep(CLAIM_SECONDS + 0.5)
            deliver_due_notifications.apply_async()
            wait_for(lambda: not Notification.objects.exclude(status=DeliveryStatus.SENT).exists(), 60)
        finally:
            kill(worker)
    elapsed = time.monotonic() - started

    sent = message_ids(tmp_path)
    copies = Counter(sent)
    expected = {row.message_id for row in Notification.objects.all()}
    resent = sum(count - 1 for count in copies.values())
    report(
        f"worker-killed: {ROWS} rows, {KILLS} SIGKILLs in {elapsed:.1f} s; "
        f"{Notification.objects.filter(status=DeliveryStatus.SENT).count()} rows sent, "
        f"{len(sent)} mails written, {len(copies)} distinct Message-IDs, {resent} resent with "
        f"their row's Message-ID, {len(expected - set(copies))} lost"
    )
    assert Notification.objects.filter(status=DeliveryStatus.SENT).count() == ROWS
    assert set(copies) == expected and len(copies) == ROWS
