"""The dashboard's charts: which figure each draws, and the geometry of a horizontal bar chart
drawn as SVG on the server (no script; each chart has its data table beside it)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from . import selectors

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 230
BAR_SPACE = 330
VALUE_WIDTH = 110
WIDTH = LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH


def _counts(rows):
    return [(row["label"], Decimal(row["count"])) for row in rows]


def _euros(rows):
    return [(row["label"], Decimal(row["amount_eur"])) for row in rows]


def _days(rows):
    return [(row["label"], Decimal(row["person_days"])) for row in rows]


def _shares(rows):
    return [(row["label"], Decimal(str(round((row["share_on_track"] or 0) * 100, 1))))
            for row in rows]


# name: (title, unit, which figures, the rows of the chart)
CHARTS = {
    "partnerships-by-status": (_("Partnerships by status"), _("partnerships"), "partnerships",
                               lambda f: _counts(f["by_status"])),
    "partnerships-by-city": (_("Partnerships by city"), _("partnerships"), "partnerships",
                             lambda f: _counts(f["by_city"])),
    "partnerships-by-area": (_("Partnerships by goal area"), _("partnerships"), "partnerships",
                             lambda f: _counts(f["by_area"])),
    "partnerships-by-year": (_("Partnerships by start year"), _("partnerships"), "partnerships",
                             lambda f: _counts(f["by_year"])),
    "contributions-eur-by-kind": (_("Contributions in euros by kind"), "EUR", "contributions",
                                  lambda f: _euros(f["by_kind"])),
    "contributions-eur-by-sector": (_("Contributions in euros by party sector"), "EUR",
                                    "contributions", lambda f: _euros(f["by_sector"])),
    "person-days-by-city": (_("Person-days by city"), _("person-days"), "contributions",
                            lambda f: _days(f["by_city"])),
    "indicators-on-track-by-area": (_("Indicators on track by goal area"), "%", "indicators",
                                    lambda f: _shares(f["by_area"])),
}

FIGURES = {
    "partnerships": selectors.partnership_counts,
    "contributions": selectors.contribution_totals,
    "indicators": selectors.indicator_progress,
}


def chart(name, rows) -> dict:
    title, unit, _source, _rows = CHARTS[name]
    top = max((value for _label, value in rows), default=Decimal(0)) or Decimal(1)
    bars = []
    for number, (label, value) in enumerate(rows):
        y = GAP + number * (BAR_HEIGHT + GAP)
        bars.append({
            "label": label, "value": value, "y": y, "text_y": y + BAR_HEIGHT * 0.7,
            "width": round(float(value / top) * BAR_SPACE, 1),
        })
    return {
        "name": name, "title": title, "unit": unit, "bars": bars,
        "width": WIDTH, "height": GAP + len(rows) * (BAR_HEIGHT + GAP) + GAP,
        "bar_x": LABEL_WIDTH, "value_x": LABEL_WIDTH + BAR_SPACE + 6, "label_x": LABEL_WIDTH - 6,
        "bar_height": BAR_HEIGHT,
    }


def charts(partnerships, names=None) -> list[dict]:
    """The charts ``names`` (all by default) of ``partnerships``: only the figures they need are
    computed."""
    names = list(names or CHARTS)
    figures = {source: FIGURES[source](partnerships)
               for source in {CHARTS[name][2] for name in names}}
    return [chart(name, CHARTS[name][3](figures[CHARTS[name][2]])) for name in names]
