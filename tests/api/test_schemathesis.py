"""Schemathesis fuzzes every operation of /api/schema/ against the app itself, with every check
on, in positive and negative data modes, as a coordinator (with a token) and anonymously.

Positive data is data the schema allows. For reads, the API accepts all of it (a reference to a
missing object filters to nothing). For writes, a body can be well formed and still refused by
the registry's rules, which a schema cannot state (the lead body must be the caller's own, a
partnership cannot end before it starts, only some lifecycle moves exist) and a random
``If-Match`` is stale by construction: there, 400 and 412 count as accepted answers too.
"""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from knox.models import AuthToken
from schemathesis.config import SchemathesisConfig

from efus_ppp.wsgi import application
from partnerships.choices import Status

from .. import factories as f
from ..conftest import make_activatable
from .conftest import build_registry

POSITIVE_STATUSES = ["2xx", "3xx", "401", "403", "404", "409", "429"]

CONFIG = {
    # NUL characters are refused (400) wherever text is accepted, a rule no JSON Schema states;
    # tests/api/test_bad_input.py covers them.
    "generation": {"mode": "all", "max-examples": 6, "deterministic": True, "allow-x00": False},
    "phases": {
        "coverage": {"generate-duplicate-query-parameters": False},
        "stateful": {"enabled": False},
    },
    "checks": {"enabled": True},
    "operations": [
        # Exports take their lists' parameters through the same filter backend, which the lists'
        # boundary cases already cover; random data still reaches them.
        {"include-path-regex": r"/export\.(csv|json)$", "phases": {"coverage": {"enabled": False}}},
        {
            "include-method-regex": "^(POST|PUT|PATCH|DELETE)$",
            "checks": {
                "positive_data_acceptance": {"expected-statuses": [*POSITIVE_STATUSES, "400", "412"]},
            },
        },
    ],
}


# Anonymous reads parse their parameters exactly as a coordinator's do, so their boundary cases
# run once, as the coordinator; anonymous reads still get random data, and writes everything.
ANONYMOUS_CONFIG = {
    **CONFIG,
    "operations": [
        {"include-method": "GET", "phases": {"coverage": {"enabled": False}}},
        *CONFIG["operations"],
    ],
}

# Loaded once at collection: building the schema reads no data.
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/", application, config=SchemathesisConfig.from_dict(CONFIG)
)
anonymous_schema = schemathesis.openapi.from_wsgi(
    "/api/schema/", application, config=SchemathesisConfig.from_dict(ANONYMOUS_CONFIG)
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The fuzzer calls the WSGI application directly, which would close the database
    connection at each request's start and end, as in production. Inside a test's transaction
    that closes the transaction itself (on PostgreSQL), so, as Django's test client does, the
    handler is kept from doing it."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _unlimited_rates(settings):
    """The fuzzer sends thousands of requests; throttling has its own tests."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": "1000000/min", "user": "1000000/min"}}
    cache.clear()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The registry of tests/api/conftest.py, built once for the module inside a transaction
    that is rolled back at the end; each test's own writes roll back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        body = f.PublicBodyFactory(name="Ville de Saint-Denis")
        other_body = f.PublicBodyFactory(name="Stad Gent", country="BE", territory="Gent")
        firm = f.OrganisationFactory(name="Sécurité Plaine SARL")
        coordinator = f.CoordinatorFactory(username="alice", organisation=body)
        draft = f.PartnershipFactory(title="Gare sûre", lead_body=body)
        f.PartyFactory(partnership=draft, organisation=firm)
        active = make_activatable(f.PartnershipFactory(title="Nuits tranquilles", lead_body=body))
        active.status = Status.ACTIVE
        active.save()
        build_registry(body=body, other_body=other_body, firm=firm,
                       other_firm=f.OrganisationFactory(name="Commerce Nord SAS"),
                       draft=draft, active=active)
        _, key = AuthToken.objects.create(user=coordinator, expiry=datetime.timedelta(hours=1))
        yield {"Authorization": f"Token {key}"}
        transaction.set_rollback(True)


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api_as_a_coordinator(case, seeded, db):
    case.call_and_validate(headers=seeded)


@anonymous_schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api_anonymously(case, seeded, db):
    case.call_and_validate()
