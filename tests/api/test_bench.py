"""The benchmark's baseline (``bench/baseline.py``) answers each route it serves with the very
bytes the API answers an anonymous client and an analyst with a token, so that the benchmark
compares like with like."""

import datetime
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from knox.models import AuthToken

from actors.choices import VerificationStatus
from partnerships.choices import ContributionKind, RuleCategory, Status

from .. import factories as f

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the baseline is PostgreSQL's"),
    # The baseline reads through its own connection: the rows must be committed.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def baseline(monkeypatch):
    settings = connection.settings_dict
    monkeypatch.setenv("BENCH_DATABASE_URL", (
        f"postgresql://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or 'localhost'}"
        f":{settings['PORT'] or 5432}/{settings['NAME']}"
    ))
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    import baseline

    yield baseline
    baseline.close()
    sys.modules.pop("baseline", None)


def _answer(application, path: str, headers: dict) -> bytes:
    answered = []
    path, _, query = path.partition("?")
    body = b"".join(application(
        {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET",
         "wsgi.url_scheme": "http", "HTTP_HOST": "testserver", **headers},
        lambda status, headers: answered.append(status),
    ))
    assert answered == ["200 OK"], path
    return body


def _published_partnership(body, firm):
    partnership = f.PartnershipFactory(
        lead_body=body, status=Status.ACTIVE, activated_at=timezone.now(),
        starts_on=datetime.date(2025, 3, 1), status_changed_on=datetime.date(2025, 3, 2),
    )
    for organisation in (body, firm):
        party = f.PartyFactory(partnership=partnership, organisation=organisation,
                               joined_on=datetime.date(2025, 2, 1))
        f.ContributionFactory(party=party, amount=Decimal("1500"), currency="EUR")
        f.ContributionFactory(party=party, kind=ContributionKind.HUMAN_RESOURCES, amount=None,
                              currency="", person_days=Decimal("12.5"))
    f.RuleFactory(partnership=partnership, category=RuleCategory.EXIT, title="Leaving")
    f.RuleFactory(partnership=partnership, category=RuleCategory.FUNDING, title="Who pays")
    groups = [f.CommunityGroupFactory(name_en="Residents"),
              f.CommunityGroupFactory(name_en="Commuters")]
    goal = f.GoalFactory(strategy__owner=body, priority=1, target_on=datetime.date(2027, 6, 30))
    goal.community_groups.add(*groups)
    partnership.goals.add(goal, f.GoalFactory(strategy__owner=body, priority=2))
    partnership.community_groups.add(*groups)
    return partnership


def test_the_baseline_answers_the_apis_bytes(baseline, body, firm, analyst):
    partnerships = [_published_partnership(body, firm) for _ in range(2)]
    draft = f.PartnershipFactory(lead_body=body, title="Parking watch")  # the public sees none
    f.RuleFactory(partnership=draft)
    f.ContributionFactory(party=f.PartyFactory(partnership=draft, organisation=firm))
    # ... but an analyst whose organisation is one of its parties does.
    shared = f.PartnershipFactory(lead_body=body, title="Parking watch, with research")
    f.PartyFactory(partnership=shared, organisation=analyst.organisation)
    f.RuleFactory(partnership=shared)
    licensed = f.OrganisationFactory(
        licence_scheme="FR-CNAPS", licence_number="AUT-093-2118-01-01-20250123456",
        licence_expires_on=datetime.date(2099, 1, 1), verified_at=timezone.now(),
    )
    f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED)
    _token, key = AuthToken.objects.create(user=analyst, expiry=datetime.timedelta(days=1))
    cursor = baseline.encode_cursor(partnerships[1].pk)
    paths = [
        "/api/v1/partnerships/", f"/api/v1/partnerships/?cursor={cursor}",
        "/api/v1/partnerships/?status=active&country=FR", "/api/v1/partnerships/?q=watch",
        "/api/v1/partnerships/?q=Partnership", "/api/v1/partnerships/?q=nowhere",
        *(f"/api/v1/partnerships/{p.pk}/" for p in partnerships),
        "/api/v1/organisations/", "/api/v1/goals/", "/api/v1/rules/", "/api/v1/contributions/",
    ]

    for headers in ({}, {"HTTP_AUTHORIZATION": f"Token {key}"}):
        api = Client(**headers)
        for path in paths:
            assert _answer(baseline.application, path, headers) == api.get(path).content, (
                path, headers,
            )
    anonymous, analysts = Client(), Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert f'"id":{licensed.pk}'.encode() in anonymous.get("/api/v1/organisations/").content
    # What the two readers see differs, so the comparison above covers each one's view.
    for path in ("/api/v1/partnerships/", "/api/v1/rules/", "/api/v1/organisations/"):
        assert anonymous.get(path).content != analysts.get(path).content, path
    shared_detail = f"/api/v1/partnerships/{shared.pk}/"
    assert analysts.get(shared_detail).content == _answer(
        baseline.application, shared_detail, {"HTTP_AUTHORIZATION": f"Token {key}"}
    )
