"""Figures across partnerships, computed by the database (GROUP BY), a fixed number of queries
whatever the number of rows.

Every function takes ``partnerships``: a queryset of the partnerships a reader may see
(``restrict(user, "view")``), already filtered by the partnership list's FilterSet. Parties,
contributions and indicators are counted through those partnerships only, so the figures follow
the same access rules and the same filters as the list.

Definitions (the README's "Analysts" section repeats them):

- City: the partnership's territory. Year: the year its agreement starts (``None``: no start
  date yet).
- Goal area: a partnership counts once in each area of the goals it works towards; one with
  goals in two areas counts in both, so the areas may add up to more than the total.
- Euros: a financial contribution is converted at the rate in force on its partnership's start
  date (the administrator's table of rates: the latest ``valid_from`` on or before that day), or
  on the day the partnership was registered when it has no start date. An amount with no rate
  for that day is left out of the euro total and counted in ``unconverted``.
- Indicators: those of the goals the partnerships work towards. An indicator is *on track* when
  its latest measurement is better than its baseline in the indicator's direction (higher or
  lower is better); it has *reached* its target when the latest measurement is at or beyond the
  target. An indicator with no measurement is not on track. ``share_on_track`` is on track over
  all indicators of the area.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actors.choices import Sector
from goals.choices import Area, IndicatorDirection
from goals.models import Indicator, Measurement
from partnerships.choices import ContributionKind, Status
from partnerships.models import Contribution, Partnership

from .models import ExchangeRate

CENT = Decimal("0.01")
MONEY = DecimalField(max_digits=30, decimal_places=10)

# The names of the sums of ``_measures``, in the order ``_Group.add`` takes them; none is the
# name of a field, which an aggregate of the same query would otherwise shadow.
MEASURES = ("n", "money", "euros", "unconverted", "days")

PARTNERSHIP_DIMENSIONS = ["status", "city", "area", "community_group", "year"]
CONTRIBUTION_DIMENSIONS = ["kind", "sector", "city", "area", "year"]

_goal_links = Partnership.goals.through.objects
_group_links = Partnership.community_groups.through.objects


def _ids(partnerships):
    return partnerships.order_by().values("pk")


def _label(choices, key):
    return str(choices(key).label) if key in choices.values else (key or "")


def _group_name(name_en, name_fr):
    return name_fr if (get_language() or "").startswith("fr") else name_en


def _sorted(rows, order=None):
    if order is not None:
        return sorted(rows, key=lambda row: order.index(row["key"]) if row["key"] in order else 99)
    return sorted(rows, key=lambda row: (-row["count"], str(row["key"])))


# Partnerships


def partnership_counts(partnerships) -> dict:
    """How many partnerships, in total and by status, city, goal area, community group and year.

    Five queries (the total is the sum of the statuses)."""
    ids = _ids(partnerships)
    base = partnerships.order_by()
    by_status = [
        {"key": status, "label": _label(Status, status), "count": n}
        for status, n in base.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    ]
    by_city = [
        {"key": city, "label": city, "count": n}
        for city, n in base.values_list("territory").annotate(n=Count("pk")).values_list("territory", "n")
    ]
    by_year = [
        {"key": year, "label": str(year) if year else _("No start date"), "count": n}
        for year, n in base.annotate(year=ExtractYear("starts_on")).values_list("year")
        .annotate(n=Count("pk")).values_list("year", "n")
    ]
    by_area = [
        {"key": area, "label": _label(Area, area), "count": n}
        for area, n in _goal_links.filter(partnership_id__in=ids).order_by()
        .values_list("goal__area").annotate(n=Count("partnership_id", distinct=True))
        .values_list("goal__area", "n")
    ]
    by_group = [
        {"key": code, "label": _group_name(name_en, name_fr), "count": n}
        for code, name_en, name_fr, n in _group_links.filter(partnership_id__in=ids).order_by()
        .values_list("communitygroup__code", "communitygroup__name_en", "communitygroup__name_fr")
        .annotate(n=Count("partnership_id", distinct=True))
        .values_list("communitygroup__code", "communitygroup__name_en", "communitygroup__name_fr",
                     "n")
    ]
    return {
        "total": sum(row["count"] for row in by_status),
        "by_status": _sorted(by_status, list(Status.values)),
        "by_city": _sorted(by_city),
        "by_area": _sorted(by_area, list(Area.values)),
        "by_community_group": _sorted(by_group),
        "by_year": sorted(by_year, key=lambda row: (row["key"] is None, row["key"] or 0)),
    }


# Contributions


def _euro_rate():
    """The rate to euros of a contribution's currency on its partnership's start date."""
    day = Coalesce(
        F("party__partnership__starts_on"), TruncDate("party__partnership__created_at")
    )
    rate = (
        ExchangeRate.objects.filter(currency=OuterRef("currency"), valid_from__lte=OuterRef("rate_day"))
        .order_by("-valid_from")
        .values("rate_to_eur")[:1]
    )
    return day, Case(
        When(currency="EUR", then=Value(Decimal(1), output_field=MONEY)),
        default=Subquery(rate, output_field=MONEY),
        output_field=MONEY,
    )


def _contributions(partnerships):
    day, rate = _euro_rate()
    return (
        Contribution.objects.filter(party__partnership_id__in=_ids(partnerships))
        .order_by()
        .annotate(rate_day=day, eur_rate=rate)
    )


def _measures(prefix="", condition=None):
    """The sums of one group (or of the contributions matching ``condition``), by currency."""

    def when(extra=None):
        both = [q for q in (condition, extra) if q is not None]
        if not both:
            return None
        combined = both[0]
        for q in both[1:]:
            combined &= q
        return combined

    financial = Q(amount__isnull=False)
    return {
        f"{prefix}n": Count("pk", filter=when()),
        f"{prefix}money": Sum("amount", filter=when()),
        f"{prefix}euros": Sum(
            ExpressionWrapper(F("amount") * F("eur_rate"), output_field=MONEY), filter=when()
        ),
        f"{prefix}unconverted": Count(
            "pk", filter=when(financial & Q(eur_rate__isnull=True))
        ),
        f"{prefix}days": Sum("person_days", filter=when()),
    }


def _money(value) -> str | None:
    return None if value is None else str(Decimal(value).quantize(CENT, ROUND_HALF_UP))


class _Group:
    def __init__(self, key, label):
        self.key, self.label = key, label
        self.count = 0
        self.unconverted = 0
        self.person_days = Decimal(0)
        self.eur = Decimal(0)
        self.amounts = defaultdict(Decimal)

    def add(self, currency, count, amount, eur, unconverted, person_days):
        self.count += count or 0
        self.unconverted += unconverted or 0
        self.person_days += Decimal(person_days or 0)
        self.eur += Decimal(eur or 0)
        if currency and amount is not None:
            self.amounts[currency] += Decimal(amount)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "count": self.count,
            "amounts": [
                {"currency": currency, "amount": _money(amount)}
                for currency, amount in sorted(self.amounts.items())
            ],
            "amount_eur": _money(self.eur),
            "unconverted": self.unconverted,
            "person_days": str(self.person_days.quantize(Decimal("0.1"))),
        }


def _grouped(rows, key_of, label_of) -> dict:
    groups = {}
    for row in rows:
        key = key_of(row)
        group = groups.get(key) or groups.setdefault(key, _Group(key, label_of(row)))
        group.add(row["currency"], *(row[name] for name in MEASURES))
    return groups


def contribution_totals(partnerships) -> dict:
    """Contributions: how many, the amounts in each currency and in euros, the person-days, in
    total and by kind, party sector, city, goal area and year. Five queries."""
    contributions = _contributions(partnerships)
    measures = _measures()

    def by(field, label_of):
        rows = contributions.values(field, "currency").annotate(**measures)
        return _grouped(rows, lambda row: row[field], label_of)

    kinds = by("kind", lambda row: _label(ContributionKind, row["kind"]))
    sectors = by("party__organisation__sector",
                 lambda row: _label(Sector, row["party__organisation__sector"]))
    cities = by("party__partnership__territory", lambda row: row["party__partnership__territory"])
    years = _grouped(
        contributions.annotate(year=ExtractYear("party__partnership__starts_on"))
        .values("year", "currency").annotate(**measures),
        lambda row: row["year"],
        lambda row: str(row["year"]) if row["year"] else _("No start date"),
    )
    # Areas: one query, with one set of sums per area (a contribution counts once in each area of
    # its partnership's goals, never twice in the same one).
    area_measures = {}
    for area in Area.values:
        in_area = Q(party__partnership_id__in=_goal_links.filter(goal__area=area)
                    .values("partnership_id"))
        area_measures.update(_measures(f"{area}__", in_area))
    areas = {}
    for row in contributions.values("currency").annotate(**area_measures):
        for area in Area.values:
            if not row[f"{area}__n"]:
                continue
            group = areas.get(area) or areas.setdefault(area, _Group(area, _label(Area, area)))
            group.add(row["currency"], *(row[f"{area}__{name}"] for name in MEASURES))
    total = _Group("total", _("All contributions"))
    for group in kinds.values():
        total.count += group.count
        total.unconverted += group.unconverted
        total.person_days += group.person_days
        total.eur += group.eur
        for currency, amount in group.amounts.items():
            total.amounts[currency] += amount

    def rows(groups, order=None):
        return _sorted([group.as_dict() for group in groups.values()], order)

    return {
        "total": total.as_dict(),
        "by_kind": rows(kinds, list(ContributionKind.values)),
        "by_sector": rows(sectors, list(Sector.values)),
        "by_city": rows(cities),
        "by_area": rows(areas, list(Area.values)),
        "by_year": sorted(rows(years), key=lambda row: (row["key"] is None, row["key"] or 0)),
    }


# Indicators


def indicator_progress(partnerships) -> dict:
    """Indicators of the partnerships' goals, by goal area: how many, measured, on track and
    target reached, and the share on track. One query."""
    latest = (
        Measurement.objects.filter(indicator=OuterRef("pk"))
        .order_by("-measured_on", "-id")
        .values("value")[:1]
    )
    increase = Q(direction=IndicatorDirection.INCREASE)
    decrease = Q(direction=IndicatorDirection.DECREASE)
    rows = (
        Indicator.objects.filter(
            goal_id__in=_goal_links.filter(partnership_id__in=_ids(partnerships)).values("goal_id")
        )
        .order_by()
        .annotate(latest=Subquery(latest))
        .values("goal__area")
        .annotate(
            indicators=Count("pk"),
            measured=Count("pk", filter=Q(latest__isnull=False)),
            on_track=Count("pk", filter=(increase & Q(latest__gt=F("baseline")))
                           | (decrease & Q(latest__lt=F("baseline")))),
            reached=Count("pk", filter=(increase & Q(latest__gte=F("target")))
                          | (decrease & Q(latest__lte=F("target")))),
        )
    )
    by_area = []
    totals = {"indicators": 0, "measured": 0, "on_track": 0, "reached": 0}
    for row in rows:
        area = row["goal__area"]
        entry = {"key": area, "label": _label(Area, area)}
        for name in totals:
            entry[name] = row[name]
            totals[name] += row[name]
        entry["share_on_track"] = _share(row["on_track"], row["indicators"])
        by_area.append(entry)
    by_area.sort(key=lambda row: Area.values.index(row["key"]))
    totals["share_on_track"] = _share(totals["on_track"], totals["indicators"])
    return {"total": totals, "by_area": by_area}


def _share(part, whole) -> float | None:
    return round(part / whole, 4) if whole else None
