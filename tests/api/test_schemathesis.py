"""Schemathesis fuzzes every operation of /api/schema/ against the app itself, with every check
on (response conformance included: status codes, content types, headers, response schemas,
negative data rejected), in positive and negative data modes, as a coordinator, a firm's
representative and an analyst (each with a token) and anonymously.

Positive data is data the schema allows. For reads, the API accepts all of it (a reference to a
missing object filters to nothing). For writes, a body can be well formed and still refused by
the registry's rules, which a schema cannot state (the lead body must be the caller's own, a
partnership cannot end before it starts, only some lifecycle moves exist) and a random
``If-Match`` is stale by construction: there, 400, 412 and 422 count as accepted answers too
(see ``WRITES``).

The budget is bounded so that CI runs it on each database in a few minutes: a handful of
examples per operation, a deadline per example, and the coverage phase (every boundary value of
every parameter, about nine cases in ten) only as the coordinator, because parameters are parsed
the same whoever asks; what differs between readers (querysets, confidential fields) is reached
by the random examples sent as each of them.
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

from calls.choices import EoiStatus
from efus_ppp.wsgi import application
from partnerships.choices import Status
from projects.models import ContributionOffer, Invitation, Need

from .. import factories as f
from ..calls import factories as cf
from ..conftest import make_activatable
from ..projects.factories import ProjectFactory
from .conftest import build_registry

POSITIVE_STATUSES = ["2xx", "3xx", "401", "403", "404", "409", "429"]

# Exports take their lists' parameters through the same filter backend, which the lists'
# boundary cases already cover; random data still reaches them.
EXPORTS = r"/export\.(csv|json|xlsx)$"

# Writes: a random ``If-Match`` is stale, and a stale one is refused (412) before the body is
# read, as RFC 9110 (13.2.2) has it, so an invalid body may get 412 rather than 400; a POST's
# ``Idempotency-Key`` may be drawn twice in a run, for two different bodies, which is refused with
# 422 as documented (only POSTs take one).
WRITES = {
    "include-method-regex": "^(POST|PUT|PATCH|DELETE)$",
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": [*POSITIVE_STATUSES, "400", "412", "422"],
        },
        "negative_data_rejection": {
            "expected-statuses": ["400", "401", "403", "404", "405", "406", "409", "412", "415",
                                  "422", "428", "429", "5xx"],
        },
    },
}

CONFIG = {
    # NUL characters are refused (400) wherever text is accepted, a rule no JSON Schema states;
    # tests/api/test_bad_input.py covers them.
    "generation": {"mode": "all", "max-examples": 5, "deterministic": True, "allow-x00": False},
    "phases": {
        "coverage": {"generate-duplicate-query-parameters": False},
        "stateful": {"enabled": False},
    },
    "checks": {"enabled": True},
    "operations": [
        {"include-path-regex": EXPORTS, "phases": {"coverage": {"enabled": False}}},
        WRITES,
    ],
}

OTHER_READERS_CONFIG = {
    **CONFIG,
    "phases": {**CONFIG["phases"], "coverage": {"enabled": False}},
    "operations": [WRITES],
}

# A request that takes this long is a fault, not a slow machine (they take milliseconds).
DEADLINE = datetime.timedelta(seconds=10)

# Loaded once at collection: building the schema reads no data.
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/", application, config=SchemathesisConfig.from_dict(CONFIG)
)
other_readers_schema = schemathesis.openapi.from_wsgi(
    "/api/schema/", application, config=SchemathesisConfig.from_dict(OTHER_READERS_CONFIG)
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


def _token(user) -> dict:
    _, key = AuthToken.objects.create(user=user, expiry=datetime.timedelta(hours=1))
    return {"Authorization": f"Token {key}"}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The registry of tests/api/conftest.py, with a call, an expression of interest, a
    project, a need, a standing offer and an invitation, built once for the module inside a
    transaction that is rolled back at the end; each test's own writes roll back to it. Gives
    the headers each kind of user sends."""
    with django_db_blocker.unblock(), transaction.atomic():
        body = f.PublicBodyFactory(name="Ville de Saint-Denis")
        other_body = f.PublicBodyFactory(name="Stad Gent", country="BE", territory="Gent")
        firm = f.OrganisationFactory(name="Sécurité Plaine SARL")
        coordinator = f.CoordinatorFactory(username="alice", organisation=body)
        firm_user = f.FirmRepresentativeFactory(username="carol", organisation=firm)
        draft = f.PartnershipFactory(title="Gare sûre", lead_body=body)
        f.PartyFactory(partnership=draft, organisation=firm)
        active = make_activatable(f.PartnershipFactory(title="Nuits tranquilles", lead_body=body))
        active.status = Status.ACTIVE
        active.save()
        registry = build_registry(
            body=body, other_body=other_body, firm=firm,
            other_firm=f.OrganisationFactory(name="Commerce Nord SAS"), draft=draft, active=active,
        )
        call = cf.CallFactory(lead_body=body, title="Gare de Saint-Denis la nuit")
        cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                      status=EoiStatus.SUBMITTED)
        cf.EoiFactory(call=None, public_body=body, organisation=firm, submitted_by=firm_user)
        ProjectFactory(organisation=firm, title="Lit forecourt")
        Need.objects.create(goal=registry.goal, kind="expertise", territory="Saint-Denis")
        ContributionOffer.objects.create(organisation=firm, kind="expertise",
                                         territory="Saint-Denis")
        Invitation.objects.create(call=call, organisation=firm, goal=registry.goal,
                                  invited_by=coordinator)
        yield {
            "coordinator": _token(coordinator),
            "firm": _token(firm_user),
            "analyst": _token(f.AnalystFactory(username="erin")),
            "anonymous": {},
        }
        transaction.set_rollback(True)


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=DEADLINE)
def test_api_as_a_coordinator(case, seeded, db):
    case.call_and_validate(headers=seeded["coordinator"])


@pytest.mark.parametrize("kind", ["firm", "analyst", "anonymous"])
@other_readers_schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=DEADLINE)
def test_api_as_every_other_reader(case, kind, seeded, db):
    case.call_and_validate(headers=seeded[kind])
