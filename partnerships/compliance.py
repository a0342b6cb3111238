"""The compliance scorecard: how a partnership, and a body over the partnerships it leads,
keeps the manifesto's rules that the registry can check. Each point is met, not met, or does
not apply; the score counts the points met among those that apply.

Reads prefetched relations only (``scorecard_queryset``), so a list costs a fixed number of
queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.choices import Sector
from goals.models import Goal

from .choices import (
    CLOSED_STATUSES,
    REQUIRED_RULE_CATEGORIES,
    ROLE_SECTORS,
    DocumentKind,
    DocumentVisibility,
    Role,
)
from .models import Document, Party

# (code, what it checks, what it means) in the order they are shown.
POINTS = [
    ("public_lead", _("Public lead and reserved roles"),
     _("The lead authority is a public body, and roles reserved to public bodies (lead "
       "authority, police or regulatory authority) are held by public bodies only.")),
    ("required_rules", _("Required rules"),
     _("The agreement has governance, data-protection, conflict-of-interest and exit rules.")),
    ("whole_community", _("The whole community"),
     _("It serves at least one community group beyond the private partners' own customers.")),
    ("strategy_goals", _("Part of a local safety strategy"),
     _("It is linked to at least one shared goal of a public body's safety strategy.")),
    ("indicators_measured", _("Indicators measured"),
     _("Every indicator of its goals has a measurement within its period (from its baseline "
       "date to its target date).")),
    ("reviews_kept", _("Review dates kept"),
     _("A partnership in force has a next review date, and it has not passed. Does not apply "
       "to concluded and terminated partnerships.")),
    ("agreement_published", _("Agreement published"),
     _("The signed agreement is filed as a public document.")),
]
DESCRIPTIONS = {code: (label, meaning) for code, label, meaning in POINTS}


@dataclass
class Scorecard:
    points: dict[str, bool | None]

    @property
    def met(self) -> int:
        return sum(1 for value in self.points.values() if value)

    @property
    def applicable(self) -> int:
        return sum(1 for value in self.points.values() if value is not None)

    def rows(self):
        """(code, label, meaning, met) for display."""
        return [(code, label, meaning, self.points[code]) for code, label, meaning in POINTS]

    def as_dict(self) -> dict:
        return {"met": self.met, "applicable": self.applicable,
                "points": {code: self.points[code] for code, _l, _m in POINTS}}


def scorecard_queryset(queryset):
    """``queryset`` of partnerships with what the scorecard reads."""
    return queryset.select_related("lead_body").prefetch_related(
        Prefetch("parties", queryset=Party.objects.select_related("organisation"),
                 to_attr="scored_parties"),
        "rules",
        "community_groups",
        Prefetch("goals", queryset=Goal.objects.prefetch_related("indicators__measurements"),
                 to_attr="scored_goals"),
        Prefetch("documents", queryset=Document.objects.filter(
            kind=DocumentKind.SIGNED_AGREEMENT, visibility=DocumentVisibility.PUBLIC
        ), to_attr="published_agreements"),
    )


def _indicator_measured(indicator, today: datetime.date) -> bool:
    end = indicator.target_on or today
    return any(indicator.baseline_on <= m.measured_on <= end for m in indicator.measurements.all())


def scorecard(partnership, *, today: datetime.date | None = None) -> Scorecard:
    today = today or timezone.localdate()
    parties = partnership.scored_parties
    reserved_ok = all(
        party.organisation.sector in ROLE_SECTORS[party.role]
        for party in parties if ROLE_SECTORS.get(party.role) == {Sector.PUBLIC}
    )
    has_public_lead = partnership.lead_body.sector == Sector.PUBLIC and any(
        party.role == Role.LEAD_AUTHORITY and party.organisation.sector == Sector.PUBLIC
        for party in parties
    )
    categories = {rule.category for rule in partnership.rules.all()}
    groups = list(partnership.community_groups.all())
    indicators = [i for goal in partnership.scored_goals for i in goal.indicators.all()]
    closed = partnership.status in CLOSED_STATUSES
    return Scorecard(points={
        "public_lead": has_public_lead and reserved_ok,
        "required_rules": all(c in categories for c in REQUIRED_RULE_CATEGORIES),
        "whole_community": any(not group.partners_customers for group in groups),
        "strategy_goals": bool(partnership.scored_goals),
        "indicators_measured": bool(indicators) and all(
            _indicator_measured(i, today) for i in indicators
        ),
        "reviews_kept": None if closed else bool(
            partnership.next_review_on and partnership.next_review_on >= today
        ),
        "agreement_published": bool(partnership.published_agreements),
    })


def body_scorecard(partnerships, *, today: datetime.date | None = None) -> dict:
    """Per point, how many of ``partnerships`` (prefetched) meet it among those it applies to."""
    cards = [scorecard(p, today=today) for p in partnerships]
    rows = []
    for code, label, meaning in POINTS:
        values = [card.points[code] for card in cards if card.points[code] is not None]
        rows.append((code, label, meaning, sum(values), len(values)))
    return {"partnerships": len(cards), "rows": rows}
