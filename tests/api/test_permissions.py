"""Who may call what: every endpoint and method, against each kind of user.

An object a user may not see answers 404 (as if it did not exist); one they see but may not
change answers 403; a write without credentials answers 401.
"""

import json

import pytest

from tests.factories import siren

from .conftest import USER_KINDS, client_for

pytestmark = pytest.mark.django_db

def everyone(status):
    return dict.fromkeys(USER_KINDS, status)


def expect(default, anonymous=401, **overrides):
    return {**everyone(default), "anonymous": anonymous, **overrides}


# Reads of a draft of Alice's body, where Carol's firm is a party.
DRAFT_READ = expect(404, anonymous=404, coordinator=200, admin=200, firm=200)
# Writes on that draft: the lead body and admins; the party sees it but may not change it.
DRAFT_WRITE = expect(404, coordinator=200, admin=200, firm=403)
DRAFT_DELETE = expect(404, coordinator=204, admin=204, firm=403)
# Writes on objects every signed-in user sees, owned by Alice's body.
OWNED_WRITE = expect(403, coordinator=200, admin=200)
# Creation: only coordinators and admins try; the service then checks the body.
OWNED_CREATE = expect(403, coordinator=201, admin=201)
# Children of the draft: Bob's body cannot see the draft, so it "does not exist" for him (400).
DRAFT_CHILD_CREATE = expect(403, coordinator=201, admin=201, other_coordinator=400)

CASES = [
    # Reads
    ("GET", "/api/v1/partnerships/", None, everyone(200)),
    ("GET", "/api/v1/partnerships/{active.pk}/", None, everyone(200)),
    ("GET", "/api/v1/partnerships/{draft.pk}/", None, DRAFT_READ),
    ("GET", "/api/v1/partnerships/export.csv", None, everyone(200)),
    ("GET", "/api/v1/partnerships/export.json", None, everyone(200)),
    ("GET", "/api/v1/parties/{draft_party.pk}/", None, DRAFT_READ),
    ("GET", "/api/v1/rules/{draft_rule.pk}/", None, DRAFT_READ),
    ("GET", "/api/v1/contributions/{draft_contribution.pk}/", None, DRAFT_READ),
    ("GET", "/api/v1/organisations/{firm.pk}/", None, everyone(200)),
    ("GET", "/api/v1/organisations/{unverified_firm.pk}/", None,
     expect(200, anonymous=404, firm=404, other_firm=404)),
    ("GET", "/api/v1/strategies/{strategy.pk}/", None, everyone(200)),
    ("GET", "/api/v1/goals/{goal.pk}/", None, everyone(200)),
    ("GET", "/api/v1/indicators/{indicator.pk}/", None, everyone(200)),
    ("GET", "/api/v1/measurements/{measurement.pk}/", None, everyone(200)),
    ("GET", "/api/v1/community-groups/", None, everyone(200)),
    ("GET", "/api/v1/auth/tokens/", None, expect(200)),
    # Partnerships
    ("POST", "/api/v1/partnerships/",
     lambda r: {"title": "Quartier apaisé", "territory": "Saint-Denis", "lead_body": r.body.pk},
     expect(403, coordinator=201, admin=201)),
    ("PATCH", "/api/v1/partnerships/{draft.pk}/", {"title": "Gare plus sûre"}, DRAFT_WRITE),
    ("PUT", "/api/v1/partnerships/{draft.pk}/",
     {"title": "Gare plus sûre", "territory": "Saint-Denis"}, DRAFT_WRITE),
    ("PATCH", "/api/v1/partnerships/{active.pk}/", {"summary": "Night buses."}, OWNED_WRITE),
    ("DELETE", "/api/v1/partnerships/{draft.pk}/", None, DRAFT_DELETE),
    ("POST", "/api/v1/partnerships/{draft.pk}/transition/", {"status": "negotiation"},
     DRAFT_WRITE),
    # Organisations
    ("POST", "/api/v1/organisations/",
     {"name": "Lumière SAS", "sector": "private", "kind": "retailer", "identifier_scheme": "FR-RCS",
      "identifier": siren(424242), "country": "FR", "territory": "Saint-Denis"},
     expect(403, coordinator=201, other_coordinator=201, admin=201)),
    ("PATCH", "/api/v1/organisations/{firm.pk}/", {"territory": "Aubervilliers"},
     expect(403, firm=200, admin=200)),
    ("PATCH", "/api/v1/organisations/{body.pk}/", {"territory": "Plaine Commune"},
     expect(403, coordinator=200, admin=200)),
    ("POST", "/api/v1/organisations/{unverified_firm.pk}/verification/", {"status": "verified"},
     expect(200, firm=404, other_firm=404, analyst=403)),
    # Strategies, goals, indicators, measurements
    ("POST", "/api/v1/strategies/",
     lambda r: {"owner": r.body.pk, "title": "Stratégie 2026", "territory": "Saint-Denis",
                "starts_on": "2026-01-01"}, OWNED_CREATE),
    ("PATCH", "/api/v1/strategies/{strategy.pk}/", {"title": "Plan 2025-2027"}, OWNED_WRITE),
    ("POST", "/api/v1/goals/",
     lambda r: {"strategy": r.strategy.pk, "title": "Lit streets", "area": "intervention_projects",
                "horizon": "short", "territory": "Saint-Denis"}, OWNED_CREATE),
    ("PATCH", "/api/v1/goals/{goal.pk}/", {"priority": 1}, OWNED_WRITE),
    ("POST", "/api/v1/indicators/",
     lambda r: {"goal": r.goal.pk, "name": "Street lights", "unit": "lights", "baseline": "10",
                "baseline_on": "2025-01-01", "target": "40"}, OWNED_CREATE),
    ("PATCH", "/api/v1/indicators/{indicator.pk}/", {"unit": "reports"}, OWNED_WRITE),
    ("POST", "/api/v1/measurements/",
     lambda r: {"indicator": r.indicator.pk, "measured_on": "2025-09-01", "value": "80"},
     OWNED_CREATE),
    ("PATCH", "/api/v1/measurements/{measurement.pk}/", {"value": "1"}, OWNED_WRITE),
    ("DELETE", "/api/v1/measurements/{measurement.pk}/", None,
     expect(403, coordinator=204, admin=204)),
    # Parties, contributions, rules
    ("POST", "/api/v1/parties/",
     lambda r: {"partnership": r.draft.pk, "organisation": r.other_firm.pk,
                "role": "service_provider", "responsibilities": "Lights the forecourt."},
     DRAFT_CHILD_CREATE),
    ("PATCH", "/api/v1/parties/{draft_party.pk}/", {"responsibilities": "Patrols."}, DRAFT_WRITE),
    ("DELETE", "/api/v1/parties/{draft_party.pk}/", None, DRAFT_DELETE),
    ("POST", "/api/v1/contributions/",
     lambda r: {"party": r.draft_party.pk, "kind": "human_resources", "person_days": "12.5"},
     DRAFT_CHILD_CREATE),
    ("PATCH", "/api/v1/contributions/{draft_contribution.pk}/", {"description": "Audit"},
     DRAFT_WRITE),
    ("DELETE", "/api/v1/contributions/{draft_contribution.pk}/", None, DRAFT_DELETE),
    ("POST", "/api/v1/rules/",
     lambda r: {"partnership": r.draft.pk, "category": "exit", "title": "Leaving",
                "text": "Three months' notice."}, DRAFT_CHILD_CREATE),
    ("PATCH", "/api/v1/rules/{draft_rule.pk}/", {"title": "Steering committee"}, DRAFT_WRITE),
    ("DELETE", "/api/v1/rules/{draft_rule.pk}/", None, DRAFT_DELETE),
    # Read-only resources refuse writes to everyone, before authentication.
    ("POST", "/api/v1/community-groups/", {"code": "x"}, everyone(405)),
    ("DELETE", "/api/v1/goals/{goal.pk}/", None, everyone(405)),
    ("DELETE", "/api/v1/indicators/{indicator.pk}/", None, everyone(405)),
    # Tokens
    ("POST", "/api/v1/auth/tokens/", {"expiry_days": 30}, expect(201)),
]


def _case_id(case):
    return f"{case[0]} {case[1]}"


@pytest.mark.parametrize("kind", USER_KINDS)
@pytest.mark.parametrize(("method", "path", "payload", "expected"), CASES,
                         ids=[_case_id(c) for c in CASES])
def test_who_may_call_what(registry, users, kind, method, path, payload, expected):
    url = path.format(**vars(registry))
    data = payload(registry) if callable(payload) else payload
    response = client_for(users[kind]).generic(
        method, url, data=None if data is None else json.dumps(data),
        content_type="application/json",
    )
    assert response.status_code == expected[kind], getattr(response, "data", response)
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/json"
        assert response.json()["status"] == response.status_code
