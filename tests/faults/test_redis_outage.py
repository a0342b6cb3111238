"""Redis stopped: the API and the pages keep taking writes, the mail waits in the outbox, and
once Redis is back every notification goes out once. Readiness says 503 meanwhile."""

import os
import time
from collections import Counter

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from notifications.choices import DeliveryStatus
from notifications.delivery import notifications_deliver_due
from notifications.models import Notification
from tests.calls import factories as cf
from tests.calls.test_api import EOIS, new_eoi, token_client
from tests.calls.test_notifications import celery_broker

pytestmark = pytest.mark.faults

N = int(os.environ.get("FAULTS_N", "50"))


@pytest.fixture
def shared_redis(settings, redis_server):
    """The registry's cache, broker and readiness on the drill's Redis."""
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "faults"},
    }
    with celery_broker(redis_server.url):
        yield redis_server


@pytest.mark.django_db(transaction=True)
def test_with_redis_stopped_every_write_is_stored_and_every_mail_sent_once_after(
    shared_redis, call, firm, firm_user, coordinator, report
):
    drafts = [
        cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user, status=EoiStatus.DRAFT)
        for _ in range(N)
    ]
    for draft in drafts:
        cf.OfferFactory(expression_of_interest=draft)
    api = token_client(firm_user)
    browser = Client(raise_request_exception=False)
    browser.force_login(firm_user)
    statuses = Counter()

    shared_redis.stop()
    started = time.monotonic()
    for _ in range(N):
        created = api.post(EOIS, new_eoi(call), format="json")
        statuses[created.status_code] += 1
        if created.status_code == 201:
            statuses[api.post(f"{EOIS}{created.json()['id']}/submit/").status_code] += 1
    for draft in drafts:
        statuses[browser.post(reverse("calls:eoi_submit", args=[draft.pk])).status_code] += 1
    elapsed = time.monotonic() - started

    submitted = ExpressionOfInterest.objects.filter(status=EoiStatus.SUBMITTED).count()
    pending = Notification.objects.filter(status=DeliveryStatus.PENDING).count()
    assert mail.outbox == []

    shared_redis.start()
    sweep = notifications_deliver_due()  # what beat's sweep task runs once Redis is back

    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]
    report(
        f"redis-outage: {N} API creates+submits and {N} page submits in {elapsed:.1f} s; "
        f"responses {dict(sorted(statuses.items()))}; {submitted} submissions stored; "
        f"{pending} notifications pending during the outage; {sweep.sent} sent after, "
        f"{len(ids) - len(set(ids))} duplicates"
    )
    assert 500 not in statuses and set(statuses) <= {200, 201, 302}
    assert submitted == 2 * N
    assert pending == Notification.objects.count() >= 2 * N
    assert not Notification.objects.exclude(status=DeliveryStatus.SENT).exists()
    assert len(ids) == len(set(ids)) == pending


@pytest.mark.django_db
def test_readiness_says_503_while_redis_is_stopped_and_200_when_it_is_back(shared_redis, report):
    browser = Client(raise_request_exception=False)
    assert browser.get("/readyz/?format=json").status_code == 200

    shared_redis.stop()
    down = browser.get("/readyz/?format=json")
    shared_redis.start()
    back = browser.get("/readyz/?format=json")

    report(f"readiness: {down.status_code} with Redis stopped ({down.json()}), "
           f"{back.status_code} when it is back")
    assert down.status_code == 503
    assert any("Redis" in text for text in down.json().values())
    assert back.status_code == 200
