from core.access import Action

from .models import Project


def project_list(*, user, action: str = Action.VIEW):
    """Projects ``user`` may read, with what a list row shows."""
    return (
        Project.objects.restrict(user, action)
        .select_related("organisation")
        .prefetch_related("community_groups")
    )


def project_detail_queryset(*, user, action: str = Action.VIEW):
    return project_list(user=user, action=action).prefetch_related(
        "goals", "partners", "goals__strategy"
    )
