"""Every write to the projects register goes through here, from the pages, the API, the admin
or the demo data alike."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actors.choices import Function, VerificationStatus
from actors.models import Organisation
from calls.models import CallForPartners
from core.access import Action, is_admin, may
from core.services import (
    acting_user,
    delete_allowed,
    ensure_allowed,
    record,
    record_changes,
    set_links,
    update_allowed,
)
from goals.models import Goal
from notifications.services import language_for, notify
from partnerships.choices import Role
from partnerships.measures import MEASURE_FIELDS
from partnerships.models import Partnership
from partnerships.services import partnership_create, party_add

from . import finder
from .choices import SuggestionKind
from .models import (
    ContributionOffer,
    DigestSubscription,
    Dismissal,
    Invitation,
    Need,
    Project,
)

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
    set_links(project, actor=actor, community_groups=community_groups, goals=goals, partners=partners)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, community_groups=None, goals=None, partners=None,
                   **changes) -> Project:
    project = Project.objects.select_for_update().get(pk=project.pk)
    ensure_allowed(actor, project)
    goals = None if goals is None else list(goals)
    partners = None if partners is None else list(partners)
    _check_links(project, goals=goals, partners=partners)
    record_changes(project, changes, PROJECT_EDITABLE, actor=actor)
    set_links(project, actor=actor, community_groups=community_groups, goals=goals, partners=partners)
    return project


def project_delete(*, actor, project: Project) -> None:
    delete_allowed(project, actor=actor)


# Needs on goals ------------------------------------------------------------------------------

NEED_EDITABLE = {"kind", "magnitude", "territory", "description", "is_open"}


@transaction.atomic
def need_add(*, actor, goal: Goal, kind: str, territory: str = "", magnitude: str = "",
             description: str = "") -> Need:
    """Say what a goal lacks; only its owner body's coordinators do."""
    ensure_allowed(actor, goal)
    need = Need(goal=goal, kind=kind, territory=territory or goal.territory,
                description=description)
    if magnitude:
        need.magnitude = magnitude
    return record(need, actor=actor)


def need_update(*, actor, need: Need, **changes) -> Need:
    return update_allowed(need, changes, NEED_EDITABLE, actor=actor)


def need_remove(*, actor, need: Need) -> None:
    delete_allowed(need, actor=actor)


# Standing contribution offers ----------------------------------------------------------------

OFFER_EDITABLE = {*MEASURE_FIELDS, "area", "territory", "magnitude", "expectations", "is_active"}


@transaction.atomic
def offer_create(*, actor, organisation: Organisation | None = None, **fields) -> ContributionOffer:
    """State what a firm or an intermediary can bring; public bodies answer needs with goals."""
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise ValidationError({"organisation": _("Name the organisation that offers.")})
    _ensure_own_organisation(actor, organisation)
    if organisation.is_public_body:
        raise ValidationError(
            _("Public bodies state their needs on their goals rather than standing offers.")
        )
    unknown = set(fields) - OFFER_EDITABLE
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    return record(ContributionOffer(organisation=organisation, **fields), actor=actor)


def offer_update(*, actor, offer: ContributionOffer, **changes) -> ContributionOffer:
    return update_allowed(offer, changes, OFFER_EDITABLE, actor=actor)


def offer_remove(*, actor, offer: ContributionOffer) -> None:
    delete_allowed(offer, actor=actor)


# From a suggestion to action -----------------------------------------------------------------


def _ensure_goal_owner(actor, goal: Goal):
    if actor is not None and not may(actor, Action.CHANGE, goal):
        raise PermissionDenied(_("Only the coordinators of the goal's body act on its "
                                 "suggestions."))


@transaction.atomic
def suggestion_dismiss(*, actor, goal: Goal, kind: str, target_id: int) -> Dismissal:
    """Set a suggestion aside for a goal; it stays out of the goal's suggestions."""
    _ensure_goal_owner(actor, goal)
    if kind not in SuggestionKind.values:
        raise ValidationError({"kind": _("Unknown kind of suggestion.")})
    dismissal, _created = Dismissal.objects.get_or_create(
        goal=goal, kind=kind, target_id=target_id,
        defaults={"dismissed_by": acting_user(actor)},
    )
    return dismissal


@transaction.atomic
def invitation_send(*, actor, call: CallForPartners, organisation: Organisation,
                    goal: Goal | None = None, reasons=()) -> Invitation:
    """Invite an organisation to answer a call of the actor's body: its representatives are
    told through the outbox, once per call."""
    if actor is not None and not may(actor, Action.CHANGE, call):
        raise PermissionDenied(_("You may only invite organisations to your own body's calls."))
    if not call.is_accepting:
        raise ValidationError({"call": _("This call no longer takes answers.")})
    if organisation.verification_status != VerificationStatus.VERIFIED or organisation.is_public_body:
        raise ValidationError(
            {"organisation": _("Only verified firms and intermediaries are invited to answer.")}
        )
    invitation, created = Invitation.objects.get_or_create(
        call=call, organisation=organisation,
        defaults={"goal": goal, "reasons": list(reasons),
                  "invited_by": acting_user(actor)},
    )
    if created:
        url = settings.REGISTRY_BASE_URL.rstrip("/") + call.get_absolute_url()
        for person in get_user_model().objects.filter(
            organisation=organisation, function=Function.FIRM_REPRESENTATIVE, is_active=True
        ).exclude(email=""):
            notify(
                person,
                kind="call_invitation", template="projects/email/call_invitation",
                context={"call": call, "organisation": organisation, "url": url},
                key=f"invitation:{invitation.pk}:{person.pk}",
            )
    return invitation


@transaction.atomic
def partnership_draft_from_suggestions(*, actor, goal: Goal, title: str, parties) -> Partnership:
    """Start a draft partnership led by the goal's body, serving the goal, with the suggested
    organisations as parties in their suggested roles; the manifesto's rules apply as always.
    ``parties`` holds (organisation, role) pairs."""
    _ensure_goal_owner(actor, goal)
    body = goal.strategy.owner
    partnership = partnership_create(actor=actor, lead_body=body, title=title,
                                     territory=goal.territory, goals=[goal],
                                     community_groups=list(goal.community_groups.all()))
    party_add(actor=actor, partnership=partnership, organisation=body,
              role=Role.LEAD_AUTHORITY, responsibilities=_("Leads the partnership."))
    for organisation, role in parties:
        party_add(actor=actor, partnership=partnership, organisation=organisation, role=role,
                  responsibilities=_("To be agreed."))
    return partnership


# Digest of new suggestions -------------------------------------------------------------------

DIGEST_DAYS = 7


def digest_set(*, user, active: bool) -> DigestSubscription:
    """Ask for (or stop) the weekly digest of new suggestions."""
    subscription, _created = DigestSubscription.objects.update_or_create(
        user=user, defaults={"is_active": active}
    )
    return subscription


def _new_for_body(user, since) -> list[str]:
    lines = []
    new_offers = set(ContributionOffer.objects.filter(created_at__gt=since)
                     .values_list("organisation_id", flat=True))
    new_projects = set(Project.objects.filter(created_at__gt=since).values_list("pk", flat=True))
    for goal in (Goal.objects.filter(strategy__owner_id=user.organisation_id)
                 .select_related("strategy").order_by("pk")[:20]):
        context = finder.GoalContext.of(goal)
        for suggestion in finder.organisations_for_goal(goal=goal, user=user, context=context):
            if suggestion.object.pk in new_offers:
                lines.append(f"{goal.title}: {suggestion.object.name} "
                             f"({', '.join(suggestion.reason_labels)})")
        for suggestion in finder.projects_for_goal(goal=goal, user=user, context=context):
            if suggestion.object.pk in new_projects:
                lines.append(f"{goal.title}: {suggestion.object.title} "
                             f"({', '.join(suggestion.reason_labels)})")
    return lines


def _new_for_organisation(user, since) -> list[str]:
    found = finder.opportunities_for_organisation(organisation=user.organisation, user=user)
    lines = [f"{s.object.goal.title}: {s.object} ({', '.join(s.reason_labels)})"
             for s in found["needs"] if s.object.created_at > since]
    lines += [f"{s.object.title} ({', '.join(s.reason_labels)})"
              for s in found["calls"] if s.object.created_at > since]
    return lines


def digests_send(*, now=None) -> int:
    """Queue each subscriber's digest of what is new since the last one, in their language;
    once per person and week, and nothing when nothing is new."""
    now = now or timezone.now()
    sent = 0
    week = now.strftime("%G-%V")
    subscriptions = DigestSubscription.objects.filter(
        is_active=True, user__is_active=True, user__organisation__isnull=False
    ).select_related("user", "user__organisation")
    for subscription in subscriptions:
        user = subscription.user
        since = subscription.last_sent_at or now - timedelta(days=DIGEST_DAYS)
        with translation.override(language_for(user)):
            lines = (_new_for_body(user, since) if user.organisation.is_public_body
                     else _new_for_organisation(user, since))
        with transaction.atomic():
            if lines and user.email:
                sent += bool(notify(
                    user,
                    kind="suggestion_digest", template="projects/email/digest",
                    context={"lines": lines, "url": settings.REGISTRY_BASE_URL.rstrip("/")
                             + reverse("projects:opportunities" if not
                                       user.organisation.is_public_body else "home:home")},
                    key=f"digest:{user.pk}:{week}",
                ))
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
    return sent
