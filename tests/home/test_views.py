"""What each kind of user finds on the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.choices import Status
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_their_partnerships_reviews_and_recent_changes(
    client_for, body, draft, active
):
    active.next_review_on = timezone.localdate() + datetime.timedelta(days=5)
    active.save()
    f.PartnershipFactory(title="Not ours", lead_body=f.PublicBodyFactory())

    response = client_for("coordinator").get(reverse("home:home"))

    page = response.text
    counts = {row["status"]: row["count"] for row in response.context["by_status"]}
    assert counts[Status.DRAFT] == 1
    assert counts[Status.ACTIVE] == 1
    assert list(response.context["reviews_due"]) == [active]
    assert list(response.context["in_progress"]) == [draft]
    assert "Not ours" not in page
    assert "Recent changes" in page


def test_a_firm_sees_the_partnerships_it_takes_part_in(client_for, draft):
    response = client_for("firm").get(reverse("home:home"))

    assert list(response.context["mine"]) == [draft]


def test_a_visitor_is_pointed_to_the_public_register(client, active):
    page = client.get(reverse("home:home")).text

    assert reverse("partnerships:public_partnership_list") in page
    assert "1 partnership is in force." in page


def test_every_page_has_a_skip_link_a_language_switch_and_a_nonce_on_its_script(client):
    response = client.get(reverse("home:home"))

    page = response.text
    assert 'href="#main"' in page
    assert 'name="language"' in page
    nonce = response.context["csp_nonce"]
    assert f'nonce="{nonce}"' in page
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert " style=" not in page
