"""Every read of partnerships starts here: restriction by user, then the joins and prefetches
the list and the detail need, so that no page or endpoint issues queries per row."""

from django.db.models import Count, Prefetch

from core.access import Action

from .models import Contribution, Partnership, Party, Rule


def partnership_list(*, user, action: str = Action.VIEW):
    """Partnerships ``user`` may see, with what a list row shows."""
    return (
        Partnership.objects.restrict(user, action)
        .select_related("lead_body")
        .prefetch_related("community_groups", "goals")
        .annotate(party_count=Count("parties", distinct=True))
    )


def party_queryset(*, user, action: str = Action.VIEW):
    return (
        Party.objects.restrict(user, action)
        .select_related("organisation", "partnership", "partnership__lead_body")
        .prefetch_related("contributions")
    )


def partnership_detail(*, user, action: str = Action.VIEW):
    """Partnerships with their parties, contributions, rules, goals and groups, all prefetched."""
    parties = Party.objects.select_related("organisation").prefetch_related(
        Prefetch("contributions", queryset=Contribution.objects.order_by("id"))
    )
    return (
        Partnership.objects.restrict(user, action)
        .select_related("lead_body", "created_by")
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch("rules", queryset=Rule.objects.order_by("category", "id")),
            "goals__strategy",
            "community_groups",
        )
    )


def rule_queryset(*, user, action: str = Action.VIEW):
    return Rule.objects.restrict(user, action).select_related("partnership")


def contribution_queryset(*, user, action: str = Action.VIEW):
    return Contribution.objects.restrict(user, action).select_related(
        "party__organisation", "party__partnership"
    )
