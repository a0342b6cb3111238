"""The calls and expressions-of-interest API: the whole flow with tokens, each kind of user on
each endpoint, isolation, personal data, attachments and query budgets."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken
from rest_framework.test import APIClient

from actors.choices import VerificationStatus
from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from calls.services import attachment_add, call_update
from core.api.readcache import ALIAS
from partnerships.models import Party
from tests import factories as f
from tests.access import KINDS
from tests.api.openapi import assert_matches_schema, openapi_document

from . import factories as cf
from .conftest import EOIS, accept_by_api, assert_refused_and_still_under_review
from .pdf import EXECUTABLE, small_pdf

CALLS = "/api/v1/calls/"
PERSONAL = {"contact_name", "contact_email", "contact_phone", "consent_given_at"}
UNKNOWN_CURRENCY = "Use the three-letter ISO 4217 code of the currency, e.g. EUR."


def token_client(user) -> APIClient:
    """A client speaking as ``user`` the way scripts do: ``Authorization: Token <key>``."""
    client = APIClient()
    if user is not None:
        _, key = AuthToken.objects.create(user=user, expiry=None)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api(users):
    return lambda kind: token_client(users[kind])


def new_eoi(call, **changes):
    data = {
        "call": call.pk,
        "title": "Night buses with stewards",
        "summary": "Two stewards on the night buses, Friday and Saturday.",
        "expectations": "Shared incident data.",
        "offers": [{"kind": "human_resources", "description": "Stewards", "person_days": "96"}],
        "community_groups": [],
        "contact_name": "Carol Firm",
        "contact_email": "carol.contact@firm.example",
        "contact_phone": "+33 6 11 22 33 44",
        "consent": True,
    }
    data.update(changes)
    return data


def test_the_whole_flow_through_the_api(api, call, firm, coordinator, draft,
                                        django_capture_on_commit_callbacks):
    firm_api, coordinator_api = api("firm"), api("coordinator")

    response = firm_api.post(EOIS, new_eoi(call), format="json")
    assert response.status_code == 201, response.json()
    eoi_id = response.json()["id"]
    assert response.json()["status"] == EoiStatus.DRAFT
    assert response.json()["offers"][0]["person_days"] == "96.0"

    with django_capture_on_commit_callbacks(execute=True):
        response = firm_api.post(f"{EOIS}{eoi_id}/submit/")
    assert response.json()["status"] == EoiStatus.SUBMITTED
    assert coordinator.email in [m.to[0] for m in mail.outbox]

    response = coordinator_api.get(EOIS)
    assert [row["id"] for row in response.json()["results"]] == [eoi_id]
    response = coordinator_api.post(f"{EOIS}{eoi_id}/comments/", {"text": "Check insurance."})
    assert response.status_code == 201
    coordinator_api.post(f"{EOIS}{eoi_id}/start-review/")
    response = accept_by_api(coordinator_api, eoi_id, draft, "service_provider",
                             "Stewards on the night buses.")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == EoiStatus.ACCEPTED
    party = Party.objects.get(partnership=draft, organisation=firm, role="service_provider")
    assert party.contributions.get().person_days == 96

    response = firm_api.get(f"{EOIS}{eoi_id}/")
    assert response.json()["status"] == EoiStatus.ACCEPTED
    assert "Check insurance." not in response.text
    assert firm_api.get(f"{EOIS}{eoi_id}/comments/").status_code == 403


def test_an_unverified_firm_is_refused_with_the_partnership_rules_message(api, eoi, firm, draft):
    firm.verification_status = VerificationStatus.UNVERIFIED
    firm.save()
    coordinator_api = api("coordinator")
    coordinator_api.post(f"{EOIS}{eoi.pk}/start-review/")

    response = accept_by_api(coordinator_api, eoi.pk, draft, "service_provider", "Patrols.")

    assert_refused_and_still_under_review(response, "is not a verified organisation", eoi)


def test_an_offer_in_an_unknown_currency_is_refused_on_its_field(api, call):
    offers = [{"kind": "financial", "amount": "40000", "currency": "€€€"}]

    response = api("firm").post(EOIS, new_eoi(call, offers=offers), format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"offers": {"0": {"currency": [UNKNOWN_CURRENCY]}}}
    assert not ExpressionOfInterest.objects.exists()


def test_an_offer_currency_is_kept_in_capitals(api, call):
    offers = [{"kind": "financial", "amount": "40000", "currency": "chf"}]

    response = api("firm").post(EOIS, new_eoi(call, offers=offers), format="json")

    assert response.status_code == 201
    assert response.json()["offers"][0]["currency"] == "CHF"


def test_a_spontaneous_expression_of_interest_names_its_body_as_body(api, call, body):
    data = new_eoi(call, body=body.pk)
    del data["call"]

    response = api("firm").post(EOIS, data, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["body"]["id"] == body.pk
    assert ExpressionOfInterest.objects.get().public_body == body


def test_a_missing_body_is_refused_under_the_input_s_name(api, call):
    data = new_eoi(call)
    del data["call"]

    response = api("firm").post(EOIS, data, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"body": ["Choose the public body you address."]}
    assert not ExpressionOfInterest.objects.exists()


def test_a_decline_needs_a_reason_in_the_one_error_shape(api, eoi):
    response = api("coordinator").post(f"{EOIS}{eoi.pk}/decline/", {}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"status", "code", "detail", "errors"}
    assert "reason" in response.json()["errors"]


# GET on each endpoint: what each kind of user gets.
READS = {
    #                     anonymous firm other_firm other_coord coord analyst admin
    "calls":             (200, 200, 200, 200, 200, 200, 200),
    "call":              (200, 200, 200, 200, 200, 200, 200),
    "draft_call":        (404, 404, 404, 404, 200, 404, 200),
    "eois":              (401, 200, 200, 200, 200, 200, 200),
    "eoi":               (401, 200, 404, 404, 200, 200, 200),
    "comments":          (401, 403, 404, 404, 200, 403, 200),
    "attachment":        (401, 200, 404, 404, 200, 404, 200),
}


@pytest.fixture
def endpoints(call, body, eoi, firm_user):
    draft_call = cf.CallFactory(lead_body=body, status="draft")
    attachment = attachment_add(actor=firm_user, eoi=eoi,
                                uploaded=SimpleUploadedFile("a.pdf", small_pdf()))
    return {
        "calls": CALLS,
        "call": f"{CALLS}{call.pk}/",
        "draft_call": f"{CALLS}{draft_call.pk}/",
        "eois": EOIS,
        "eoi": f"{EOIS}{eoi.pk}/",
        "comments": f"{EOIS}{eoi.pk}/comments/",
        "attachment": f"{EOIS}{eoi.pk}/attachments/{attachment.uuid}/",
    }


@pytest.mark.parametrize("endpoint", list(READS))
def test_each_kind_of_user_reads_each_endpoint(api, endpoints, endpoint):
    for kind, expected in zip(KINDS, READS[endpoint], strict=True):
        response = api(kind).get(endpoints[endpoint])
        assert response.status_code == expected, f"{endpoint} as {kind}"


# Writes: who may create a call, create an expression of interest, and act on the firm's one.
WRITES = {
    #                     anonymous firm other_firm other_coord coord analyst admin
    "create_call":       (401, 403, 403, 201, 201, 403, 400),
    "create_eoi":        (401, 201, 201, 403, 403, 403, 403),
    "edit_eoi":          (401, 200, 404, 404, 403, 403, 200),
    "withdraw_eoi":      (401, 200, 404, 404, 403, 403, 200),
    "shortlist_eoi":     (401, 403, 404, 404, 200, 403, 200),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_each_kind_of_user_on_each_write(api, users, call, firm, firm_user, write):
    for kind, expected in zip(KINDS, WRITES[write], strict=True):
        eoi = cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                            status=EoiStatus.SUBMITTED)
        cf.OfferFactory(expression_of_interest=eoi)
        client = api(kind)
        if write == "create_call":
            response = client.post(CALLS, {
                "title": "Call", "description": "We look for partners.", "territory": "X",
                "contribution_kinds": ["expertise"], "opens_on": "2026-01-01",
                "closes_at": "2099-01-01T12:00:00Z",
            }, format="json")
        elif write == "create_eoi":
            response = client.post(EOIS, new_eoi(call), format="json")
        elif write == "edit_eoi":
            response = client.patch(f"{EOIS}{eoi.pk}/", {"title": "Changed"}, format="json")
        else:
            action = write.removesuffix("_eoi")
            response = client.post(f"{EOIS}{eoi.pk}/{action}/")
        assert response.status_code == expected, f"{write} as {kind}: {response.content[:300]}"


def test_analysts_see_submissions_without_personal_data(api, eoi, firm_user):
    attachment_add(actor=firm_user, eoi=eoi, uploaded=SimpleUploadedFile("a.pdf", small_pdf()))
    analyst_api = api("analyst")

    listing = analyst_api.get(EOIS).json()["results"]
    detail = analyst_api.get(f"{EOIS}{eoi.pk}/").json()
    export = analyst_api.get(f"{EOIS}export.csv")

    assert listing[0]["title"] == eoi.title
    assert not PERSONAL & set(listing[0])
    assert not (PERSONAL | {"attachments"}) & set(detail)
    content = b"".join(export.streaming_content).decode()
    assert eoi.title in content and "carol.contact@firm.example" not in content

    coordinator_detail = api("coordinator").get(f"{EOIS}{eoi.pk}/").json()
    assert coordinator_detail["contact_email"] == "carol.contact@firm.example"
    assert len(coordinator_detail["attachments"]) == 1


def test_a_firm_never_sees_another_firms_submissions(api, eoi, other_eoi):
    firm_api = api("firm")

    ids = [row["id"] for row in firm_api.get(EOIS).json()["results"]]
    by_filter = firm_api.get(EOIS, {"organisation": other_eoi.organisation_id}).json()

    assert ids == [eoi.pk]
    assert by_filter["results"] == []
    assert firm_api.get(f"{EOIS}{other_eoi.pk}/").status_code == 404
    assert firm_api.post(f"{EOIS}{other_eoi.pk}/withdraw/").status_code == 404
    assert firm_api.delete(f"{EOIS}{other_eoi.pk}/").status_code == 404
    other_eoi.refresh_from_db()
    assert other_eoi.status == EoiStatus.SUBMITTED


def test_a_coordinator_never_sees_what_was_sent_to_another_body(api, eoi, other_call, other_firm):
    elsewhere = cf.EoiFactory(call=other_call, organisation=other_firm,
                              status=EoiStatus.SUBMITTED)
    coordinator_api = api("coordinator")

    ids = [row["id"] for row in coordinator_api.get(EOIS).json()["results"]]

    assert ids == [eoi.pk]
    assert coordinator_api.get(f"{EOIS}{elsewhere.pk}/").status_code == 404
    assert coordinator_api.post(f"{EOIS}{elsewhere.pk}/decline/", {"reason": "No"},
                                format="json").status_code == 404
    assert coordinator_api.post(f"{CALLS}{other_call.pk}/close/").status_code == 403


def test_attachments_through_the_api(api, eoi, other_eoi):
    firm_api = api("firm")
    url = f"{EOIS}{eoi.pk}/attachments/"

    accepted = firm_api.post(url, {"file": SimpleUploadedFile("offer.pdf", small_pdf())},
                             format="multipart")
    refused = firm_api.post(url, {"file": SimpleUploadedFile("setup.pdf", EXECUTABLE)},
                            format="multipart")
    empty = firm_api.post(url, {"file": SimpleUploadedFile("empty.pdf", b"")},
                          format="multipart")

    assert accepted.status_code == 201
    assert refused.status_code == 400
    assert "Only PDF documents are accepted" in str(refused.json()["errors"])
    assert empty.status_code == 400
    download = firm_api.get(accepted.json()["download"])
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    other_url = f"{EOIS}{other_eoi.pk}/attachments/{accepted.json()['id']}/"
    assert api("other_firm").get(accepted.json()["download"]).status_code == 404
    assert firm_api.get(other_url).status_code == 404
    assert api("other_firm").post(
        url, {"file": SimpleUploadedFile("x.pdf", small_pdf())}, format="multipart"
    ).status_code == 404


def _queries(client, url):
    caches[ALIAS].clear()  # the token looked for each time: the calls' writes keep no version
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_calls_endpoint_costs_the_same_for_3_and_30(api, body):
    client = api("anonymous")
    for call in cf.CallFactory.create_batch(3, lead_body=body):
        call.goals.add(cf.f.GoalFactory())
    few = _queries(client, CALLS)
    cf.CallFactory.create_batch(27, lead_body=body)
    assert _queries(client, CALLS) == few


@pytest.mark.parametrize("kind", ["firm", "coordinator", "analyst"])
def test_the_expressions_of_interest_endpoint_costs_the_same_for_3_and_30(
    api, call, firm, kind
):
    client = api(kind)

    def make(n):
        for eoi in cf.EoiFactory.create_batch(n, call=call, organisation=firm,
                                              status=EoiStatus.SUBMITTED):
            cf.OfferFactory.create_batch(2, expression_of_interest=eoi)

    make(3)
    few = _queries(client, EOIS)
    make(27)
    assert _queries(client, EOIS) == few


def test_a_call_cannot_take_another_body_s_goal(api, call, coordinator, other_body):
    """Through the API and the service alike (the page's form offers only the body's goals)."""
    foreign = f.GoalFactory(strategy=f.StrategyFactory(owner=other_body))

    response = api("coordinator").patch(f"/api/v1/calls/{call.pk}/", {"goals": [foreign.pk]},
                                        format="json")
    with pytest.raises(ValidationError) as refused:
        call_update(actor=coordinator, call=call, goals=[foreign])

    assert response.status_code == 400
    assert "goals" in response.json()["errors"] and "goals" in refused.value.message_dict
    assert not call.goals.exists()


def test_every_action_answers_as_documented(api, call, eoi, other_eoi, draft):
    """Each custom action's success, as the OpenAPI document describes it (schemathesis rarely
    reaches these with random data)."""
    document = openapi_document()
    firm_api, coordinator_api = api("firm"), api("coordinator")
    draft_call = cf.CallFactory(lead_body=call.lead_body, status="draft")
    created = firm_api.post(EOIS, new_eoi(call, contact_email=""), format="json")
    new = created.json()["id"]
    item = "/api/v1/expressions-of-interest/{id}/"
    answers = [
        (created, "/api/v1/expressions-of-interest/"),
        (firm_api.post(f"{EOIS}{new}/attachments/",
                       {"file": SimpleUploadedFile("offer.pdf", small_pdf())},
                       format="multipart"), f"{item}attachments/"),
        (firm_api.post(f"{EOIS}{new}/submit/"), f"{item}submit/"),
        (firm_api.post(f"{EOIS}{new}/withdraw/"), f"{item}withdraw/"),
        (coordinator_api.post(f"{EOIS}{eoi.pk}/comments/", {"text": "Insurance?"}),
         f"{item}comments/"),
        (coordinator_api.post(f"{EOIS}{eoi.pk}/start-review/"), f"{item}start-review/"),
        (coordinator_api.post(f"{EOIS}{eoi.pk}/shortlist/"), f"{item}shortlist/"),
        (coordinator_api.post(f"{EOIS}{eoi.pk}/accept/", {
            "partnership": draft.pk, "role": "service_provider", "responsibilities": "Lamps."},
            format="json"), f"{item}accept/"),
        (coordinator_api.post(f"{EOIS}{other_eoi.pk}/decline/", {"reason": "Out of scope."},
                              format="json"), f"{item}decline/"),
        (coordinator_api.post(f"/api/v1/calls/{draft_call.pk}/publish/"),
         "/api/v1/calls/{id}/publish/"),
        (coordinator_api.post(f"/api/v1/calls/{draft_call.pk}/close/"),
         "/api/v1/calls/{id}/close/"),
    ]

    for response, path in answers:
        assert response.status_code in (200, 201), (path, response.content[:300])
        assert_matches_schema(document, response, path, "POST")
