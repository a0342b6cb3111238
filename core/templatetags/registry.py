"""Template helpers for the registry's pages: sortable headers and indicator charts."""

import datetime
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from core import idempotency
from core.forms import error_summary

register = template.Library()


@register.simple_tag(takes_context=True)
def one_time_token(context):
    """The hidden one-time token of a form that creates: sent twice (a double click, a reload),
    the second submission goes to what the first created (see ``core.views.one_time_form``).
    A form shown again with errors keeps the token it was sent with: nothing used it yet."""
    request = context["request"]
    sent = request.POST.get(idempotency.FORM_TOKEN_FIELD, "") if request.method == "POST" else ""
    token = sent if idempotency.TOKEN_PATTERN.match(sent) else idempotency.new_token()
    return format_html('<input type="hidden" name="{}" value="{}">',
                       idempotency.FORM_TOKEN_FIELD, token)


@register.simple_tag
def errors_of(*forms):
    """The error summary entries of forms rendered by views that do not build them."""
    return error_summary(*forms)

@register.filter
def fields_named(form, names: str):
    """The bound fields of ``form`` named in ``names`` (separated by spaces), in that order: for a
    page that lays its form out in groups."""
    return [form[name] for name in names.split()]


CHART_WIDTH, CHART_HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 14, 34


@register.simple_tag(takes_context=True)
def sort_header(context, field: str, label: str):
    """A column header whose link sorts by ``field``, then reverses the order on a second click."""
    request = context["request"]
    current = request.GET.get("ordering", "")
    query = request.GET.copy()
    query.pop("page", None)
    if current == field:
        query["ordering"], state, hint = f"-{field}", "ascending", _("sorted ascending")
    elif current == f"-{field}":
        query["ordering"], state, hint = field, "descending", _("sorted descending")
    else:
        query["ordering"], state, hint = field, None, _("sort")
    return format_html(
        '<th scope="col"{}><a href="?{}">{} <span class="visually-hidden">({})</span></a></th>',
        format_html(' aria-sort="{}"', state) if state else "",
        query.urlencode(),
        label,
        hint,
    )


def _number(value) -> str:
    value = Decimal(value)
    return number_format(value, 0 if value == value.to_integral() else 2, use_l10n=True)


@register.simple_tag
def indicator_progress(indicator):
    """How far the latest measurement has gone from baseline to target, as a share from 0 to 1."""
    measurements = list(indicator.measurements.all())
    latest = measurements[-1].value if measurements else None
    return indicator.progress(latest)


@register.simple_tag
def indicator_chart(indicator):
    """An inline SVG line chart: baseline, target and every dated measurement of ``indicator``.

    Drawn on the server so it needs no script and fits the Content Security Policy.
    """
    measurements = list(indicator.measurements.all())
    points = [(indicator.baseline_on, indicator.baseline)] + [
        (m.measured_on, m.value) for m in measurements
    ]
    first_day = indicator.baseline_on
    last_day = max([d for d, _v in points] + ([indicator.target_on] if indicator.target_on else []))
    if last_day <= first_day:
        last_day = first_day + datetime.timedelta(days=1)
    values = [v for _d, v in points] + [indicator.target]
    low, high = min(values), max(values)
    padding = (high - low) * Decimal("0.1") or Decimal(1)
    low, high = low - padding, high + padding
    plot_w = CHART_WIDTH - LEFT - RIGHT
    plot_h = CHART_HEIGHT - TOP - BOTTOM

    def x(day):
        return LEFT + plot_w * (day - first_day).days / (last_day - first_day).days

    def y(value):
        return TOP + plot_h * float((high - Decimal(value)) / (high - low))

    latest = measurements[-1].value if measurements else None
    share = indicator.progress(latest)
    if share is None:
        summary = _("No measurement yet. Baseline %(baseline)s, target %(target)s %(unit)s.") % {
            "baseline": _number(indicator.baseline),
            "target": _number(indicator.target),
            "unit": indicator.unit,
        }
    else:
        summary = _(
            "Latest value %(latest)s %(unit)s: %(percent)s%% of the way from the baseline "
            "(%(baseline)s) to the target (%(target)s)."
        ) % {
            "latest": _number(latest),
            "unit": indicator.unit,
            "percent": round(share * 100),
            "baseline": _number(indicator.baseline),
            "target": _number(indicator.target),
        }
    title_id = f"chart-{indicator.pk}-title"
    desc_id = f"chart-{indicator.pk}-desc"
    polyline = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
    dots = format_html_join(
        "",
        '<circle class="point" cx="{}" cy="{}" r="4"><title>{}: {}</title></circle>',
        (
            (f"{x(d):.1f}", f"{y(v):.1f}", date_format(d, "SHORT_DATE_FORMAT"), _number(v))
            for d, v in points
        ),
    )
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {w} {h}" role="img" aria-labelledby="{tid} {did}">'
        '<title id="{tid}">{title}</title><desc id="{did}">{summary}</desc>'
        '<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>'
        '<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>'
        '<line class="baseline" x1="{left}" y1="{by}" x2="{right}" y2="{by}"/>'
        '<line class="target" x1="{left}" y1="{ty}" x2="{right}" y2="{ty}"/>'
        '<text x="{label_x}" y="{ty_label}" text-anchor="end">{target_label}</text>'
        '<text x="{label_x}" y="{by_label}" text-anchor="end">{baseline_label}</text>'
        '<polyline class="series" points="{polyline}"/>{dots}'
        '<text x="{left}" y="{date_y}">{first_day}</text>'
        '<text x="{right}" y="{date_y}" text-anchor="end">{last_day}</text>'
        "</svg><figcaption>{summary}</figcaption></figure>",
        w=CHART_WIDTH,
        h=CHART_HEIGHT,
        tid=title_id,
        did=desc_id,
        title=_("Progress of “%(name)s”") % {"name": indicator.name},
        summary=summary,
        left=LEFT,
        right=CHART_WIDTH - RIGHT,
        top=TOP,
        bottom=CHART_HEIGHT - BOTTOM,
        by=f"{y(indicator.baseline):.1f}",
        ty=f"{y(indicator.target):.1f}",
        label_x=LEFT - 4,
        ty_label=f"{y(indicator.target) + 4:.1f}",
        by_label=f"{y(indicator.baseline) + 4:.1f}",
        target_label=_number(indicator.target),
        baseline_label=_number(indicator.baseline),
        polyline=polyline,
        dots=dots,
        date_y=CHART_HEIGHT - 12,
        first_day=date_format(first_day, "SHORT_DATE_FORMAT"),
        last_day=date_format(last_day, "SHORT_DATE_FORMAT"),
    )
