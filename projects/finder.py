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


def _ranked(queryset, criteria: dict, fields: tuple[str, ...], text: str, *, require=None):
    """Order ``queryset`` by the sum of the weights of the ``criteria`` (name: condition) it
    matches, then by the words the candidate shares with ``text``. Candidates match at least
    one criterion (and ``require``). The structured score alone picks the best ``CANDIDATES``;
    only those get the costlier words and the flags that explain them, so the cost stays flat
    however large the register grows. Each row carries ``m_<name>`` for every criterion."""
    structured = sum(
        (Case(When(condition, then=Value(WEIGHTS[name])), default=Value(0),
              output_field=IntegerField()) for name, condition in criteria.items()),
        Value(0),
    )
    matched = Q()
    for condition in criteria.values():
        matched |= Q(condition)
    if require is not None:
        matched &= require
    best = (queryset.filter(matched).annotate(structured=structured)
            .order_by("-structured", "pk").values("pk")[:CANDIDATES])
    ranked = queryset.filter(pk__in=best).annotate(
        structured=structured,
        **{f"m_{name}": _flag(condition) for name, condition in criteria.items()},
    )
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).lower().split()
             if len(w) > 3]
    if connection.vendor == "postgresql" and words:
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        query = SearchQuery(" | ".join(words), search_type="raw", config="simple")
        ranked = ranked.annotate(words=SearchRank(SearchVector(*fields, config="simple"), query))
    else:
        ranked = ranked.annotate(words=Value(0.0, output_field=FloatField()))
    return ranked.annotate(score=F("structured") + F("words")).order_by("-score", "pk")


def _reasons(row, names) -> list[str]:
    reasons = [name for name in names if getattr(row, f"m_{name}")]
    if row.words > 0:
        reasons.append("words")
    return reasons


@dataclass
class GoalContext:
    """What every list of suggestions for one goal needs to know about it, read once."""

    goal: Goal
    kinds: set = field(default_factory=set)
    territories: set = field(default_factory=set)

    @classmethod
    def of(cls, goal: Goal) -> "GoalContext":
        needs = list(Need.objects.filter(goal=goal, is_open=True).values_list("kind", "territory"))
        return cls(goal=goal, kinds={kind for kind, _territory in needs},
                   territories={goal.territory.lower()}
                   | {territory.lower() for _kind, territory in needs})

    @property
    def owner_id(self) -> int:
        return self.goal.strategy.owner_id

    @property
    def text(self) -> str:
        return f"{self.goal.title} {self.goal.description}"

    def serving_groups(self):
        """The links of projects to the goal's community groups (uncorrelated, so the database
        reads them once and hashes them)."""
        groups = Goal.community_groups.through.objects.filter(goal_id=self.goal.pk)
        return Project.community_groups.through.objects.filter(
            communitygroup_id__in=groups.values("communitygroup_id"))

    def dismissed(self, kind: str):
        """The targets of ``kind`` set aside for this goal, as a subquery."""
        return Dismissal.objects.filter(goal_id=self.goal.pk, kind=kind).values("target_id")


def organisations_for_goal(*, goal: Goal, user, context: GoalContext | None = None,
                           ) -> list[Suggestion]:
    """Organisations whose standing offers answer the goal and its open needs."""
    context = context or GoalContext.of(goal)
    offers = (
        ContributionOffer.objects.restrict(user, Action.VIEW)
        .filter(is_active=True, organisation__verification_status=VerificationStatus.VERIFIED)
        .exclude(organisation_id__in=context.dismissed(SuggestionKind.ORGANISATION))
        .exclude(organisation_id=context.owner_id)
        .select_related("organisation")
        .annotate(territory_lower=Lower("territory"))
    )
    criteria = {
        "area": Q(area=goal.area),
        "kind": Q(kind__in=context.kinds),
        "territory": Q(territory_lower__in=context.territories),
        "groups": Q(organisation_id__in=context.serving_groups().values("project__organisation_id")),
    }
    ranked = _ranked(offers, criteria, ("description", "expectations"), context.text)
    suggestions, seen = [], set()
    for offer in ranked[: LIMIT * 3]:
        if offer.organisation_id in seen:
            continue
        seen.add(offer.organisation_id)
        suggestions.append(Suggestion(
            kind=SuggestionKind.ORGANISATION, object=offer.organisation, score=offer.score,
            reasons=_reasons(offer, criteria), role=suggested_role(offer.organisation, offer.kind),
        ))
    return suggestions[:LIMIT]


def projects_for_goal(*, goal: Goal, user, context: GoalContext | None = None,
                      ) -> list[Suggestion]:
    """Projects of other cities and of firms to learn from or join."""
    context = context or GoalContext.of(goal)
    territory = goal.territory.lower()
    projects = (
        Project.objects.restrict(user, Action.VIEW)
        .exclude(organisation_id=context.owner_id)
        .exclude(pk__in=context.dismissed(SuggestionKind.PROJECT))
        .select_related("organisation")
        .annotate(territory_lower=Lower("territory"))
    )
    criteria = {
        "area": Q(area=goal.area),
        "territory": Q(territory_lower=territory),
        "groups": Q(pk__in=context.serving_groups().values("project_id")),
        "lessons": ~Q(lessons_learned=""),
    }
    ranked = _ranked(projects, criteria, ("title", "summary"), context.text,
                     require=Q(area=goal.area) | Q(territory_lower=territory))
    return [
        Suggestion(kind=SuggestionKind.PROJECT, object=project, score=project.score,
                   reasons=_reasons(project, criteria))
        for project in ranked[:LIMIT]
    ]


def calls_for_goal(*, goal: Goal, user, context: GoalContext | None = None) -> list[Suggestion]:
    """Open calls that fit the goal: its own body's calls on it, and other bodies' calls in the
    same area or territory."""
    context = context or GoalContext.of(goal)
    calls = (
        CallForPartners.objects.restrict(user, Action.VIEW).accepting()
        .exclude(pk__in=context.dismissed(SuggestionKind.CALL))
        .select_related("lead_body")
        .annotate(territory_lower=Lower("territory"))
    )
    links = CallForPartners.goals.through.objects.filter(callforpartners_id=OuterRef("pk"))
    criteria = {
        "goal": Exists(links.filter(goal_id=goal.pk)),
        "area": Exists(links.filter(goal__area=goal.area)),
        "territory": Q(territory_lower=goal.territory.lower()),
    }
    ranked = _ranked(calls, criteria, ("title", "description"), context.text)
    return [
        Suggestion(kind=SuggestionKind.CALL, object=call, score=call.score,
                   reasons=_reasons(call, criteria))
        for call in ranked[:LIMIT]
    ]


def suggestions_for_goal(*, goal: Goal, user) -> dict[str, list[Suggestion]]:
    """The three lists for one goal (organisations, projects, calls), its needs read once."""
    context = GoalContext.of(goal)
    return {
        "organisations": organisations_for_goal(goal=goal, user=user, context=context),
        "projects": projects_for_goal(goal=goal, user=user, context=context),
        "calls": calls_for_goal(goal=goal, user=user, context=context),
    }


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
        .annotate(territory_lower=Lower("territory"))
    )
    need_criteria = {
        "kind": Q(kind__in=kinds),
        # An offer for any area answers every goal's area.
        "area": Q(pk__isnull=False) if any_area else Q(goal__area__in=areas),
        "territory": Q(territory_lower__in=territories),
    }
    calls = (
        CallForPartners.objects.restrict(user, Action.VIEW).accepting()
        .select_related("lead_body")
        .annotate(territory_lower=Lower("territory"))
    )
    call_criteria = {
        "area": Exists(CallForPartners.goals.through.objects.filter(
            callforpartners_id=OuterRef("pk"), goal__area__in=areas)),
        "territory": Q(territory_lower__in=territories),
    }
    ranked_needs = _ranked(needs, need_criteria, ("description",), "", require=need_criteria["kind"])
    return {
        "needs": [
            Suggestion(kind="need", object=need, score=need.score,
                       reasons=_reasons(need, need_criteria),
                       role=suggested_role(organisation, need.kind))
            for need in ranked_needs[:LIMIT]
        ],
        "calls": [
            Suggestion(kind=SuggestionKind.CALL, object=call, score=call.score,
                       reasons=_reasons(call, call_criteria))
            for call in _ranked(calls, call_criteria, ("title",), "")[:LIMIT]
        ],
    }
