"""The benchmark's baseline (``bench/baseline.py``) answers each route it serves with the very
bytes the API answers an anonymous client, so that the benchmark compares like with like."""

import datetime
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

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
    if baseline._connection is not None:
        baseline._connection.close()
        baseline._connection = None
    sys.modules.pop("baseline", None)


def _answer(application, path: str) -> bytes:
    answered = []
    body = b"".join(application(
        {"PATH_INFO": path, "QUERY_STRING": "", "REQUEST_METHOD": "GET",
         "wsgi.url_scheme": "http", "HTTP_HOST": "testserver"},
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
    partnership.goals.add(f.GoalFactory(strategy__owner=body, priority=1),
                          f.GoalFactory(strategy__owner=body, priority=2))
    partnership.community_groups.add(f.CommunityGroupFactory(name_en="Residents"),
                                     f.CommunityGroupFactory(name_en="Commuters"))
    return partnership


def test_the_baseline_answers_the_apis_bytes(baseline, body, firm):
    partnerships = [_published_partnership(body, firm) for _ in range(2)]
    f.PartnershipFactory(lead_body=body)  # a draft: in neither answer
    licensed = f.OrganisationFactory(
        licence_scheme="FR-CNAPS", licence_number="AUT-093-2118-01-01-20250123456",
        licence_expires_on=datetime.date(2099, 1, 1), verified_at=timezone.now(),
    )
    f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED)
    paths = ["/api/v1/partnerships/", "/api/v1/organisations/",
             *(f"/api/v1/partnerships/{p.pk}/" for p in partnerships)]

    api = Client()
    for path in paths:
        assert _answer(baseline.application, path) == api.get(path).content, path
    assert f'"id":{licensed.pk}'.encode() in api.get("/api/v1/organisations/").content
