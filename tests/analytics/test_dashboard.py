"""The dashboard page: charts of the figures beside the filters, each with a data table, its data
as CSV and the chart as SVG; analysts see every partnership they may read, a coordinator their
body's."""

import csv
import io

import pytest

from analytics.charts import CHARTS
from partnerships.choices import Status
from partnerships.models import Partnership
from tests import factories as f
from tests.access import assert_each_kind_gets, expect

pytestmark = pytest.mark.django_db

PAGE = "/analytics/"


@pytest.mark.parametrize("url", [PAGE, "/analytics/charts/partnerships-by-city.csv",
                                 "/analytics/charts/partnerships-by-city.svg"])
def test_who_sees_the_dashboard(client, users, url):
    assert_each_kind_gets(client, users, url, expect(302, 403, 403, 200, 200, 200, 200).values())


def test_charts_have_a_text_alternative_and_a_data_table(client, analyst, active):
    client.force_login(analyst)
    page = client.get(PAGE).text
    for name in CHARTS:
        assert f'id="{name}-title"' in page
        assert f"/analytics/charts/{name}.csv" in page and f"/analytics/charts/{name}.svg" in page
    assert 'role="img"' in page and "<desc" in page and "<table>" in page
    assert "<script" not in page.split("<main")[1]


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_filter_by_city_and_download_a_charts_data(client, analyst, body):
    for city in ("Saint-Denis", "Saint-Denis", "Gent"):
        partnership = f.PartnershipFactory(lead_body=body, territory=city)
        partnership.status = Status.ACTIVE
        partnership.save()
    client.force_login(analyst)
    all_rows = _rows(client.get("/analytics/charts/partnerships-by-city.csv"))
    assert all_rows[1:] == [["Saint-Denis", "2"], ["Gent", "1"]]
    filtered = _rows(client.get("/analytics/charts/partnerships-by-city.csv",
                                {"territory": "Gent"}))
    assert filtered[1:] == [["Gent", "1"]]
    page = client.get(PAGE, {"territory": "Gent"}).text
    assert "Gent: 1" in page and "Saint-Denis: 2" not in page
    svg = client.get("/analytics/charts/partnerships-by-city.svg", {"territory": "Gent"})
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content and b"Gent" in svg.content


def test_a_coordinator_sees_their_bodys_partnerships_only(client, coordinator, body, other_body):
    for lead in (body, other_body):
        partnership = f.PartnershipFactory(lead_body=lead, territory=lead.name)
        partnership.status = Status.ACTIVE
        partnership.save()
    f.PartnershipFactory(lead_body=body, territory="Brouillon")  # our draft: ours to count
    client.force_login(coordinator)
    cities = {row[0] for row in _rows(client.get("/analytics/charts/partnerships-by-city.csv"))[1:]}
    assert cities == {body.name, "Brouillon"}


def test_analysts_figures_hold_no_drafts(client, analyst, draft, active):
    client.force_login(analyst)
    statuses = _rows(client.get("/analytics/charts/partnerships-by-status.csv"))[1:]
    assert statuses == [["Active", "1"]]


def test_unknown_chart(client, analyst):
    client.force_login(analyst)
    assert client.get("/analytics/charts/nothing.csv").status_code == 404


def test_dashboard_in_french(client, analyst):
    client.force_login(analyst)
    page = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Chiffres des partenariats" in page


def _active_partnerships(body, count):
    for n in range(count):
        partnership = f.PartnershipFactory(lead_body=body, territory=f"City {n % 3}")
        partnership.goals.add(f.GoalFactory(strategy__owner=body))
        partnership.community_groups.add(f.CommunityGroupFactory())
        f.ContributionFactory(party__partnership=partnership)
    Partnership.objects.update(status=Status.ACTIVE)


@pytest.mark.parametrize("url", [PAGE, "/analytics/charts/contributions-eur-by-sector.csv"])
def test_the_dashboard_reads_as_many_queries_for_3_as_for_30_partnerships(
    client, analyst, body, url
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(analyst)
    counts = []
    for count in (3, 27):
        _active_partnerships(body, count)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
