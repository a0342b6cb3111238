"""The cooperation finder: who and what could work towards a goal, and what a firm could
answer. Every list is ranked by the database: structured matches (area, territory, kind of
contribution sought, community groups) add up to a score, and on PostgreSQL the words the goal
and the candidate share add their full-text rank; SQLite goes without the words. Each
suggestion says why it was made and, for an organisation, which role it could hold."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from actors.choices import Sector, VerificationStatus
from calls.models import CallForPartners
from core.access import Action
from goals.models import Goal
from partnerships.choices import ContributionKind, Role
from partnerships.policies import party_problems

from .choices import SuggestionKind
from .models import ContributionOffer, Dismissal, Need, Project

LIMIT = 20
# How many candidates of the best structured score the words then order.
CANDIDATES = 200
# How much each kind of match weighs in a score.
WEIGHTS = {"area": 3, "kind": 3, "territory": 2, "goal": 4, "groups": 1, "lessons": 1}

REASONS = {
    "area": _("same area"),
    "kind": _("offers the kind of contribution sought"),
    "territory": _("same territory"),
    "goal": _("linked to this goal"),
    "groups": _("serves the same community groups"),
    "lessons": _("finished, with lessons learned"),
    "words": _("words in common"),
}

# The role a contribution suggests, before the manifesto's rules are applied.
ROLE_FOR_KIND = {
    ContributionKind.FINANCIAL: Role.CO_FUNDER,
    ContributionKind.HUMAN_RESOURCES: Role.OPERATIONAL_PARTNER,
    ContributionKind.EXPERTISE: Role.EXPERT_ADVISER,
    ContributionKind.IN_KIND: Role.SERVICE_PROVIDER,
    ContributionKind.DATA: Role.DATA_PROVIDER,
}


@dataclass
class Suggestion:
    kind: str
    object: object
    score: float
    reasons: list = field(default_factory=list)
    role: str = ""

    @property
    def reason_labels(self) -> list[str]:
        return [str(REASONS[reason]) for reason in self.reasons]

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


def suggested_role(organisation, contribution_kind: str) -> str:
    """A role the manifesto's rules allow ``organisation`` to hold; intermediaries are offered
    the facilitator's role, never a role reserved to public bodies."""
    candidates = [ROLE_FOR_KIND.get(contribution_kind, Role.OPERATIONAL_PARTNER)]
    if organisation.sector == Sector.INTERMEDIARY:
        candidates.insert(0, Role.FACILITATOR)
    candidates.append(Role.OPERATIONAL_PARTNER)
    for role in candidates:
        if "role" not in party_problems(organisation=organisation, role=role):
            return role
    return ""


def _flag(condition) -> Case:
    return Case(When(condition, then=Value(True)), default=Value(False),
                output_field=BooleanField())


def _points(name: str) -> Case:
    return Case(When(**{f"m_{name}": True}, then=Value(WEIGHTS[name])), default=Value(0),
                output_field=IntegerField())


def _ranked(queryset, names: list[str], fields: tuple[str, ...], text: str, *, require=None):
    """Order ``queryset`` by the sum of the matched weights, then by the words the candidate
    shares with ``text``. Candidates match at least one criterion (and ``require``); the words,
    costlier, are ranked among the best ``CANDIDATES`` of the structured score only, so the
    cost stays flat however large the register grows."""
    structured = sum((_points(name) for name in names), Value(0))
    matched = Q()
    for name in names:
        matched |= Q(**{f"m_{name}": True})
    if require is not None:
        matched &= require
    best = (queryset.annotate(structured=structured).filter(matched)
            .order_by("-structured", "pk").values("pk")[:CANDIDATES])
    ranked = queryset.filter(pk__in=best).annotate(structured=structured)
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).lower().split()
             if len(w) > 3]
    if connection.vendor == "postgresql" and words:
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        query = SearchQuery(" | ".join(words), search_type="raw", config="simple")
        ranked = ranked.annotate(words=SearchRank(SearchVector(*fields, config="simple"), query))
    else:
        ranked = ranked.annotate(words=Value(0.0, output_field=FloatField()))
    return ranked.annotate(score=F("structured") + F("words")).order_by("-score", "pk")


def _reasons(row, names: list[str]) -> list[str]:
    reasons = [name for name in names if getattr(row, f"m_{name}")]
    if row.words > 0:
        reasons.append("words")
    return reasons


def _dismissed(goal, kind: str) -> set[int]:
    return set(Dismissal.objects.filter(goal=goal, kind=kind).values_list("target_id", flat=True))


def _goal_groups(goal) -> list[int]:
    return [group.pk for group in goal.community_groups.all()]


def organisations_for_goal(*, goal: Goal, user) -> list[Suggestion]:
    """Organisations whose standing offers answer the goal and its open needs."""
    needs = list(Need.objects.filter(goal=goal, is_open=True).values_list("kind", "territory"))
    kinds = {kind for kind, _territory in needs}
    territories = {goal.territory.lower()} | {territory.lower() for _kind, territory in needs}
    groups = _goal_groups(goal)
    offers = (
        ContributionOffer.objects.restrict(user, Action.VIEW)
        .filter(is_active=True, organisation__verification_status=VerificationStatus.VERIFIED)
        .exclude(organisation_id__in=_dismissed(goal, SuggestionKind.ORGANISATION))
        .exclude(organisation_id=goal.strategy.owner_id)
        .select_related("organisation")
        .annotate(
            territory_lower=Lower("territory"),
            m_area=_flag(Q(area=goal.area)),
            m_kind=_flag(Q(kind__in=kinds)),
            m_territory=_flag(Q(territory_lower__in=territories)),
            m_groups=_flag(Exists(Project.community_groups.through.objects.filter(
                project__organisation_id=OuterRef("organisation_id"),
                communitygroup_id__in=groups))),
        )
    )
    names = ["area", "kind", "territory", "groups"]
    ranked = _ranked(offers, names, ("description", "expectations"),
                     f"{goal.title} {goal.description}")
    suggestions, seen = [], set()
    for offer in ranked[: LIMIT * 3]:
        if offer.organisation_id in seen:
            continue
        seen.add(offer.organisation_id)
        suggestions.append(Suggestion(
            kind=SuggestionKind.ORGANISATION, object=offer.organisation, score=offer.score,
            reasons=_reasons(offer, names), role=suggested_role(offer.organisation, offer.kind),
        ))
    return suggestions[:LIMIT]


def projects_for_goal(*, goal: Goal, user) -> list[Suggestion]:
    """Projects of other cities and of firms to learn from or join."""
    groups = _goal_groups(goal)
    projects = (
        Project.objects.restrict(user, Action.VIEW)
        .exclude(organisation_id=goal.strategy.owner_id)
        .exclude(pk__in=_dismissed(goal, SuggestionKind.PROJECT))
        .select_related("organisation")
        .annotate(
            territory_lower=Lower("territory"),
            m_area=_flag(Q(area=goal.area)),
            m_territory=_flag(Q(territory_lower=goal.territory.lower())),
            m_groups=_flag(Exists(Project.community_groups.through.objects.filter(
                project_id=OuterRef("pk"), communitygroup_id__in=groups))),
            m_lessons=_flag(~Q(lessons_learned="")),
        )
    )
    names = ["area", "territory", "groups", "lessons"]
    ranked = _ranked(projects, names, ("title", "summary"), f"{goal.title} {goal.description}",
                     require=Q(area=goal.area) | Q(territory_lower=goal.territory.lower()))
    return [
        Suggestion(kind=SuggestionKind.PROJECT, object=project, score=project.score,
                   reasons=_reasons(project, names))
        for project in ranked[:LIMIT]
    ]


def calls_for_goal(*, goal: Goal, user) -> list[Suggestion]:
    """Open calls that fit the goal: its own body's calls on it, and other bodies' calls in the
    same area or territory."""
    calls = (
        CallForPartners.objects.restrict(user, Action.VIEW).accepting()
        .exclude(pk__in=_dismissed(goal, SuggestionKind.CALL))
        .select_related("lead_body")
        .annotate(
            territory_lower=Lower("territory"),
            m_goal=_flag(Exists(CallForPartners.goals.through.objects.filter(
                callforpartners_id=OuterRef("pk"), goal_id=goal.pk))),
            m_area=_flag(Exists(CallForPartners.goals.through.objects.filter(
                callforpartners_id=OuterRef("pk"), goal__area=goal.area))),
            m_territory=_flag(Q(territory_lower=goal.territory.lower())),
        )
    )
    names = ["goal", "area", "territory"]
    ranked = _ranked(calls, names, ("title", "description"), f"{goal.title} {goal.description}")
    return [
        Suggestion(kind=SuggestionKind.CALL, object=call, score=call.score,
                   reasons=_reasons(call, names))
        for call in ranked[:LIMIT]
    ]


def opportunities_for_organisation(*, organisation, user) -> dict[str, list[Suggestion]]:
    """For a firm or an intermediary: the open needs of goals and the open calls its standing
    offers answer, best first."""
    offers = list(ContributionOffer.objects.filter(organisation=organisation, is_active=True)
                  .values_list("kind", "area", "territory"))
    kinds = {kind for kind, _area, _territory in offers}
    areas = {area for _kind, area, _territory in offers if area}
    any_area = any(not area for _kind, area, _territory in offers)
    territories = {territory.lower() for _kind, _area, territory in offers}
    needs = (
        Need.objects.filter(is_open=True)
        .filter(goal__in=Goal.objects.restrict(user, Action.VIEW))
        .select_related("goal", "goal__strategy__owner")
        .annotate(
            territory_lower=Lower("territory"),
            m_kind=_flag(Q(kind__in=kinds)),
            # An offer for any area answers every goal's area.
            m_area=Value(True) if any_area else _flag(Q(goal__area__in=areas)),
            m_territory=_flag(Q(territory_lower__in=territories)),
        )
    )
    names = ["kind", "area", "territory"]
    calls = (
        CallForPartners.objects.restrict(user, Action.VIEW).accepting()
        .select_related("lead_body")
        .annotate(
            territory_lower=Lower("territory"),
            m_area=_flag(Exists(CallForPartners.goals.through.objects.filter(
                callforpartners_id=OuterRef("pk"), goal__area__in=areas))),
            m_territory=_flag(Q(territory_lower__in=territories)),
        )
    )
    call_names = ["area", "territory"]
    return {
        "needs": [
            Suggestion(kind="need", object=need, score=need.score, reasons=_reasons(need, names),
                       role=suggested_role(organisation, need.kind))
            for need in _ranked(needs, names, ("description",), "", require=Q(m_kind=True))[:LIMIT]
        ],
        "calls": [
            Suggestion(kind=SuggestionKind.CALL, object=call, score=call.score,
                       reasons=_reasons(call, call_names))
            for call in _ranked(calls, call_names, ("title",), "")[:LIMIT]
        ],
    }
