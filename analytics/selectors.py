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
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext as _

from actors.choices import Sector
from goals.choices import Area, IndicatorDirection
from goals.models import CommunityGroup, Indicator, Measurement
from partnerships.choices import ContributionKind, Status
from partnerships.models import Partnership

from .models import AREA_BITS, ContributionFigures, PartnershipFigures

CENT = Decimal("0.01")

_goal_links = Partnership.goals.through.objects


def _ids(partnerships):
    return partnerships.order_by().values("pk")


def _fetch(db, sql, params) -> list[tuple]:
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _label(choices, key):
    return str(choices(key).label) if key in choices.values else (key or "")


def _sorted(rows, order=None):
    if order is not None:
        return sorted(rows, key=lambda row: order.index(row["key"]) if row["key"] in order else 99)
    return sorted(rows, key=lambda row: (-row["count"], str(row["key"])))


def _year_label(year):
    return str(year) if year else _("No start date")


def _by_year(rows):
    return sorted(rows, key=lambda row: (row["key"] is None, row["key"] or 0))


# Partnerships


def _figures_sql(queryset) -> tuple[str, list]:
    """The SQL of a queryset of figures rows, or None for filters that cannot match (an empty
    choice)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None, []
    return sql, list(params)


def _areas_of(mask):
    return [area for area, bit in AREA_BITS.items() if mask & bit]


def partnership_counts(partnerships) -> dict:
    """How many partnerships, in total and by status, city, goal area, community group and year.

    One query over the partnerships' figures rows (``PartnershipFigures``: one narrow row each,
    kept by the database): grouped by status, city, year and goal areas together (a few hundred
    rows, added up here into each breakdown) and, beside them, by the set of community groups
    served (on PostgreSQL in the same pass, with grouping sets)."""
    rows = PartnershipFigures.objects.filter(partnership_id__in=_ids(partnerships)).values(
        "status", "territory", "year", "areas", "community_groups"
    )
    sql, params = _figures_sql(rows)
    counts = {name: Counter() for name in ("status", "territory", "year", "area", "group")}
    if sql is not None:
        grid = (
            # The groups' row has its other keys NULL; GROUPING tells it from a NULL start year.
            "SELECT status, territory, year, areas, community_groups, "
            "GROUPING(community_groups), COUNT(*) FROM ({}) f GROUP BY GROUPING SETS "
            "((status, territory, year, areas), (community_groups))"
            if connections[partnerships.db].vendor == "postgresql" else
            "SELECT status, territory, year, areas, NULL, 1, COUNT(*) FROM ({0}) f "
            "GROUP BY status, territory, year, areas "
            "UNION ALL SELECT NULL, NULL, NULL, NULL, community_groups, 0, COUNT(*) FROM ({0}) f "
            "GROUP BY community_groups"
        )
        sql = grid.format(sql)
        if connections[partnerships.db].vendor != "postgresql":
            params = params * 2
        for status, territory, year, areas, groups, by_groups, n in _fetch(
            partnerships.db, sql, params
        ):
            if by_groups == 0:
                for group in filter(None, str(groups or "").split(",")):
                    counts["group"][int(group)] += n
                continue
            counts["status"][status] += n
            counts["territory"][territory] += n
            counts["year"][None if year is None else int(year)] += n
            for area in _areas_of(areas):
                counts["area"][area] += n
    groups = {group.pk: group for group in CommunityGroup.objects.using(partnerships.db)}

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
            {"key": groups[pk].code, "label": groups[pk].name, "count": n}
            for pk, n in counts["group"].items() if n and pk in groups
        ]),
        "by_year": _by_year(rows_of("year", _year_label)),
    }


# Contributions

GRID_KEYS = ["kind", "sector", "city", "year", "currency", "areas"]

# The breakdowns, each grouped with the currency, and what GROUPING() of the five keys gives for
# each (a key left out of the grouping sets its bit, the first key the highest).
BREAKDOWN_KEYS = ["kind", "sector", "city", "year", "areas"]
BREAKDOWNS = {
    "kind": 0b01111, "sector": 0b10111, "city": 0b11011, "year": 0b11101, "areas": 0b11110,
    "total": 0b11111,
}
# Counts stay integers (PostgreSQL's SUM of a bigint is a numeric).
MEASURES = ("CAST(SUM(n) AS bigint), SUM(money), SUM(euros), CAST(SUM(unconverted) AS bigint), "
            "SUM(days)")
# Only the constant names above and the ORM's own query go into these.
# The grid's euros: a group in euros has its amount as its euros.
GRID_SQL = (
    "SELECT {keys}, currency, n, money, unconverted, days, "
    "CASE WHEN currency = 'EUR' THEN money ELSE euros_sum END AS euros FROM ({sql}) g"
)
BREAKDOWNS_SQL = (
    "SELECT {keys}, currency, GROUPING({keys}), {measures} FROM ({grid}) grid "
    "GROUP BY GROUPING SETS ({sets}, (currency))"
)
BREAKDOWN_SQL = "SELECT {columns}, currency, {grouping}, {measures} FROM grid GROUP BY {by}"


def _contribution_rows(partnerships) -> list[dict]:
    """The contributions' sums by kind, by sector, by city, by year, by goal areas and in total,
    each per currency: one query. The database first groups the contributions' figures rows
    (``ContributionFigures``: one narrow row each, its amount already in euros, kept by the
    database) by all those keys together, then adds that grid up into each breakdown (a
    hundred rows or so come back). Euros are summed for the other currencies only: a group in
    euros has its amount as its euros."""
    grid = (
        ContributionFigures.objects.filter(partnership_id__in=_ids(partnerships))
        .values(*GRID_KEYS)
        .annotate(
            # Named apart from the columns, which the filter of ``unconverted`` reads.
            n=Count("pk"),
            money=Sum("amount"),
            euros_sum=Sum("euros"),
            unconverted=Count("pk", filter=Q(amount__isnull=False, euros__isnull=True)
                              & ~Q(currency="EUR")),
            days=Sum("person_days"),
        )
        .order_by()
    )
    sql, params = _figures_sql(grid)
    if sql is None:
        return []
    keys = ", ".join(BREAKDOWN_KEYS)
    grid_sql = GRID_SQL.format(keys=keys, sql=sql)
    if connections[partnerships.db].vendor == "postgresql":
        sets = ", ".join(f"({key}, currency)" for key in BREAKDOWN_KEYS)
        sql = BREAKDOWNS_SQL.format(keys=keys, measures=MEASURES, grid=grid_sql, sets=sets)
    else:  # no grouping sets: one grouping each, over the same grid
        selects = []
        for dimension, grouping in BREAKDOWNS.items():
            selects.append(BREAKDOWN_SQL.format(
                columns=", ".join(key if key == dimension else "NULL" for key in BREAKDOWN_KEYS),
                grouping=grouping, measures=MEASURES,
                by="currency" if dimension == "total" else f"{dimension}, currency",
            ))
        sql = "WITH grid AS ({}) {}".format(grid_sql, " UNION ALL ".join(selects))
    names = [*BREAKDOWN_KEYS, "currency", "grouping", "n", "money", "euros", "unconverted",
             "days"]
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

    def add(self, row):
        self.count += row["n"] or 0
        self.unconverted += row["unconverted"] or 0
        self.person_days += _decimal(row["days"])
        self.eur += _decimal(row["euros"])
        if row["currency"] and row["money"] is not None:
            self.amounts[row["currency"]] += _decimal(row["money"])

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

    def add(self, key, row):
        group = self.get(key) or self.setdefault(key, _Group(key, self.label_of(key)))
        group.add(row)

    def rows(self, order=None):
        return _sorted([group.as_dict() for group in self.values()], order)


def contribution_totals(partnerships) -> dict:
    """Contributions: how many, the amounts in each currency and in euros, the person-days, in
    total and by kind, party sector, city, goal area and year. One query
    (``_contribution_rows``)."""
    total = _Group("total", _("All contributions"))
    breakdowns = {
        "kind": _Breakdown(lambda key: _label(ContributionKind, key)),
        "sector": _Breakdown(lambda key: _label(Sector, key)),
        "city": _Breakdown(lambda key: key),
        "areas": _Breakdown(lambda key: _label(Area, key)),
        "year": _Breakdown(_year_label),
    }
    dimension_of = {grouping: dimension for dimension, grouping in BREAKDOWNS.items()}
    for row in _contribution_rows(partnerships):
        dimension = dimension_of[row["grouping"]]
        if dimension == "total":
            total.add(row)
        elif dimension == "areas":  # a partnership counts in each area of its goals
            for area in _areas_of(row["areas"]):
                breakdowns["areas"].add(area, row)
        elif dimension == "year":
            breakdowns["year"].add(None if row["year"] is None else int(row["year"]), row)
        else:
            breakdowns[dimension].add(row[dimension], row)
    return {
        "total": total.as_dict(),
        "by_kind": breakdowns["kind"].rows(list(ContributionKind.values)),
        "by_sector": breakdowns["sector"].rows(list(Sector.values)),
        "by_city": breakdowns["city"].rows(),
        "by_area": breakdowns["areas"].rows(list(Area.values)),
        "by_year": _by_year(breakdowns["year"].rows()),
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
