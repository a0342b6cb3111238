"""The compliance scorecard of a partnership and of a lead body."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goals.models import Measurement
from partnerships import services
from partnerships.choices import DocumentKind, Status
from partnerships.compliance import POINTS, scorecard, scorecard_queryset
from partnerships.models import Partnership
from tests import factories as f
from tests.access import assert_each_kind_gets
from tests.calls.pdf import small_pdf
from tests.conftest import make_activatable

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)


def _card(partnership):
    return scorecard(scorecard_queryset(Partnership.objects.filter(pk=partnership.pk)).get(),
                     today=TODAY)


@pytest.fixture
def exemplary(active, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    goal = f.GoalFactory()
    indicator = f.IndicatorFactory(goal=goal, baseline_on=datetime.date(2025, 1, 1),
                                   target_on=datetime.date(2026, 1, 1))
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 4, 1), value=1)
    active.goals.add(goal)
    active.next_review_on = datetime.date(2025, 9, 1)
    active.save()
    services.document_add(
        actor=coordinator, partnership=active, kind=DocumentKind.SIGNED_AGREEMENT,
        title="Convention", issued_on=TODAY, language="fr", visibility="public",
        uploaded=SimpleUploadedFile("c.pdf", small_pdf()),
    )
    return active


def test_a_partnership_that_keeps_every_rule_meets_every_point(exemplary):
    card = _card(exemplary)

    assert card.points == {code: True for code, _l, _m in POINTS}
    assert (card.met, card.applicable) == (7, 7)


def test_each_gap_is_a_point_not_met(active):
    # Activation now needs a goal; one unlinked since (in the database) is a gap the card shows.
    active.goals.clear()
    card = _card(active)

    assert card.points["public_lead"] and card.points["required_rules"]
    assert card.points["whole_community"]
    assert card.points["strategy_goals"] is False
    assert card.points["indicators_measured"] is False
    assert card.points["reviews_kept"] is False
    assert card.points["agreement_published"] is False


def test_review_dates_do_not_apply_to_closed_partnerships(active):
    active.status = Status.CONCLUDED
    active.save()

    assert _card(active).points["reviews_kept"] is None
    assert _card(active).applicable == 6


def test_a_measurement_outside_the_indicators_period_does_not_count(exemplary):
    measurement = Measurement.objects.get()
    measurement.measured_on = datetime.date(2024, 1, 1)
    measurement.save()

    assert _card(exemplary).points["indicators_measured"] is False


def test_public_pages_show_the_scorecards_and_what_each_point_means(client, exemplary):
    page = client.get(reverse("partnerships:public_partnership_detail", args=[exemplary.pk])).text
    body_page = client.get(reverse("actors:organisation_detail", args=[exemplary.lead_body_id])).text

    assert "Compliance with the manifesto" in page
    assert "The signed agreement is filed as a public document." in page
    assert "Compliance of the partnerships it leads" in body_page


def test_the_open_data_holds_the_scorecards(client, users, exemplary, draft):
    url = reverse("opendata:compliance")
    assert_each_kind_gets(client, users, url, [200] * 7)

    data = json.loads(b"".join(client.get(url).streaming_content))

    assert [p["title"] for p in data["partnerships"]] == [exemplary.title]
    assert set(data["points"]) == {code for code, _l, _m in POINTS}
    (body,) = data["bodies"]
    assert body["name"] == exemplary.lead_body.name
    assert body["points"]["required_rules"] == {"met": 1, "applicable": 1}


def test_the_scorecards_cost_the_same_queries_for_3_or_30_partnerships(client, body):
    def add(n):
        for _ in range(n):
            partnership = make_activatable(f.PartnershipFactory(lead_body=body))
            partnership.goals.add(f.GoalFactory())
            partnership.status = Status.ACTIVE
            partnership.save()

    url = reverse("opendata:compliance")
    add(3)
    with CaptureQueriesContext(connection) as three:
        b"".join(client.get(url).streaming_content)
    add(27)
    with CaptureQueriesContext(connection) as thirty:
        b"".join(client.get(url).streaming_content)

    assert len(thirty) == len(three)
