"""Bad input gets a 4xx with a message in the one error shape, never a 500."""

import json

import pytest
from rest_framework.test import APIClient

from .. import factories as f
from .conftest import client_for

pytestmark = pytest.mark.django_db

HUGE = "9" * 40


def assert_error(response, status):
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize(("params", "field"), [
    ({"status": "dormant"}, "status"),
    ({"role": "king"}, "role"),
    ({"ordering": "secret_notes"}, "ordering"),
    ({"ordering": ""}, "ordering"),
    ({"ordering": "title,"}, "ordering"),
    ({"ordering": "title,,-id"}, "ordering"),
    ({"starts_on_after": "2025-13-45"}, "starts_on_after"),
    ({"starts_on_after": "03/01/2025"}, "starts_on_after"),
    ({"next_review_on_before": "tomorrow"}, "next_review_on_before"),
    ({"ends_on_before": ""}, "ends_on_before"),
    ({"status": ""}, "status"),
    ({"lead_body": ""}, "lead_body"),
    ({"lead_body": "+4"}, "lead_body"),
    ({"lead_body": "abc"}, "lead_body"),
    ({"goal": "1.5"}, "goal"),
    ({"territory": "Saint\x00Denis"}, "territory"),
    ({"q": "Gare\x00"}, "q"),
    ({"country": "FRA"}, "country"),
    ({"q": "x" * 201}, "q"),
])
def test_malformed_filters(alice, params, field):
    body = assert_error(alice.get("/api/v1/partnerships/", params), 400)

    assert field in body["errors"]
    assert body["code"] == "invalid"


@pytest.mark.parametrize("params", [{"lead_body": HUGE}, {"goal": HUGE}, {"organisation": "-3"},
                                    {"lead_body": "424242"}, {"community_group": "martians"}])
def test_references_to_nothing_match_nothing(alice, draft, params):
    response = alice.get("/api/v1/partnerships/", params)

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("pk", [HUGE, "-1", "0", "abc", "1e3", "%00"])
def test_unknown_ids_in_paths_are_404(alice, pk):
    assert_error(alice.get(f"/api/v1/partnerships/{pk}/"), 404)
    assert_error(alice.patch(f"/api/v1/partnerships/{pk}/", {"title": "x"}), 404)


@pytest.mark.parametrize(("payload", "field"), [
    ({"title": "", "territory": "x"}, "title"),
    ({"title": "x" * 201, "territory": "x"}, "title"),
    ({"title": "A\x00B", "territory": "x"}, "title"),
    ({"title": "x", "territory": "x", "starts_on": "2025-02-30"}, "starts_on"),
    ({"title": "x", "territory": "x", "goals": [int(HUGE)]}, "goals"),
    ({"title": "x", "territory": "x", "goals": "all"}, "goals"),
    ({"title": "x", "territory": "x", "community_groups": ["martians"]}, "community_groups"),
    ({"title": "x", "territory": "x", "lead_body": int(HUGE)}, "lead_body"),
    ({"title": "x", "territory": "x", "lead_body": True}, "lead_body"),
    ({"title": ["x"], "territory": "x"}, "title"),
])
def test_invalid_bodies(alice, payload, field):
    body = assert_error(alice.post("/api/v1/partnerships/", payload, format="json"), 400)

    assert field in body["errors"]


@pytest.mark.parametrize("amount", [HUGE, "1e400", "NaN", "Infinity", "-5", 1e308, "12.345"])
def test_bad_numbers(alice, draft, amount):
    party = draft.parties.get()
    response = alice.post("/api/v1/contributions/", {"party": party.pk, "kind": "financial",
                                                     "amount": amount, "currency": "EUR"},
                          format="json")

    assert "amount" in assert_error(response, 400)["errors"]


@pytest.mark.parametrize("currency", ["€€€", "XYZ"])
def test_a_contribution_in_an_unknown_currency_is_refused_on_its_field(alice, draft, currency):
    party = draft.parties.get()
    response = alice.post("/api/v1/contributions/", {"party": party.pk, "kind": "financial",
                                                     "amount": "5000", "currency": currency},
                          format="json")

    assert assert_error(response, 400)["errors"] == {
        "currency": ["Use the three-letter ISO 4217 code of the currency, e.g. EUR."]
    }
    assert not party.contributions.exists()


def test_json_numbers_beyond_floats(alice, draft):
    response = alice.generic("POST", "/api/v1/contributions/", content_type="application/json",
                             data=f'{{"party": {draft.parties.get().pk}, "kind": "financial", '
                                  f'"amount": 1e999, "currency": "EUR"}}')

    assert "amount" in assert_error(response, 400)["errors"]


def test_domain_refusals_say_what_is_missing(alice, draft):
    response = alice.post(f"/api/v1/partnerships/{draft.pk}/transition/", {"status": "active"},
                          format="json")

    body = assert_error(response, 400)
    assert "cannot go from" in body["detail"]

    alice.post(f"/api/v1/partnerships/{draft.pk}/transition/", {"status": "negotiation"},
               format="json")
    body = assert_error(alice.post(f"/api/v1/partnerships/{draft.pk}/transition/",
                                   {"status": "active"}, format="json"), 400)
    assert "cannot become active" in body["detail"]
    assert "Add at least one public body as a party." in body["errors"]["non_field_errors"]


def test_reserved_role_is_refused_with_the_services_message(alice, draft, firm):
    response = alice.post("/api/v1/parties/", {
        "partnership": draft.pk, "organisation": firm.pk, "role": "lead_authority",
        "responsibilities": "Leads.",
    }, format="json")

    body = assert_error(response, 400)
    assert "reserved to public bodies" in body["errors"]["role"][0]


def test_malformed_json(alice):
    response = alice.generic("POST", "/api/v1/partnerships/", '{"title": ',
                             content_type="application/json")

    assert assert_error(response, 400)["code"] == "parse_error"


def test_not_json(alice):
    response = alice.generic("POST", "/api/v1/partnerships/", "title=x",
                             content_type="application/x-www-form-urlencoded")

    assert assert_error(response, 415)["code"] == "unsupported_media_type"


def test_oversized_body(alice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    payload = json.dumps({"title": "x", "territory": "y", "summary": "z" * 2000})

    response = alice.generic("POST", "/api/v1/partnerships/", payload,
                             content_type="application/json")

    assert assert_error(response, 413)["code"] == "too_large"


def test_unsupported_method_is_405_with_allow(db):
    response = client_for(None).put("/api/v1/partnerships/", {})

    assert assert_error(response, 405)["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_errors_inside_a_list_of_the_body(alice, draft, other_firm):
    response = alice.post("/api/v1/parties/", {
        "partnership": draft.pk, "organisation": other_firm.pk, "role": "co_funder",
        "responsibilities": "Funds.", "contributions": [{"kind": "financial", "amount": "5"},
                                                        {"description": "no kind"}],
    }, format="json")

    assert assert_error(response, 400)["errors"]["contributions"] == {
        "1": {"kind": ["This field is required."]}}


@pytest.mark.parametrize("path", ["/api/v1/partnerships/abc/", "/api/v1/partnerships/1.5/",
                                  "/api/v1/nothing-here/"])
def test_unknown_paths_answer_in_the_json_shape_even_in_debug(client, settings, path):
    settings.DEBUG = True

    response = client.get(path, HTTP_ACCEPT="application/json")

    assert response.status_code == 404
    assert response.json().keys() == {"status", "code", "detail", "errors"}
    assert response.json()["code"] == "not_found"


def test_an_object_that_is_not_there_or_not_for_you_is_not_found(alice, other_body):
    hidden = f.PartnershipFactory(lead_body=other_body)

    for response in (alice.get("/api/v1/partnerships/999999/"),
                     alice.get(f"/api/v1/partnerships/{hidden.pk}/")):
        assert assert_error(response, 404)["code"] == "not_found"


def test_a_write_to_an_unknown_path_answers_404_in_the_json_shape(registry, users):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(users["coordinator"])

    response = client.put("/api/v1/calls/0.5/", {}, format="json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("status", ["suspended", "concluded", "terminated"])
def test_grave_steps_need_a_reason_which_is_kept_and_returned(alice, active, status):
    url = f"/api/v1/partnerships/{active.pk}/transition/"

    refused = alice.post(url, {"status": status}, format="json")
    blank = alice.post(url, {"status": status, "reason": "   "}, format="json")
    done = alice.post(url, {"status": status, "reason": "Audit of the data sharing."}, format="json")

    assert "reason" in assert_error(refused, 400)["errors"]
    assert "reason" in assert_error(blank, 400)["errors"]
    assert done.status_code == 200
    assert done.json()["status_reason"] == "Audit of the data sharing."
    assert done.json()["status_changed_on"]
    assert active.history.first().status_reason == "Audit of the data sharing."
