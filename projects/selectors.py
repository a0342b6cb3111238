from django.db.models import Prefetch

from core.access import Action
from goals.models import Goal

from .models import ContributionOffer, Invitation, Need, Project


def project_list(*, user, action: str = Action.VIEW):
    """Projects ``user`` may read, with what a list row shows."""
    return (
        Project.objects.restrict(user, action)
        .select_related("organisation")
        .prefetch_related("community_groups")
    )


def project_detail_queryset(*, user, action: str = Action.VIEW):
    """Projects with their goals (and the strategy each belongs to, which the page names) and
    partners."""
    return project_list(user=user, action=action).prefetch_related(
        Prefetch("goals", queryset=Goal.objects.select_related("strategy")), "partners"
    )


def project_representation_queryset(*, user, action: str = Action.VIEW):
    """Projects with what their API representation shows: groups, goals and partners."""
    return project_list(user=user, action=action).prefetch_related("goals", "partners")


def need_list(*, user, action: str = Action.VIEW):
    return Need.objects.restrict(user, action).select_related("goal")


def offer_list(*, user, action: str = Action.VIEW):
    return ContributionOffer.objects.restrict(user, action).select_related("organisation")


def invitations_for(*, organisation):
    """The open calls an organisation was invited to answer, newest first."""
    return (
        Invitation.objects.filter(organisation=organisation)
        .select_related("call", "call__lead_body")
        .order_by("-created_at")
    )
