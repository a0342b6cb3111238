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

from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import Coalesce, ExtractYear, Lead, TruncDate
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actors.choices import Sector
from goals.choices import Area, IndicatorDirection
from goals.models import Indicator, Measurement
from partnerships.choices import ContributionKind, Status
from partnerships.models import Contribution, Partnership

from .models import ExchangeRate

CENT = Decimal("0.01")

_goal_links = Partnership.goals.through.objects
_group_links = Partnership.community_groups.through.objects


def _ids(partnerships):
    return partnerships.order_by().values("pk")


def _fetch(db, sql, params) -> list[tuple]:
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _label(choices, key):
    return str(choices(key).label) if key in choices.values else (key or "")


def _group_name(name_en, name_fr):
    return name_fr if (get_language() or "").startswith("fr") else name_en


def _sorted(rows, order=None):
    if order is not None:
        return sorted(rows, key=lambda row: order.index(row["key"]) if row["key"] in order else 99)
    return sorted(rows, key=lambda row: (-row["count"], str(row["key"])))


def _year_label(year):
    return str(year) if year else _("No start date")


def _by_year(rows):
    return sorted(rows, key=lambda row: (row["key"] is None, row["key"] or 0))


# Goal areas are summed beside the other breakdowns in the same pass, by conditional
# aggregation: a partnership counts once in each area of its goals, never twice in the same one.


def _in_area(area) -> Q:
    """Partnerships with a goal in ``area``: an uncorrelated ``IN``, which PostgreSQL hashes
    once per query (reading that area's links from ``partnership_goals_by_goal``) and SQLite
    turns into a temporary index."""
    return Q(pk__in=_goal_links.filter(goal__area=area).values("partnership_id"))


# Partnerships


def partnership_counts(partnerships) -> dict:
    """How many partnerships, in total and by status, city, goal area, community group and year.

    Two queries: one pass over the partnerships grouped by status, city and year together (a few
    hundred rows, added up here into each breakdown) that counts the areas by conditional
    aggregation, and one over the community-group links (a partnership is linked to a group
    once)."""
    grid = (
        partnerships.order_by()
        .values("status", "territory", year=ExtractYear("starts_on"))
        .annotate(n=Count("pk"),
                  **{f"in_{area}": Count("pk", filter=_in_area(area)) for area in Area.values})
    )
    counts = {name: Counter() for name in ("status", "territory", "year", "area")}
    for row in grid:
        for name in ("status", "territory", "year"):
            counts[name][row[name]] += row["n"]
        for area in Area.values:
            counts["area"][area] += row[f"in_{area}"]
    groups = (
        _group_links.filter(partnership_id__in=_ids(partnerships)).order_by()
        .values_list("communitygroup__code", "communitygroup__name_en", "communitygroup__name_fr")
        .annotate(n=Count("partnership_id"))
    )

    def rows_of(name, label_of):
        return [{"key": key, "label": label_of(key), "count": n}
                for key, n in counts[name].items() if n]

    return {
        "total": counts["status"].total(),
        "by_status": _sorted(rows_of("status", lambda key: _label(Status, key)),
                             list(Status.values)),
        "by_city": _sorted(rows_of("territory", lambda key: key)),
        "by_area": _sorted(rows_of("area", lambda key: _label(Area, key)), list(Area.values)),
        "by_community_group": _sorted([
            {"key": code, "label": _group_name(name_en, name_fr), "count": n}
            for code, name_en, name_fr, n in groups
        ]),
        "by_year": _by_year(rows_of("year", _year_label)),
    }


# Contributions


def _contribution_rows(partnerships):
    """One row per contribution of the partnerships, with what it is grouped and converted by:
    ``day`` is the day whose rate applies (the start date, or the registration day)."""
    return (
        Contribution.objects.filter(party__partnership_id__in=_ids(partnerships))
        .order_by()
        .values(
            "kind", "currency", "amount", "person_days",
            partnership=F("party__partnership_id"),
            sector=F("party__organisation__sector"),
            city=F("party__partnership__territory"),
            year=ExtractYear("party__partnership__starts_on"),
            day=Coalesce("party__partnership__starts_on",
                         TruncDate("party__partnership__created_at")),
        )
    )


def _area_flags(partnerships):
    """One row per partnership with goals, and ``in_<area>``: 1 when one of its goals is in it.

    Joined once to the contributions. (An ``IN`` per area, as for the partnerships, would be
    copied by PostgreSQL's planner into each of the area's five sums, and hashed as often.)"""
    return (
        _goal_links.filter(partnership_id__in=_ids(partnerships)).order_by()
        .values("partnership_id")
        .annotate(**{
            f"in_{area}": Max(Case(When(goal__area=area, then=Value(1)), default=Value(0)))
            for area in Area.values
        })
    )


def _rate_periods():
    """Each rate with the day the next one of its currency takes over (``NULL``: still in force)."""
    return ExchangeRate.objects.order_by().values(
        "currency", "rate_to_eur", "valid_from",
        valid_until=Window(Lead("valid_from"), partition_by=[F("currency")],
                           order_by=F("valid_from").asc()),
    )


def _measures(prefix="", condition=None) -> dict[str, str]:
    """The sums of a group of contributions (of those matching ``condition``) in SQL over ``c``,
    a contribution, and ``r``, the period of the rate table that holds its day (none for euros,
    which need no rate)."""

    def of(value, extra=None):
        test = " AND ".join(part for part in (condition, extra) if part)
        return f"CASE WHEN {test} THEN {value} END" if test else value

    return {
        f"{prefix}n": f"COUNT({of('1')})",
        f"{prefix}money": f"SUM({of('c.amount')})",
        f"{prefix}euros": "SUM({})".format(
            of("c.amount * CASE WHEN c.currency = 'EUR' THEN 1 ELSE r.rate_to_eur END")
        ),
        f"{prefix}unconverted": "COUNT({})".format(of(
            "1", "c.amount IS NOT NULL AND c.currency <> 'EUR' AND r.rate_to_eur IS NULL"
        )),
        f"{prefix}days": f"SUM({of('c.person_days')})",
    }


GRID_KEYS = ["kind", "sector", "city", "year", "currency"]


def _contribution_grid(partnerships) -> list[dict]:
    """The contributions' sums grouped by kind, sector, city, year and currency together, with
    the sums of each goal area beside them: one pass, with the rate table and the
    partnerships' area flags each joined once.

    The ORM writes the inner queries (filters, access rules, the backend's date functions); the
    joins and the grouping around them are SQL that SQLite and PostgreSQL share."""
    try:
        rows_sql, rows_params = _contribution_rows(partnerships).query.sql_with_params()
        flags_sql, flags_params = _area_flags(partnerships).query.sql_with_params()
    except EmptyResultSet:  # filters that cannot match (an empty choice): nothing to count
        return []
    rates_sql, rates_params = _rate_periods().query.sql_with_params()
    measures = _measures()
    for area in Area.values:
        measures.update(_measures(f"{area}__", f"f.in_{area} = 1"))
    keys = ", ".join(f"c.{key}" for key in GRID_KEYS)
    sql = f"""
        SELECT {keys}, {", ".join(measures.values())}
        FROM ({rows_sql}) c
        LEFT JOIN ({flags_sql}) f ON f.partnership_id = c.partnership
        LEFT JOIN ({rates_sql}) r
          ON r.currency = c.currency AND c.currency <> 'EUR' AND r.valid_from <= c.day
         AND (r.valid_until IS NULL OR c.day < r.valid_until)
        GROUP BY {keys}
    """  # noqa: S608 (the interpolated parts are SQL the ORM made and fixed names)
    names = [*GRID_KEYS, *measures]
    params = [*rows_params, *flags_params, *rates_params]
    return [dict(zip(names, row, strict=True)) for row in _fetch(partnerships.db, sql, params)]


def _money(value) -> str | None:
    return None if value is None else str(_decimal(value).quantize(CENT, ROUND_HALF_UP))


def _decimal(value) -> Decimal:
    """A sum as the database gave it: a Decimal (PostgreSQL), an int or a float (SQLite)."""
    if value is None:
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(str(value))


class _Group:
    def __init__(self, key, label):
        self.key, self.label = key, label
        self.count = 0
        self.unconverted = 0
        self.person_days = Decimal(0)
        self.eur = Decimal(0)
        self.amounts = defaultdict(Decimal)

    def add(self, row, prefix=""):
        self.count += row[f"{prefix}n"] or 0
        self.unconverted += row[f"{prefix}unconverted"] or 0
        self.person_days += _decimal(row[f"{prefix}days"])
        self.eur += _decimal(row[f"{prefix}euros"])
        if row["currency"] and row[f"{prefix}money"] is not None:
            self.amounts[row["currency"]] += _decimal(row[f"{prefix}money"])

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


class _Breakdown(dict):
    """Groups by one dimension, made as rows of the grid come."""

    def __init__(self, label_of):
        super().__init__()
        self.label_of = label_of

    def add(self, key, row, prefix=""):
        group = self.get(key) or self.setdefault(key, _Group(key, self.label_of(key)))
        group.add(row, prefix)

    def rows(self, order=None):
        return _sorted([group.as_dict() for group in self.values()], order)


def contribution_totals(partnerships) -> dict:
    """Contributions: how many, the amounts in each currency and in euros, the person-days, in
    total and by kind, party sector, city, goal area and year.

    One query: a pass over the contributions grouped by kind, sector, city, year and currency
    together (a few thousand rows at most), added up here into each breakdown."""
    grid = _contribution_grid(partnerships)
    total = _Group("total", _("All contributions"))
    kinds = _Breakdown(lambda key: _label(ContributionKind, key))
    sectors = _Breakdown(lambda key: _label(Sector, key))
    cities = _Breakdown(lambda key: key)
    areas = _Breakdown(lambda key: _label(Area, key))
    years = _Breakdown(_year_label)
    for row in grid:
        total.add(row)
        kinds.add(row["kind"], row)
        sectors.add(row["sector"], row)
        cities.add(row["city"], row)
        years.add(None if row["year"] is None else int(row["year"]), row)
        for area in Area.values:
            if row[f"{area}__n"]:
                areas.add(area, row, f"{area}__")
    return {
        "total": total.as_dict(),
        "by_kind": kinds.rows(list(ContributionKind.values)),
        "by_sector": sectors.rows(list(Sector.values)),
        "by_city": cities.rows(),
        "by_area": areas.rows(list(Area.values)),
        "by_year": _by_year(years.rows()),
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
