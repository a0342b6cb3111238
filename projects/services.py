"""Every write to the projects register goes through here, from the pages, the API, the admin
or the demo data alike."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actors.models import Organisation
from core.access import Action, is_admin
from core.services import apply_changes, credit, ensure_allowed, record

from .models import Project

PROJECT_EDITABLE = {
    "title", "summary", "area", "territory", "starts_on", "ends_on", "state", "budget_band",
    "results", "lessons_learned", "visibility",
}


def _ensure_own_organisation(actor, organisation: Organisation):
    if actor is None or is_admin(actor):
        return
    if actor.organisation_id != organisation.pk:
        raise PermissionDenied(_("You may only record the projects of your own organisation."))


def _check_links(project: Project, *, goals, partners):
    """Goals served belong to the strategies of the body that runs the project; partners are
    other organisations."""
    if goals:
        if not project.organisation.is_public_body:
            raise ValidationError({"goals": _("Only a public body links its projects to goals.")})
        if any(goal.strategy.owner_id != project.organisation_id for goal in goals):
            raise ValidationError(
                {"goals": _("A project serves only goals of its own body's strategies.")}
            )
    if partners and any(partner.pk == project.organisation_id for partner in partners):
        raise ValidationError({"partners": _("The organisation that runs the project is not "
                                             "its own partner.")})


def _set_links(project: Project, actor, *, community_groups, goals, partners):
    credit(project, actor)
    if community_groups is not None:
        project.community_groups.set(community_groups)
    if goals is not None:
        project.goals.set(goals)
    if partners is not None:
        project.partners.set(partners)


@transaction.atomic
def project_create(*, actor, organisation: Organisation | None = None, community_groups=(),
                   goals=(), partners=(), **fields) -> Project:
    """Record a project of ``organisation`` (the actor's own by default)."""
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise ValidationError({"organisation": _("Name the organisation that runs the project.")})
    _ensure_own_organisation(actor, organisation)
    unknown = set(fields) - PROJECT_EDITABLE
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    project = Project(organisation=organisation, **fields)
    goals, partners = list(goals), list(partners)
    _check_links(project, goals=goals, partners=partners)
    record(project, actor=actor)
    _set_links(project, actor, community_groups=community_groups, goals=goals, partners=partners)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, community_groups=None, goals=None, partners=None,
                   **changes) -> Project:
    project = Project.objects.select_for_update().get(pk=project.pk)
    ensure_allowed(actor, project)
    goals = None if goals is None else list(goals)
    partners = None if partners is None else list(partners)
    _check_links(project, goals=goals, partners=partners)
    if apply_changes(project, changes, PROJECT_EDITABLE):
        record(project, actor=actor)
    _set_links(project, actor, community_groups=community_groups, goals=goals, partners=partners)
    return project


@transaction.atomic
def project_delete(*, actor, project: Project) -> None:
    ensure_allowed(actor, project, Action.DELETE)
    credit(project, actor)
    project.delete()
