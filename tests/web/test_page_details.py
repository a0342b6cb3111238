"""Details of the pages that readers noticed: dates that say what they mean, sentences that end
once, filters that say "Any", consent that names who gets the data, messages a screen reader
announces, and a review queue that fits the window."""

import datetime

import pytest
from django.contrib.messages import constants as message_levels
from django.urls import reverse
from django.utils import timezone

from calls.choices import EoiStatus
from partnerships.choices import Status
from tests import factories as f
from tests.calls import factories as cf

from ..conftest import make_activatable


@pytest.fixture
def eoi(body, firm, firm_user):
    eoi = cf.EoiFactory(call=cf.CallFactory(lead_body=body), organisation=firm,
                        submitted_by=firm_user, status=EoiStatus.SUBMITTED)
    cf.OfferFactory(expression_of_interest=eoi)
    return eoi


@pytest.fixture
def activated_ahead(body):
    """An agreement activated today for a period that starts next year."""
    partnership = make_activatable(f.PartnershipFactory(title="Marché de Noël", lead_body=body))
    partnership.status = Status.ACTIVE
    partnership.activated_at = timezone.now()
    partnership.starts_on = timezone.localdate() + datetime.timedelta(days=40)
    partnership.save()
    return partnership


def test_a_partnership_activated_ahead_of_its_period_says_when_it_starts(client, activated_ahead):
    page = client.get(reverse("partnerships:public_partnership_detail", args=[activated_ahead.pk]))

    text = page.content.decode()
    assert "In force since" not in text
    assert "Starts on " in text


def test_a_partnership_whose_period_has_started_is_in_force(client, active):
    active.activated_at = timezone.make_aware(datetime.datetime(2026, 1, 5, 10, 0))
    active.starts_on = datetime.date(2026, 2, 1)
    active.save()

    page = client.get(reverse("partnerships:public_partnership_detail", args=[active.pk]))

    assert "In force since Feb. 1, 2026." in page.content.decode()


def test_the_deadline_of_a_call_is_not_followed_by_a_second_full_stop(client_for, body):
    call = cf.CallFactory(lead_body=body, closes_at=timezone.make_aware(
        datetime.datetime(2027, 1, 14, 18, 0)))

    for language in ("en", "fr"):
        client = client_for("firm")
        client.cookies["django_language"] = language
        page = client.get(reverse("calls:eoi_create_for_call", args=[call.pk]))
        assert page.status_code == 200
        text = page.content.decode()
        assert ".." not in text.replace("...", "")
        assert "2027" in text


def test_a_yes_or_no_filter_offers_any_yes_and_no(client_for):
    page = client_for("coordinator").get(reverse("calls:eoi_list"))

    spontaneous = page.context["filter_form"]["spontaneous"]
    assert [str(label) for _value, label in spontaneous.field.widget.choices] == ["Any", "Yes", "No"]
    assert "Unknown" not in str(spontaneous)


def test_the_consent_names_who_receives_the_contact_data_and_why(client_for, body):
    call = cf.CallFactory(lead_body=body)

    page = client_for("firm").get(reverse("calls:eoi_create_for_call", args=[call.pk]))

    consent = str(page.context["form"]["consent"])
    text = page.content.decode()
    assert "coordinators of the public body" in text
    assert "not published" in text
    assert 'name="consent"' in consent


def test_the_review_queue_scrolls_within_a_labelled_region(client_for, eoi):
    page = client_for("coordinator").get(reverse("calls:eoi_list"))

    text = page.content.decode()
    assert 'class="table-scroll" role="region" aria-labelledby="eoi-table-caption" tabindex="0"' \
        in text
    assert 'id="eoi-table-caption"' in text


def test_confirmations_are_announced_and_refusals_are_alerts(client_for, eoi):
    client = client_for("firm")
    eoi.status = EoiStatus.DRAFT
    eoi.save()

    done = client.post(reverse("calls:eoi_submit", args=[eoi.pk]), follow=True)
    refused = client.post(reverse("calls:eoi_submit", args=[eoi.pk]), follow=True)

    for page in (done, refused):
        text = page.content.decode()
        assert 'role="status" aria-live="polite"' in text
    assert [m.level for m in done.context["messages"]] == [message_levels.SUCCESS]
    assert 'role="alert"' in refused.content.decode()
