"""A partnership's dossier as a PDF, to hand to a council: parties, roles and responsibilities,
contributions, rules, goals with their indicators, lifecycle dates and a summary of the history.

Written with ReportLab in the active language. The public dossier (``public=True``) holds no
personal data: no names of the people who changed the partnership, no contact details, no
internal notes; the others hold the names of those who made each change only for readers
allowed to see personal data. Neither holds internal notes.
"""

import io
from xml.sax.saxutils import escape

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from core.access import may_see_personal_data
from goals.models import Indicator, Measurement

from .choices import Status
from .models import Partnership

RECENT_CHANGES = 12
BLUE = colors.HexColor("#1d4e89")


def _day(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _number(value) -> str:
    return "—" if value is None else number_format(value, force_grouping=True)


def _text(value) -> str:
    return escape(str(value or "—")).replace("\n", "<br/>")


def _goals_with_indicators(partnership):
    indicators = Indicator.objects.order_by("name", "id").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "id"))
    )
    return partnership.goals.select_related("strategy").prefetch_related(
        Prefetch("indicators", queryset=indicators)
    )


def _history(partnership):
    """The lifecycle as the history records it: each change of status, and the last changes."""
    records = list(
        Partnership.history.filter(id=partnership.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    steps, previous = [], None
    for record in records:
        if record.status != previous:
            steps.append(record)
            previous = record.status
    return records, steps


def build_dossier(partnership, *, user=None, public: bool = False) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    heading, subheading = styles["Heading2"], styles["Heading3"]
    with_names = not public and may_see_personal_data(user)
    story = []

    def table(rows, widths, header=True):
        cells = [[Paragraph(_text(cell), small) for cell in row] for row in rows]
        result = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
        result.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))] if header else []),
        ]))
        return result

    story.append(Paragraph(_text(partnership.title), styles["Title"]))
    story.append(Paragraph(
        _text(_("Partnership dossier · %(date)s") % {"date": _day(timezone.localdate())}), small
    ))
    story.append(HRFlowable(width="100%", color=BLUE))
    story.append(table([
        [_("Status"), partnership.get_status_display()],
        [_("Lead public body"), partnership.lead_body.name],
        [_("Territory"), partnership.territory],
        [_("Starts on"), _day(partnership.starts_on)],
        [_("Ends on"), _day(partnership.ends_on)],
        [_("Next review on"), _day(partnership.next_review_on)],
        [_("Activated on"), _day(partnership.activated_at and timezone.localtime(partnership.activated_at))],
        [_("Community groups served"), ", ".join(g.name for g in partnership.community_groups.all())],
    ], [50 * mm, 120 * mm], header=False))
    if partnership.summary:
        story += [Spacer(0, 4 * mm), Paragraph(_text(partnership.summary), body)]

    story.append(Paragraph(_("Parties, roles and responsibilities"), heading))
    rows = [[_("Organisation"), _("Sector"), _("Role"), _("Responsibilities")]]
    for party in partnership.parties.all():
        rows.append([party.organisation.name, party.organisation.get_sector_display(),
                     party.get_role_display(), party.responsibilities])
    story.append(table(rows, [45 * mm, 28 * mm, 32 * mm, 65 * mm]))

    story.append(Paragraph(_("Contributions"), heading))
    rows = [[_("Organisation"), _("Kind"), _("Description"), _("Amount"), _("Person-days")]]
    for party in partnership.parties.all():
        for contribution in party.contributions.all():
            amount = (f"{_number(contribution.amount)} {contribution.currency}"
                      if contribution.amount is not None else "—")
            rows.append([party.organisation.name, contribution.get_kind_display(),
                         contribution.description, amount, _number(contribution.person_days)])
    story.append(table(rows, [40 * mm, 28 * mm, 52 * mm, 28 * mm, 22 * mm]) if len(rows) > 1
                 else Paragraph(_("No contribution recorded."), body))

    story.append(Paragraph(_("Rules"), heading))
    for rule in partnership.rules.all():
        story.append(Paragraph(_text(f"{rule.get_category_display()}: {rule.title}"), subheading))
        story.append(Paragraph(_text(rule.text), body))
    if not partnership.rules.all():
        story.append(Paragraph(_("No rule recorded."), body))

    story.append(Paragraph(_("Goals and indicators"), heading))
    goals = list(_goals_with_indicators(partnership))
    for goal in goals:
        story.append(Paragraph(_text(
            f"{goal.title} — {goal.get_area_display()}, {goal.get_horizon_display()}"
        ), subheading))
        rows = [[_("Indicator"), _("Baseline"), _("Target"), _("Latest measurement"), _("Progress")]]
        for indicator in goal.indicators.all():
            measurements = list(indicator.measurements.all())
            latest = measurements[-1] if measurements else None
            progress = indicator.progress(latest.value if latest else None)
            bar = "—" if progress is None else f"{round(progress * 100)} %"
            rows.append([
                f"{indicator.name} ({indicator.unit})",
                f"{_number(indicator.baseline)} ({_day(indicator.baseline_on)})",
                f"{_number(indicator.target)} ({_day(indicator.target_on)})",
                f"{_number(latest.value)} ({_day(latest.measured_on)})" if latest else "—",
                bar,
            ])
        story.append(table(rows, [50 * mm, 30 * mm, 30 * mm, 35 * mm, 25 * mm]) if len(rows) > 1
                     else Paragraph(_("No indicator."), body))
    if not goals:
        story.append(Paragraph(_("No goal linked."), body))

    story.append(Paragraph(_("History"), heading))
    records, steps = _history(partnership)
    story.append(Paragraph(_text(
        _("%(count)s recorded changes, the first on %(first)s, the last on %(last)s.") % {
            "count": len(records),
            "first": _day(records[0].history_date) if records else "—",
            "last": _day(records[-1].history_date) if records else "—",
        }
    ), body))
    if steps:
        story.append(Paragraph(_text(_("Lifecycle: %(steps)s.") % {"steps": " → ".join(
            f"{Status(record.status).label} ({_day(timezone.localtime(record.history_date))})"
            for record in steps
        )}), body))
    kinds = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
    rows = [[_("Date"), _("Change"), _("Status")] + ([_("By")] if with_names else [])]
    for record in reversed(records[-RECENT_CHANGES:]):
        row = [_day(timezone.localtime(record.history_date)), kinds.get(record.history_type, ""),
               Status(record.status).label]
        if with_names:
            user = record.history_user
            row.append((user.get_full_name() or user.get_username()) if user else "—")
        rows.append(row)
    if len(rows) > 1:
        story.append(table(rows, [35 * mm, 35 * mm, 40 * mm] + ([60 * mm] if with_names else [])))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=partnership.title, author=partnership.lead_body.name,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()
