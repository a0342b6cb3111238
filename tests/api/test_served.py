"""The API through a real WSGI server, as ``make run`` serves it: the server's handler checks
what the test client does not (header types, for one)."""

import json
import urllib.error
import urllib.request

import pytest
from knox.models import AuthToken

from .test_permissions import CASES

# Every create the coordinator may make, as the permission table lists them.
CREATES = [
    (path, payload) for method, path, payload, expected in CASES
    if method == "POST" and expected["coordinator"] == 201
]


def post(url: str, token: str, data: dict) -> tuple[int, dict, dict]:
    request = urllib.request.Request(  # noqa: S310 (the test's own server on loopback)
        url, data=json.dumps(data).encode(), method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json",
                 "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), {"body": error.read().decode()[:500]}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("path", "payload"), CREATES, ids=[path for path, _ in CREATES])
def test_a_create_answers_201_with_its_location_through_the_server(
    live_server, registry, users, path, payload
):
    _token, key = AuthToken.objects.create(user=users["coordinator"])
    data = payload(registry) if callable(payload) else payload

    status, headers, body = post(live_server.url + path.format(**vars(registry)), key, data)

    assert status == 201, body
    if "url" in body:
        assert headers["Location"] == body["url"]
        assert headers["Location"].startswith("http")


@pytest.mark.django_db(transaction=True)
def test_a_call_and_an_answer_are_created_through_the_server(live_server, registry, users):
    _token, coordinator_key = AuthToken.objects.create(user=users["coordinator"])
    _token, firm_key = AuthToken.objects.create(user=users["firm"])

    status, headers, call = post(live_server.url + "/api/v1/calls/", coordinator_key, {
        "title": "Night buses", "description": "We look for partners.", "territory": "Saint-Denis",
        "contribution_kinds": ["human_resources"], "opens_on": "2026-01-01",
        "closes_at": "2099-01-01T12:00:00Z",
    })
    assert status == 201, call
    assert headers["Location"] == call["url"]
    status, _headers, published = post(f"{call['url']}publish/", coordinator_key, {})
    assert status == 200, published

    status, headers, eoi = post(live_server.url + "/api/v1/expressions-of-interest/", firm_key, {
        "call": call["id"], "title": "Stewards", "summary": "Two stewards on Friday nights.",
        "expectations": "Shared incident data.", "community_groups": [],
        "offers": [{"kind": "human_resources", "description": "Stewards", "person_days": "96"}],
        "contact_name": "Carol Firm", "contact_email": "carol.contact@firm.example",
        "contact_phone": "+33 6 11 22 33 44", "consent": True,
    })
    assert status == 201, eoi
    assert headers["Location"] == eoi["url"]
