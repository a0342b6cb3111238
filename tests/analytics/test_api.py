"""``/api/v1/stats/``: figures across partnerships, equal to sums computed here in Python from
the demo data's rows, under each user's access rules and the partnership list's filters."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from actors.models import User
from analytics.models import ExchangeRate
from core.access import Action
from goals.choices import IndicatorDirection
from goals.models import Indicator
from partnerships.choices import ContributionKind, Status
from partnerships.models import Contribution, Partnership
from tests import factories as f
from tests.access import KINDS

pytestmark = pytest.mark.django_db

ENDPOINTS = ["partnerships", "contributions", "indicators"]
DEMO_USERS = {
    "anonymous": None, "firm": "firm", "other_firm": "firm-other",
    "other_coordinator": "coordinator-gent", "coordinator": "coordinator", "analyst": "analyst",
    "admin": "admin",
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())
    # Two rates for pounds: the one in force on each partnership's start date applies.
    ExchangeRate.objects.create(currency="GBP", rate_to_eur=Decimal("1.10"),
                                valid_from=datetime.date(2000, 1, 1))
    ExchangeRate.objects.create(currency="GBP", rate_to_eur=Decimal("1.20"),
                                valid_from=datetime.date(2024, 1, 1))
    published = Partnership.objects.filter(status=Status.ACTIVE).order_by("id")
    early, late = published[0], published[1]
    for partnership, day in ((early, datetime.date(2020, 6, 1)), (late, datetime.date(2024, 6, 1))):
        Partnership.objects.filter(pk=partnership.pk).update(starts_on=day)
        f.ContributionFactory(party=partnership.parties.first(), amount=Decimal("1000"),
                              currency="GBP")
    # A currency with no rate: kept per currency, left out of the euros.
    f.ContributionFactory(party=late.parties.first(), amount=Decimal("500"), currency="CHF")
    return {"early": early, "late": late}


def api(username=None) -> APIClient:
    client = APIClient()
    if username:
        client.force_authenticate(User.objects.get(username=username))
    return client


def get(username, endpoint, params=None):
    response = api(username).get(f"/api/v1/stats/{endpoint}/", params or {})
    assert response.status_code == 200, response.content
    return response.json()


def visible(username):
    user = User.objects.get(username=username) if username else None
    from django.contrib.auth.models import AnonymousUser

    return list(Partnership.objects.restrict(user or AnonymousUser(), Action.VIEW))


def seen_by(kind, endpoint):
    """The partnerships the user of ``kind`` may see, and the figures ``endpoint`` gives them."""
    username = DEMO_USERS[kind]
    return visible(username), get(username, endpoint)


def as_counts(rows):
    return {row["key"]: row["count"] for row in rows}


def test_partnership_counts_equal_python_sums_for_each_kind_of_user(demo):
    for kind in KINDS:
        check_partnership_counts(kind)


def check_partnership_counts(kind):
    rows, figures = seen_by(kind, "partnerships")

    assert figures["total"] == len(rows)
    assert as_counts(figures["by_status"]) == Counter(p.status for p in rows)
    assert as_counts(figures["by_city"]) == Counter(p.territory for p in rows)
    assert as_counts(figures["by_year"]) == Counter(
        p.starts_on.year if p.starts_on else None for p in rows
    )
    areas = Counter(area for p in rows for area in {g.area for g in p.goals.all()})
    assert as_counts(figures["by_area"]) == areas
    groups = Counter(group.code for p in rows for group in p.community_groups.all())
    assert as_counts(figures["by_community_group"]) == groups
    published = Partnership.objects.published().count()
    if kind in ("anonymous", "analyst"):
        # Nothing from drafts or negotiations: they stay with their lead body and parties.
        assert figures["total"] == published
    else:
        assert figures["total"] >= published
    if kind in ("coordinator", "admin"):
        assert figures["total"] > published


def expected_contributions(rows, key):
    ids = {p.pk for p in rows}
    rates = list(ExchangeRate.objects.order_by("valid_from"))
    groups = defaultdict(lambda: {"count": 0, "amounts": defaultdict(Decimal), "eur": Decimal(0),
                                  "unconverted": 0, "days": Decimal(0)})
    for contribution in Contribution.objects.filter(party__partnership_id__in=ids).select_related(
        "party__organisation", "party__partnership"
    ):
        group = groups[key(contribution)]
        group["count"] += 1
        group["days"] += contribution.person_days or 0
        if contribution.amount is None:
            continue
        group["amounts"][contribution.currency] += contribution.amount
        partnership = contribution.party.partnership
        day = partnership.starts_on or partnership.created_at.date()
        if contribution.currency == "EUR":
            rate = Decimal(1)
        else:
            in_force = [r for r in rates if r.currency == contribution.currency and r.valid_from <= day]
            rate = in_force[-1].rate_to_eur if in_force else None
        if rate is None:
            group["unconverted"] += 1
        else:
            group["eur"] += contribution.amount * rate
    return groups


def check_group(row, expected):
    assert row["count"] == expected["count"]
    assert {a["currency"]: Decimal(a["amount"]) for a in row["amounts"]} == dict(expected["amounts"])
    assert Decimal(row["amount_eur"]) == expected["eur"].quantize(Decimal("0.01"))
    assert row["unconverted"] == expected["unconverted"]
    assert Decimal(row["person_days"]) == expected["days"]


def test_contribution_totals_equal_python_sums_with_the_rate_of_the_right_date(demo):
    for kind in KINDS:
        check_contribution_totals(kind)


def check_contribution_totals(kind):
    rows, figures = seen_by(kind, "contributions")

    by_kind = expected_contributions(rows, lambda c: c.kind)
    assert {row["key"] for row in figures["by_kind"]} == set(by_kind)
    for row in figures["by_kind"]:
        check_group(row, by_kind[row["key"]])
    by_sector = expected_contributions(rows, lambda c: c.party.organisation.sector)
    for row in figures["by_sector"]:
        check_group(row, by_sector[row["key"]])
    by_city = expected_contributions(rows, lambda c: c.party.partnership.territory)
    assert {row["key"] for row in figures["by_city"]} == set(by_city)
    for row in figures["by_city"]:
        check_group(row, by_city[row["key"]])
    by_year = expected_contributions(rows, lambda c: c.party.partnership.starts_on
                                     and c.party.partnership.starts_on.year)
    assert {row["key"] for row in figures["by_year"]} == set(by_year)
    for row in figures["by_year"]:
        check_group(row, by_year[row["key"]])
    # A contribution counts once in each area of its partnership's goals.
    by_area = defaultdict(dict)
    for area in {goal.area for p in rows for goal in p.goals.all()}:
        in_area = [p for p in rows if area in {goal.area for goal in p.goals.all()}]
        by_area[area] = expected_contributions(in_area, lambda c: "all")["all"]
    assert {row["key"] for row in figures["by_area"]} == {
        area for area, group in by_area.items() if group["count"]
    }
    for row in figures["by_area"]:
        check_group(row, by_area[row["key"]])
    check_group(figures["total"], expected_contributions(rows, lambda c: "all")["all"])


def test_pounds_are_converted_at_the_rate_in_force_on_the_start_date(demo):
    figures = get("analyst", "contributions", {"territory": demo["late"].territory})
    financial = next(row for row in figures["by_kind"] if row["key"] == ContributionKind.FINANCIAL)
    pounds = {a["currency"]: a["amount"] for a in financial["amounts"]}
    assert pounds["GBP"].startswith("1000") or Decimal(pounds["GBP"]) >= 1000
    early = get("analyst", "contributions", {"q": demo["early"].title})
    late = get("analyst", "contributions", {"q": demo["late"].title})
    euros_of = lambda figures: Decimal(figures["total"]["amount_eur"])  # noqa: E731
    eur_only = lambda figures: sum(  # noqa: E731
        (Decimal(a["amount"]) for a in figures["total"]["amounts"] if a["currency"] == "EUR"),
        Decimal(0),
    )
    assert euros_of(early) - eur_only(early) == Decimal("1100.00")  # 2020: 1.10
    assert euros_of(late) - eur_only(late) == Decimal("1200.00")  # 2024: 1.20
    assert late["total"]["unconverted"] == 1  # the francs


def test_indicator_progress_equals_python_counts_for_each_kind_of_user(demo):
    for kind in KINDS:
        check_indicator_progress(kind)


def check_indicator_progress(kind):
    rows, figures = seen_by(kind, "indicators")
    goal_ids = {g.pk for p in rows for g in p.goals.all()}
    expected = defaultdict(Counter)
    for indicator in Indicator.objects.filter(goal_id__in=goal_ids).select_related("goal"):
        latest = indicator.measurements.order_by("-measured_on", "-id").first()
        counts = expected[indicator.goal.area]
        counts["indicators"] += 1
        if latest is None:
            continue
        counts["measured"] += 1
        better = (latest.value > indicator.baseline if indicator.direction == IndicatorDirection.INCREASE
                  else latest.value < indicator.baseline)
        reached = (latest.value >= indicator.target if indicator.direction == IndicatorDirection.INCREASE
                   else latest.value <= indicator.target)
        counts["on_track"] += better
        counts["reached"] += reached
    assert {row["key"] for row in figures["by_area"]} == set(expected)
    for row in figures["by_area"]:
        for name in ("indicators", "measured", "on_track", "reached"):
            assert row[name] == expected[row["key"]][name], (row["key"], name)
        assert row["share_on_track"] == round(row["on_track"] / row["indicators"], 4)


def test_figures_hold_no_personal_data(demo):
    """Figures are counts and sums by codes, cities and labels: no contact of any organisation
    or user reaches them, whoever asks."""
    from actors.models import Organisation

    personal = {value for row in Organisation.objects.values("contact_name", "contact_email",
                                                             "contact_phone")
                for value in row.values() if value}
    personal |= {value for row in User.objects.values("email", "first_name", "last_name")
                 for value in row.values() if value}
    assert personal
    for kind in ("anonymous", "analyst", "admin"):
        for endpoint in ENDPOINTS:
            text = api(DEMO_USERS[kind]).get(f"/api/v1/stats/{endpoint}/").content.decode()
            assert not [value for value in personal if value in text], (kind, endpoint)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_figures_take_the_partnership_lists_filters(demo, endpoint):
    filtered = get("analyst", endpoint, {"territory": "Saint-Denis", "status": "active"})
    listed = api("analyst").get("/api/v1/partnerships/",
                                {"territory": "Saint-Denis", "status": "active"}).json()["results"]
    if endpoint == "partnerships":
        assert filtered["total"] == len(listed)
    assert api("analyst").get(f"/api/v1/stats/{endpoint}/", {"starts_on_after": "2025-13-01"}
                              ).status_code == 400


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_filters_that_match_nothing_give_empty_figures(analyst, endpoint):
    f.PartnershipFactory(status=Status.ACTIVE)
    figures = get_as(analyst, endpoint, {"community_group": "0"})
    if endpoint == "contributions":
        assert figures["total"]["count"] == 0 and figures["by_kind"] == []
    else:
        assert figures["by_area"] == []


def test_index_lists_the_figures_and_the_api_root_lists_every_resource(db):
    index = api().get("/api/v1/stats/").json()
    assert set(index) == set(ENDPOINTS)
    root = api().get("/api/v1/").json()
    for name in ("partnerships", "contributions", "organisations", "goals", "calls", "stats",
                 "expressions-of-interest", "auth/tokens"):
        assert name in root
    assert root["stats"].endswith("/api/v1/stats/")


def test_the_schema_documents_the_figures_and_their_filters(db):
    schema = api().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/stats/contributions/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"territory", "status", "area", "q", "starts_on_after"} <= names


def _partnerships(count):
    body = f.PublicBodyFactory()
    for n in range(count):
        partnership = f.PartnershipFactory(lead_body=body, territory=f"City {n % 4}",
                                           starts_on=datetime.date(2020 + n % 3, 1, 1))
        partnership.goals.add(f.GoalFactory(strategy__owner=body))
        partnership.community_groups.add(f.CommunityGroupFactory())
        party = f.PartyFactory(partnership=partnership)
        f.ContributionFactory(party=party, currency=["EUR", "GBP"][n % 2])
        f.IndicatorFactory(goal=partnership.goals.first())
        Partnership.objects.filter(pk=partnership.pk).update(status=Status.ACTIVE)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_query_budget_does_not_grow_with_the_rows(analyst, endpoint):
    # Partnerships: one grouping of their figures rows by status, city, year and goal areas
    # together, and by community groups; the groups' names. Contributions: one grouping of their
    # figures rows by kind, sector, city, year, currency and goal areas together. Indicators:
    # one grouping. No query for the user: forced.
    budget = {"partnerships": 2, "contributions": 1, "indicators": 1}[endpoint]
    client = APIClient()
    client.force_authenticate(analyst)
    counts = []
    for rows in (3, 30):
        _partnerships(rows if not counts else rows - 3)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/stats/{endpoint}/", {"status": "active"}).status_code == 200
        counts.append(len(queries))
    assert counts == [budget, budget]


def test_rate_edges_and_two_goals_in_one_area(analyst):
    """The rate in force is the latest one valid on or before the day, its first day included;
    a day before a currency's first rate leaves the amount unconverted; a partnership with no
    start date takes the rate of the day it was registered; two goals in one area count once."""
    ExchangeRate.objects.create(currency="GBP", rate_to_eur=Decimal("1.5"),
                                valid_from=datetime.date(2024, 1, 1))
    ExchangeRate.objects.create(currency="GBP", rate_to_eur=Decimal("2"),
                                valid_from=datetime.date(2025, 1, 1))
    body = f.PublicBodyFactory()
    goals = [f.GoalFactory(strategy__owner=body, area="other") for _ in range(2)]
    for starts_on in (datetime.date(2023, 12, 31), datetime.date(2024, 1, 1),
                      datetime.date(2024, 12, 31), datetime.date(2025, 1, 1), None):
        partnership = f.PartnershipFactory(lead_body=body, starts_on=starts_on)
        partnership.goals.set(goals)
        f.ContributionFactory(party__partnership=partnership, amount=Decimal("100"),
                              currency="GBP")
    Partnership.objects.update(status=Status.ACTIVE)

    figures = get_as(analyst, "contributions")
    assert Decimal(figures["total"]["amount_eur"]) == Decimal("150") + 150 + 200 + 200
    assert figures["total"]["unconverted"] == 1
    assert figures["total"]["amounts"] == [{"currency": "GBP", "amount": "500.00"}]
    (area,) = figures["by_area"]
    assert (area["key"], area["count"], area["amount_eur"]) == ("other", 5, "700.00")
    assert get_as(analyst, "partnerships")["by_area"] == [
        {"key": "other", "label": "Other", "count": 5}
    ]


def get_as(user, endpoint, params=None):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(f"/api/v1/stats/{endpoint}/", params or {})
    assert response.status_code == 200, response.content
    return response.json()
