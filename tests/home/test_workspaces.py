"""Each kind of user finds their work from their home: a firm its submissions by state, the open
calls and its organisation; a coordinator the review queue with its counts; both through the
header too."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from calls.choices import CallStatus, EoiStatus
from tests.access import assert_each_kind_gets, expect
from tests.calls import factories as cf

pytestmark = pytest.mark.django_db

EOI_LIST = reverse("calls:eoi_list")


@pytest.fixture
def submissions(body, other_body, firm, other_firm):
    """Our firm's submissions in several states, the other firm's, and one sent elsewhere."""
    call = cf.CallFactory(lead_body=body, title="Gare de Saint-Denis la nuit")
    for status in (EoiStatus.DRAFT, EoiStatus.SUBMITTED, EoiStatus.SUBMITTED,
                   EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED):
        cf.EoiFactory(call=call, organisation=firm, status=status)
    cf.EoiFactory(call=call, organisation=other_firm, status=EoiStatus.SUBMITTED)
    cf.EoiFactory(call=cf.CallFactory(lead_body=other_body), organisation=firm,
                  status=EoiStatus.UNDER_REVIEW)
    cf.CallFactory(lead_body=body, title="Brouillon", status=CallStatus.DRAFT)
    return call


def counts(page, key):
    return {row["status"]: row["count"] for row in page.context[key]}


def test_every_kind_of_user_has_a_home(client, users):
    assert_each_kind_gets(client, users, reverse("home:home"),
                          expect(200, 200, 200, 200, 200, 200, 200).values())


def test_a_firm_lands_on_its_workspace(client_for, submissions, firm):
    page = client_for("firm").get(reverse("home:home"))

    assert page.templates[0].name == "home/firm_home.html"
    assert counts(page, "submissions") == {
        "draft": 1, "submitted": 2, "under_review": 2, "shortlisted": 1, "accepted": 0,
        "declined": 0, "withdrawn": 0,
    }
    assert f'href="{EOI_LIST}"' in page.text
    assert f'href="{EOI_LIST}?status=submitted"' in page.text
    assert submissions.title in [call.title for call in page.context["open_calls"]]
    assert "Brouillon" not in page.text
    assert firm.get_absolute_url() in page.text
    assert reverse("accounts:membership_list") in page.text


def test_another_firm_sees_only_its_own_counts(client_for, submissions):
    page = client_for("other_firm").get(reverse("home:home"))

    assert counts(page, "submissions")["submitted"] == 1
    assert sum(counts(page, "submissions").values()) == 1


def test_the_coordinators_dashboard_counts_the_review_queue(client_for, submissions):
    page = client_for("coordinator").get(reverse("home:home"))

    assert counts(page, "review_queue") == {"submitted": 3, "under_review": 1, "shortlisted": 1}
    assert f'href="{EOI_LIST}?status=under_review"' in page.text
    assert "Review queue" in page.text


def test_a_coordinator_of_another_body_counts_only_what_was_sent_to_it(client_for, submissions):
    page = client_for("other_coordinator").get(reverse("home:home"))

    assert counts(page, "review_queue") == {"submitted": 0, "under_review": 1, "shortlisted": 0}


@pytest.mark.parametrize("kind, label", [
    ("firm", "Your expressions of interest"),
    ("coordinator", "Review queue"),
    ("analyst", "Expressions of interest"),
])
def test_the_header_leads_to_the_submissions(client_for, kind, label):
    page = client_for(kind).get(reverse("partnerships:public_partnership_list"))

    nav = page.text.split('aria-label="Main"')[1].split("</nav>")[0]
    assert f'<a href="{EOI_LIST}">{label}</a>' in nav
    menu = page.text.split('aria-label="Your account"')[1].split("</nav>")[0]
    for name in ("accounts:notification_list", "accounts:my_data", "calls:eoi_list"):
        assert f'href="{reverse(name)}"' in menu


def test_the_workspace_speaks_french(client_for, submissions):
    client = client_for("firm")
    client.cookies["django_language"] = "fr"

    page = client.get(reverse("home:home"))

    assert "Vos manifestations d’intérêt" in page.text
    assert "Appels à partenaires ouverts" in page.text


def test_the_workspace_costs_the_same_queries_with_more_submissions(
    client_for, submissions, firm
):
    client = client_for("firm")
    client.get(reverse("home:home"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home:home"))
    for _ in range(10):
        cf.EoiFactory(call=submissions, organisation=firm, status=EoiStatus.SUBMITTED)
        cf.CallFactory()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("home:home"))
    assert len(many) == len(few)
