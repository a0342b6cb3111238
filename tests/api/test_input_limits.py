"""Input that used to give 500 or be lost: each answers 4xx in the one error shape, and nothing
is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from calls.models import Attachment, ExpressionOfInterest
from partnerships.models import Partnership
from tests.calls import factories as cf
from tests.calls.pdf import small_pdf

from .conftest import client_for
from .test_bad_input import assert_error

pytestmark = pytest.mark.django_db

EOIS = "/api/v1/expressions-of-interest/"


@pytest.fixture
def carol(firm_user):
    return client_for(firm_user)


def pdf_of(size: int) -> bytes:
    """A valid PDF of about ``size`` bytes: an unused stream object pads it (nothing may follow
    the end of the file)."""
    padding = b"x" * max(size - len(small_pdf()) - 80, 0)
    return small_pdf(extra=[b"<< /Length %d >>\nstream\n" % len(padding) + padding
                            + b"\nendstream"])


def test_json_nested_100000_deep_is_400(alice):
    body = "[" * 100_000 + "]" * 100_000

    response = alice.generic("POST", "/api/v1/partnerships/", body,
                             content_type="application/json")

    assert assert_error(response, 400)["code"] == "parse_error"
    assert not Partnership.objects.exists()


def test_json_nested_deeper_than_64_levels_is_400(alice):
    nested = "x"
    for _level in range(70):
        nested = [nested]

    response = alice.post("/api/v1/partnerships/",
                          {"title": "Gare", "territory": "X", "summary": nested}, format="json")

    assert "64" in assert_error(response, 400)["detail"]
    assert not Partnership.objects.exists()


def test_a_nul_in_a_community_group_slug_is_400_on_create(carol, call):
    data = {"call": call.pk, "title": "Night buses", "summary": "Stewards.",
            "offers": [{"kind": "human_resources", "description": "Stewards",
                        "person_days": "96"}],
            "community_groups": ["resi\x00dents"], "contact_name": "Carol",
            "contact_email": "carol@firm.example", "consent": True}

    response = carol.post(EOIS, data, format="json")

    assert "community_groups" in assert_error(response, 400)["errors"]
    assert not ExpressionOfInterest.objects.exists()


def test_a_nul_in_a_community_group_slug_is_400_on_patch(alice, body):
    created = alice.post("/api/v1/partnerships/", {"title": "Gare", "territory": "X"},
                         format="json").json()

    response = alice.patch(f"/api/v1/partnerships/{created['id']}/",
                           {"community_groups": ["\x00"]}, format="json")

    assert "community_groups" in assert_error(response, 400)["errors"]


@pytest.mark.parametrize("query", [
    "community_groups=%00", "q=gare%00", "%00=1", "ordering=title%00", "goal=1%00", "cursor=%00",
])
def test_a_nul_in_a_query_parameter_is_400(alice, query):
    response = alice.get(f"/api/v1/partnerships/?{query}")

    assert assert_error(response, 400)["code"] == "invalid"


def test_a_nul_in_a_multipart_field_is_400(carol, eoi):
    response = carol.post(f"{EOIS}{eoi.pk}/attachments/",
                          {"file": SimpleUploadedFile("offer.pdf", small_pdf()),
                           "note": "a\x00b"},
                          format="multipart")

    assert response.status_code == 400
    assert not Attachment.objects.exists()


def test_a_4_mb_pdf_is_accepted_and_a_6_mb_one_refused_with_413(carol, eoi, settings):
    assert settings.CALLS_ATTACHMENT_MAX_BYTES == 5 * 1024 * 1024
    url = f"{EOIS}{eoi.pk}/attachments/"

    accepted = carol.post(url, {"file": SimpleUploadedFile("offer.pdf", pdf_of(4 * 1024 * 1024))},
                          format="multipart")
    refused = carol.post(url, {"file": SimpleUploadedFile("big.pdf", pdf_of(6 * 1024 * 1024))},
                         format="multipart")

    assert accepted.status_code == 201, accepted.content[:300]
    assert assert_error(refused, 413)["code"] == "too_large"
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["offer.pdf"]


def test_other_routes_keep_the_global_limit(alice, settings):
    body = '{"title": "' + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE + '"}'

    response = alice.generic("POST", "/api/v1/partnerships/", body,
                             content_type="application/json")

    assert_error(response, 413)


@pytest.mark.parametrize("path", ["/api/v1/partnerships/", "/api/v1/calls/"])
def test_anything_beyond_the_largest_route_is_413_before_the_view(alice, settings, path):
    response = alice.generic("POST", path, "x", content_type="application/json",
                             CONTENT_LENGTH=str(settings.REQUEST_BODY_MAX_BYTES + 1))

    assert_error(response, 413)


@pytest.mark.parametrize(("field", "value"), [
    ("starts_on", "9999-12-31"), ("starts_on", "1899-12-31"), ("ends_on", "2201-01-01"),
    ("next_review_on", "0001-01-01"),
])
def test_dates_out_of_range_are_400(alice, field, value):
    response = alice.post("/api/v1/partnerships/",
                          {"title": "Gare", "territory": "X", field: value}, format="json")

    assert field in assert_error(response, 400)["errors"]
    assert not Partnership.objects.exists()


def test_a_call_closing_in_year_9999_is_400(alice):
    response = alice.post("/api/v1/calls/", {
        "title": "Night buses", "description": "Partners.", "territory": "Saint-Denis",
        "contribution_kinds": ["data"], "opens_on": "2026-01-01",
        "closes_at": "9999-12-31T23:59:59+14:00",
    }, format="json")

    assert "closes_at" in assert_error(response, 400)["errors"]


def test_dates_within_range_are_kept(alice):
    response = alice.post("/api/v1/partnerships/", {
        "title": "Gare", "territory": "X", "starts_on": "1900-01-01", "ends_on": "2200-12-31",
    }, format="json")

    assert response.status_code == 201


def test_an_offer_in_an_unknown_currency_is_refused(carol, call):
    response = carol.post(EOIS, {
        "call": call.pk, "title": "Lights", "summary": "Lights.", "contact_name": "Carol",
        "contact_email": "carol@firm.example", "consent": True,
        "offers": [{"kind": "financial", "amount": "10", "currency": "€€€"}],
    }, format="json")

    assert "offers" in assert_error(response, 400)["errors"]
    assert not ExpressionOfInterest.objects.exists()


@pytest.fixture
def call(body):
    return cf.CallFactory(lead_body=body)


@pytest.fixture
def eoi(call, firm, firm_user):
    from calls.choices import EoiStatus

    return cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                         status=EoiStatus.SUBMITTED)
