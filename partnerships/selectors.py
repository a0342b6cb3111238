"""Every read of partnerships starts here: restriction by user, then the joins and prefetches
the list and the detail need, so that no page or endpoint issues queries per row."""

from collections import defaultdict

import orjson
from django.db import connection
from django.db.models import Count, OuterRef, Prefetch, Subquery, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from core.access import Action
from goals.models import Goal

from .choices import DocumentVisibility
from .models import Contribution, Document, Partnership, Party, Rule


def _party_count():
    """The number of a partnership's parties, counted for the rows fetched only: a join with
    GROUP BY would make PostgreSQL count the parties of every matching partnership before
    taking a page (3 s for the public register's first page at 20 000 partnerships)."""
    parties = (
        Party.objects.filter(partnership=OuterRef("pk"))
        .order_by()
        .values("partnership")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(parties), 0)


def partnership_list(*, user, action: str = Action.VIEW):
    """Partnerships ``user`` may see, with what a list row shows."""
    return (
        Partnership.objects.restrict(user, action)
        .select_related("lead_body")
        .prefetch_related("community_groups", "goals")
        .annotate(party_count=_party_count())
    )


def party_queryset(*, user, action: str = Action.VIEW):
    return (
        Party.objects.restrict(user, action)
        .select_related("organisation", "partnership", "partnership__lead_body")
        .prefetch_related("contributions")
    )


def _partnership_with_parts(*, user, action, goals):
    parties = Party.objects.select_related("organisation").prefetch_related(
        Prefetch("contributions", queryset=Contribution.objects.order_by("id"))
    )
    return (
        Partnership.objects.restrict(user, action)
        .select_related("lead_body")
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch("rules", queryset=Rule.objects.order_by("category", "id")),
            Prefetch("goals", queryset=goals),
            "community_groups",
        )
    )


def document_queryset(*, user, action: str = Action.VIEW):
    """Documents ``user`` may read (or change), with the partnership a row names."""
    return Document.objects.restrict(user, action).select_related("partnership")


def partnership_detail_queryset(*, user, action: str = Action.VIEW):
    """Partnerships with their parties, contributions, rules, goals (with the strategy each
    belongs to, which the pages name) and groups, all prefetched."""
    return _partnership_with_parts(
        user=user, action=action, goals=Goal.objects.select_related("strategy")
    )


def partnership_representation_queryset(*, user, action: str = Action.VIEW):
    """Partnerships with what their API representation shows: parties, contributions, rules,
    goals and groups, in six queries for one partnership."""
    return _partnership_with_parts(user=user, action=action, goals=Goal.objects.all())


def document_list(*, user, partnership=None, public_only: bool = False):
    """Documents ``user`` may read, newest first; ``public_only`` for the public pages."""
    documents = document_queryset(user=user)
    if partnership is not None:
        documents = documents.filter(partnership=partnership)
    if public_only:
        documents = documents.filter(visibility=DocumentVisibility.PUBLIC)
    return documents.order_by("-issued_on", "-id")


def rule_queryset(*, user, action: str = Action.VIEW):
    return Rule.objects.restrict(user, action).select_related("partnership")


def contribution_queryset(*, user, action: str = Action.VIEW):
    return Contribution.objects.restrict(user, action).select_related(
        "party__organisation", "party__partnership"
    )


ROW_FIELDS = (
    "id", "title", "status", "territory", "starts_on", "ends_on", "next_review_on",
    "activated_at", "created_at", "updated_at", "lead_body_id", "lead_body__name",
    "lead_body__sector", "lead_body__kind", "lead_body__country",
)


# On PostgreSQL each row carries its goals and groups as JSON built by the page query itself,
# in the order and shape of the detail representation (as text, which orjson decodes faster);
# elsewhere ``with_goals_and_groups`` fetches them per page.
ROW_GOALS_SQL = """COALESCE((
    SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'area', g.area,
                                      'horizon', g.horizon, 'priority', g.priority)
                    ORDER BY g.priority, g.title, g.id)
      FROM partnerships_partnership_goals link JOIN goals_goal g ON g.id = link.goal_id
     WHERE link.partnership_id = partnerships_partnership.id), '[]')::text"""
ROW_GROUPS_SQL = """COALESCE((
    SELECT json_agg(json_build_object('code', c.code, 'name_en', c.name_en,
                                      'name_fr', c.name_fr)
                    ORDER BY c.name_en, c.id)
      FROM partnerships_partnership_community_groups link
      JOIN goals_communitygroup c ON c.id = link.communitygroup_id
     WHERE link.partnership_id = partnerships_partnership.id), '[]')::text"""


def partnership_rows(*, user, action: str = Action.VIEW):
    """Partnerships ``user`` may see as plain rows, for long lists and exports: no model
    instances, one query per page on PostgreSQL (the API's list answers about as fast as a
    hand-written query). Pass each page through ``with_goals_and_groups``."""
    rows = Partnership.objects.restrict(user, action).annotate(party_count=_party_count())
    fields = [*ROW_FIELDS, "party_count"]
    if connection.vendor == "postgresql":
        rows = rows.annotate(
            goal_items=RawSQL(ROW_GOALS_SQL, (), output_field=TextField()),  # noqa: S611 (constant)
            group_items=RawSQL(ROW_GROUPS_SQL, (), output_field=TextField()),  # noqa: S611
        )
        fields += ["goal_items", "group_items"]
    return rows.values(*fields)


def with_goals_and_groups(rows: list[dict]) -> list[dict]:
    """Give each row its goals and community groups (``goal_items``, ``group_items``) as plain
    values: decoded from the row's JSON on PostgreSQL, fetched in two queries elsewhere."""
    if not rows:
        return rows
    if "goal_items" in rows[0]:
        for row in rows:
            row["goal_items"] = orjson.loads(row["goal_items"])
            row["group_items"] = orjson.loads(row["group_items"])
        return rows
    ids = [row["id"] for row in rows]
    goals, groups = defaultdict(list), defaultdict(list)
    links = Partnership.goals.through.objects.filter(partnership_id__in=ids).order_by(
        "goal__priority", "goal__title", "goal_id"
    )
    for partnership, *goal in links.values_list(
        "partnership_id", "goal_id", "goal__title", "goal__area", "goal__horizon", "goal__priority"
    ):
        goals[partnership].append(dict(zip(("id", "title", "area", "horizon", "priority"), goal,
                                           strict=True)))
    served = Partnership.community_groups.through.objects.filter(partnership_id__in=ids).order_by(
        "communitygroup__name_en", "communitygroup_id"
    )
    for partnership, *group in served.values_list(
        "partnership_id", "communitygroup__code", "communitygroup__name_en",
        "communitygroup__name_fr",
    ):
        groups[partnership].append(dict(zip(("code", "name_en", "name_fr"), group, strict=True)))
    for row in rows:
        row["goal_items"] = goals[row["id"]]
        row["group_items"] = groups[row["id"]]
    return rows


def partnerships_with_party(*, user, organisation):
    """Partnerships ``user`` may see in which ``organisation`` is a party."""
    return partnership_list(user=user).filter(
        pk__in=Party.objects.filter(organisation=organisation).values("partnership_id")
    )


def published_led_by(*, organisation):
    """Published partnerships ``organisation`` leads, whoever reads."""
    return Partnership.objects.published().filter(lead_body=organisation)


def partnerships_led_by(*, user, organisation):
    return partnership_list(user=user).filter(lead_body=organisation)


def partnerships_serving(*, user, goal):
    """Partnerships ``user`` may see that work towards ``goal``."""
    return partnership_list(user=user).filter(goals=goal)
