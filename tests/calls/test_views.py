"""Each page against each kind of user, isolation between firms and bodies, and query budgets."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from calls.choices import CallStatus, EoiStatus
from calls.models import Attachment
from calls.services import attachment_add
from tests import factories as f
from tests.access import EVERYONE, OWN_BODY, SIGNED_IN, assert_each_kind_gets, expect

from . import factories as cf
from .pdf import small_pdf


@pytest.fixture
def attachment(eoi, firm_user):
    return attachment_add(
        actor=firm_user, eoi=eoi,
        uploaded=SimpleUploadedFile("offer.pdf", small_pdf(), content_type="application/pdf"),
    )


@pytest.fixture
def routes(call, eoi, attachment):
    return {
        "call_list": reverse("calls:call_list"),
        "call_detail": reverse("calls:call_detail", args=[call.pk]),
        "call_create": reverse("calls:call_create"),
        "call_edit": reverse("calls:call_edit", args=[call.pk]),
        "eoi_list": reverse("calls:eoi_list"),
        "eoi_detail": reverse("calls:eoi_detail", args=[eoi.pk]),
        "eoi_edit": reverse("calls:eoi_edit", args=[eoi.pk]),
        "eoi_create_for_call": reverse("calls:eoi_create_for_call", args=[call.pk]),
        "attachment_download": reverse("calls:attachment_download", args=[attachment.uuid]),
    }


# What each kind of user gets on a GET of each page; 302 is the way to the sign-in page.
EXPECTED = {
    #                            anonymous firm other_firm other_coord coord analyst admin
    "call_list":           EVERYONE,
    "call_detail":         EVERYONE,
    "call_create":         expect(302, 403, 403, 200, 200, 403, 403),
    "call_edit":           OWN_BODY,
    "eoi_list":            SIGNED_IN,
    "eoi_detail":          expect(302, 200, 404, 404, 200, 200, 200),
    "eoi_edit":            expect(302, 200, 404, 404, 403, 403, 200),
    "eoi_create_for_call": expect(302, 200, 200, 403, 403, 403, 403),
    "attachment_download": expect(302, 200, 404, 404, 200, 404, 200),
}


@pytest.mark.parametrize("route", list(EXPECTED))
def test_each_kind_of_user_on_each_page(client, users, routes, route):
    assert_each_kind_gets(client, users, routes[route], EXPECTED[route])


def test_a_firm_never_sees_another_firms_submission(client, eoi, other_eoi, firm_user,
                                                    attachment):
    client.force_login(firm_user)
    listing = client.get(reverse("calls:eoi_list")).text
    assert eoi.title in listing and other_eoi.title not in listing
    assert client.get(reverse("calls:eoi_detail", args=[other_eoi.pk])).status_code == 404
    for name in ("calls:eoi_withdraw", "calls:eoi_submit", "calls:attachment_upload"):
        assert client.post(reverse(name, args=[other_eoi.pk])).status_code == 404

    other_attachment = attachment_add(
        actor=other_eoi.submitted_by, eoi=other_eoi,
        uploaded=SimpleUploadedFile("secret.pdf", small_pdf("Secret")),
    )
    url = reverse("calls:attachment_download", args=[other_attachment.uuid])
    assert client.get(url).status_code == 404
    response = client.post(reverse("calls:attachment_delete", args=[other_attachment.uuid]))
    assert response.status_code == 404
    assert Attachment.objects.filter(pk=other_attachment.pk).exists()


def test_a_coordinator_never_sees_what_was_sent_to_another_body(
    client, eoi, other_call, other_firm, other_coordinator, coordinator
):
    elsewhere = cf.EoiFactory(call=other_call, organisation=other_firm,
                              status=EoiStatus.SUBMITTED, title="Gent nightlife offer")
    client.force_login(coordinator)
    listing = client.get(reverse("calls:eoi_list")).text
    assert eoi.title in listing and "Gent nightlife offer" not in listing
    assert client.get(reverse("calls:eoi_detail", args=[elsewhere.pk])).status_code == 404
    response = client.post(reverse("calls:eoi_decline", args=[elsewhere.pk]), {"reason": "No."})
    assert response.status_code == 404
    response = client.post(reverse("calls:call_close", args=[other_call.pk]))
    assert response.status_code == 403
    other_call.refresh_from_db()
    assert other_call.status == CallStatus.OPEN


def test_coordinators_never_see_drafts(client, call, firm, coordinator):
    draft = cf.EoiFactory(call=call, organisation=firm, status=EoiStatus.DRAFT,
                          title="Half-written idea")
    client.force_login(coordinator)
    assert "Half-written idea" not in client.get(reverse("calls:eoi_list")).text
    assert client.get(reverse("calls:eoi_detail", args=[draft.pk])).status_code == 404


def test_analysts_read_submissions_without_personal_data_or_review_notes(
    client, eoi, analyst, coordinator
):
    client.force_login(coordinator)
    client.post(reverse("calls:eoi_comment", args=[eoi.pk]), {"text": "Strong local roots."})
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert "carol.contact@firm.example" in response.text
    assert "Strong local roots." in response.text

    client.force_login(analyst)
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert eoi.title in response.text
    for secret in ("carol.contact@firm.example", "Carol Firm", eoi.contact_phone,
                   "Strong local roots."):
        assert secret not in response.text


def test_the_firm_does_not_see_review_notes_nor_review_buttons(client, eoi, firm_user,
                                                               coordinator):
    client.force_login(coordinator)
    client.post(reverse("calls:eoi_comment", args=[eoi.pk]), {"text": "Price seems high."})
    client.force_login(firm_user)
    response = client.post(reverse("calls:eoi_comment", args=[eoi.pk]), {"text": "Hello"})
    assert response.status_code == 403
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert "Price seems high." not in response.text
    assert "Start the review" not in response.text
    assert client.post(reverse("calls:eoi_shortlist", args=[eoi.pk])).status_code == 403
    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.SUBMITTED


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["anonymous", "coordinator"])
def test_the_call_list_costs_the_same_for_3_and_30_calls(client, body, users, kind):
    if users[kind]:
        client.force_login(users[kind])
    cf.CallFactory.create_batch(3, lead_body=body)
    few = _count_queries(client, reverse("calls:call_list"))
    cf.CallFactory.create_batch(27, lead_body=body)
    assert _count_queries(client, reverse("calls:call_list")) == few


def test_the_call_list_query_budget(client, body, django_assert_num_queries):
    cf.CallFactory.create_batch(30, lead_body=body)
    # the count of rows, the lead-body and goal filter choices, the page of calls with their
    # lead bodies, and their goals
    with django_assert_num_queries(5):
        client.get(reverse("calls:call_list"))


@pytest.mark.parametrize("kind", ["firm", "coordinator", "analyst"])
def test_the_expression_of_interest_list_costs_the_same_for_3_and_30(
    client, call, firm, users, kind
):
    client.force_login(users[kind])

    def make(n):
        for eoi in cf.EoiFactory.create_batch(n, call=call, organisation=firm,
                                              status=EoiStatus.SUBMITTED):
            cf.OfferFactory.create_batch(2, expression_of_interest=eoi)

    make(3)
    few = _count_queries(client, reverse("calls:eoi_list"))
    make(27)
    assert _count_queries(client, reverse("calls:eoi_list")) == few


def test_the_review_queue_filters_and_searches(client, call, firm, other_firm, coordinator):
    cf.EoiFactory(call=call, organisation=firm, status=EoiStatus.SUBMITTED, title="Streetlamps")
    cf.EoiFactory(call=call, organisation=other_firm, status=EoiStatus.SHORTLISTED,
                  title="Wardens")
    client.force_login(coordinator)
    url = reverse("calls:eoi_list")
    assert "Wardens" not in client.get(url, {"status": "submitted"}).text
    assert "Streetlamps" not in client.get(url, {"q": "wardens"}).text
    assert "Streetlamps" in client.get(url, {"organisation": firm.pk}).text


def test_unverified_organisations_are_flagged_to_reviewers(client, eoi, firm, coordinator):
    firm.verification_status = "unverified"
    firm.save()
    client.force_login(coordinator)
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert "verify it on its page before accepting" in response.text


def test_the_accept_form_offers_only_partnerships_of_the_receiving_body(
    client, eoi, coordinator, draft
):
    elsewhere = f.PartnershipFactory(title="Somewhere else entirely")
    client.force_login(coordinator)
    client.post(reverse("calls:eoi_start_review", args=[eoi.pk]))
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert draft.title in response.text
    assert elsewhere.title not in response.text
    response = client.post(reverse("calls:eoi_accept", args=[eoi.pk]), {
        "partnership": elsewhere.pk, "role": "service_provider", "responsibilities": "x",
    })
    assert response.status_code == 400
    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.UNDER_REVIEW


def test_staff_read_the_history_of_a_call_and_of_a_submission(client, call, eoi, coordinator,
                                                              firm_user, analyst):
    client.force_login(coordinator)
    client.post(reverse("calls:eoi_start_review", args=[eoi.pk]))
    response = client.get(reverse("calls:eoi_history", args=[eoi.pk]))
    assert response.status_code == 200
    assert "Under review" in response.text
    assert "carol.contact@firm.example" not in response.text
    assert client.get(reverse("calls:call_history", args=[call.pk])).status_code == 200

    client.force_login(analyst)
    assert client.get(reverse("calls:eoi_history", args=[eoi.pk])).status_code == 200
    client.force_login(firm_user)
    assert client.get(reverse("calls:eoi_history", args=[eoi.pk])).status_code == 403


def test_a_call_past_its_deadline_is_closed_before_the_task_closes_it(client, call, firm_user):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()

    assert call.title not in client.get(reverse("calls:call_list")).text
    client.force_login(firm_user)
    response = client.get(reverse("calls:eoi_create_for_call", args=[call.pk]), follow=True)
    assert "not open for expressions of interest" in response.text
