"""Every write to partnerships, their parties, contributions and rules goes through here,
whatever the entry point (admin, pages, API, commands), so the manifesto's rules always apply."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Organisation
from core.access import Action, is_admin, public_body_id
from core.files import display_name, pdf_problem
from core.services import (
    acting_user,
    apply_changes,
    delete_recorded,
    ensure_allowed,
    record,
    record_changes,
    record_new,
    set_links,
)
from notifications.services import notify

from .choices import CLOSED_STATUSES, PARTY_DOCUMENT_KINDS, REASONED_STATUSES, Status
from .measures import MEASURE_FIELDS
from .models import Contribution, Document, Partnership, Party, Rule
from .policies import (
    activation_problems,
    is_live,
    lead_authority_problem,
    party_problems,
    refuse_live_gaps,
    transition_problem,
)

PARTNERSHIP_EDITABLE = {
    "title",
    "summary",
    "territory",
    "language",
    "starts_on",
    "ends_on",
    "next_review_on",
    "internal_notes",
}


def _ensure_open(partnership: Partnership):
    if partnership.is_closed:
        raise ValidationError(
            _("This partnership is %(status)s and can no longer be changed.")
            % {"status": partnership.get_status_display().lower()}
        )


def _ensure_changeable(actor, partnership: Partnership):
    """``actor`` may change the partnership, and it is still open to change."""
    ensure_allowed(actor, partnership)
    _ensure_open(partnership)


def _ensure_lead_body(*, actor, lead_body: Organisation):
    if not lead_body.is_public_body:
        raise ValidationError({"lead_body": _("The lead body must be a public body.")})
    if actor is not None and not is_admin(actor) and public_body_id(actor) != lead_body.pk:
        raise PermissionDenied(_("You may only register partnerships led by your own body."))


def _ensure_body_goals(*, lead_body: Organisation, goals, already=()):
    """A partnership works towards goals of its lead body's own strategies. A goal linked before
    this rule (``already``) may stay; no other body's goal is added, whatever the entry point."""
    kept = {goal.pk for goal in already}
    foreign = [
        goal for goal in goals if goal.pk not in kept and goal.strategy.owner_id != lead_body.pk
    ]
    if foreign:
        raise ValidationError(
            {"goals": _("A partnership links only to goals of its lead body's strategies.")}
        )


@transaction.atomic
def partnership_create(
    *,
    actor,
    lead_body: Organisation,
    title: str,
    territory: str,
    summary: str = "",
    language: str = "",
    starts_on=None,
    ends_on=None,
    next_review_on=None,
    internal_notes: str = "",
    goals=(),
    community_groups=(),
) -> Partnership:
    _ensure_lead_body(actor=actor, lead_body=lead_body)
    _ensure_body_goals(lead_body=lead_body, goals=goals)
    partnership = Partnership(
        lead_body=lead_body,
        title=title,
        territory=territory,
        summary=summary,
        language=language,
        starts_on=starts_on,
        ends_on=ends_on,
        next_review_on=next_review_on,
        internal_notes=internal_notes,
        created_by=acting_user(actor),
    )
    return record_new(partnership, actor=actor, goals=goals, community_groups=community_groups)


@transaction.atomic
def partnership_update(
    *, actor, partnership: Partnership, goals=None, community_groups=None, **changes
) -> Partnership:
    _ensure_changeable(actor, partnership)
    if goals is not None:
        _ensure_body_goals(
            lead_body=partnership.lead_body, goals=goals, already=partnership.goals.all()
        )
    changed = apply_changes(partnership, changes, PARTNERSHIP_EDITABLE)
    if changed:
        record(partnership, actor=actor, fields=changed)
    # Changes of goals and groups are history records of the partnership too.
    set_links(partnership, actor=actor, goals=goals, community_groups=community_groups)
    if goals is not None or community_groups is not None:
        _ensure_still_activatable(partnership)
    return partnership


@transaction.atomic
def partnership_transition(
    *, actor, partnership: Partnership, status: str, reason: str = ""
) -> Partnership:
    """Move a partnership along its lifecycle; activation checks the manifesto's rules.
    Suspending, concluding and terminating need a reason, which is kept and published."""
    ensure_allowed(actor, partnership)
    reason = reason.strip()
    if status in REASONED_STATUSES and not reason:
        raise ValidationError({"reason": _("Give the reason for this step: it is published.")})
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    problem = transition_problem(current=partnership.status, target=status)
    if problem:
        raise ValidationError(problem)
    if status == Status.ACTIVE:
        problems = activation_problems(partnership)
        if problems:
            raise ValidationError(
                [_("This partnership cannot become active yet."), *problems]
            )
        if partnership.activated_at is None:
            partnership.activated_at = timezone.now()
    partnership.status = status
    partnership.status_reason = reason
    partnership.status_changed_on = timezone.localdate()
    record(partnership, actor=actor,
           fields={"status", "activated_at", "status_reason", "status_changed_on"})
    _queue_status_change(partnership, actor=actor)
    return partnership


def _queue_status_change(partnership: Partnership, *, actor) -> None:
    """Tell the people of every party that the agreement they belong to changed state; whoever
    moved it knows already."""
    url = settings.REGISTRY_BASE_URL.rstrip("/") + partnership.get_absolute_url()
    parties = Party.objects.filter(partnership=partnership).values("organisation_id")
    people = get_user_model().objects.people_of(parties)
    if actor is not None and actor.is_authenticated:
        people = people.exclude(pk=actor.pk)
    for person in people.select_related("organisation"):
        notify(
            person,
            kind="partnership_status",
            template="partnerships/email/partnership_status",
            context={"partnership": partnership, "person": person, "url": url},
        )


@transaction.atomic
def partnership_delete(*, actor, partnership: Partnership) -> None:
    ensure_allowed(actor, partnership, Action.DELETE)
    if partnership.status != Status.DRAFT:
        raise ValidationError(
            _("Only drafts can be deleted; terminate or conclude the partnership instead.")
        )
    delete_recorded(partnership, actor=actor)


def _ensure_party_allowed(*, partnership: Partnership, organisation: Organisation, role: str,
                          party: Party | None = None):
    problems = party_problems(organisation=organisation, role=role)
    second_lead = lead_authority_problem(partnership=partnership, role=role, party=party)
    if second_lead:
        problems.setdefault("role", second_lead)
    if problems:
        raise ValidationError(problems)


def _ensure_still_activatable(partnership: Partnership):
    """A live partnership may not lose what made it lawful to activate."""
    if is_live(partnership):
        refuse_live_gaps(activation_problems(partnership))


def _record_term_changes(term: Party | Rule, changed: set[str], *, actor):
    """Record the ``changed`` fields of a party or a rule, which a live partnership may only
    take while it keeps what made it lawful to activate."""
    if changed:
        record(term, actor=actor, fields=changed)
        _ensure_still_activatable(term.partnership)
    return term


@transaction.atomic
def party_add(
    *,
    actor,
    partnership: Partnership,
    organisation: Organisation,
    role: str,
    responsibilities: str,
    joined_on=None,
    contributions=(),
) -> Party:
    _ensure_changeable(actor, partnership)
    _ensure_party_allowed(partnership=partnership, organisation=organisation, role=role)
    party = record(
        Party(
            partnership=partnership,
            organisation=organisation,
            role=role,
            responsibilities=responsibilities,
            joined_on=joined_on,
        ),
        actor=actor,
    )
    for contribution in contributions:
        contribution_add(actor=actor, party=party, **contribution)
    return party


@transaction.atomic
def party_update(*, actor, party: Party, **changes) -> Party:
    _ensure_changeable(actor, party.partnership)
    changed = apply_changes(party, changes, {"organisation", "role", "responsibilities", "joined_on"})
    if {"organisation", "role"} & changed:
        _ensure_party_allowed(partnership=party.partnership, organisation=party.organisation,
                              role=party.role, party=party)
    return _record_term_changes(party, changed, actor=actor)


@transaction.atomic
def party_remove(*, actor, party: Party) -> None:
    partnership = party.partnership
    _ensure_changeable(actor, partnership)
    # Contributions go one by one, so that each removal is credited in their history.
    for contribution in party.contributions.all():
        delete_recorded(contribution, actor=actor)
    delete_recorded(party, actor=actor)
    _ensure_still_activatable(partnership)


@transaction.atomic
def contribution_add(*, actor, party: Party, kind: str, **fields) -> Contribution:
    _ensure_changeable(actor, party.partnership)
    contribution = Contribution(party=party, kind=kind)
    apply_changes(contribution, fields, set(MEASURE_FIELDS) - {"kind"})
    return record(contribution, actor=actor)


@transaction.atomic
def contribution_update(*, actor, contribution: Contribution, **changes) -> Contribution:
    _ensure_changeable(actor, contribution.party.partnership)
    record_changes(contribution, changes, set(MEASURE_FIELDS), actor=actor)
    return contribution


@transaction.atomic
def contribution_remove(*, actor, contribution: Contribution) -> None:
    _ensure_changeable(actor, contribution.party.partnership)
    delete_recorded(contribution, actor=actor)


@transaction.atomic
def rule_add(*, actor, partnership: Partnership, category: str, title: str, text: str) -> Rule:
    _ensure_changeable(actor, partnership)
    return record(
        Rule(partnership=partnership, category=category, title=title, text=text), actor=actor
    )


@transaction.atomic
def rule_update(*, actor, rule: Rule, **changes) -> Rule:
    _ensure_changeable(actor, rule.partnership)
    changed = apply_changes(rule, changes, {"category", "title", "text"})
    return _record_term_changes(rule, changed, actor=actor)


@transaction.atomic
def rule_remove(*, actor, rule: Rule) -> None:
    partnership = rule.partnership
    _ensure_changeable(actor, partnership)
    delete_recorded(rule, actor=actor)
    _ensure_still_activatable(partnership)


def partnership_review_reminders_queue(*, today=None) -> int:
    """Remind the lead body's coordinators of a partnership review falling due soon, once per
    coordinator and review date."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.PARTNERSHIP_REVIEW_REMINDER_DAYS)
    due = (
        Partnership.objects.exclude(status__in=CLOSED_STATUSES)
        .filter(next_review_on__gte=today, next_review_on__lte=horizon)
        .select_related("lead_body")
    )
    coordinators = get_user_model().objects
    queued = 0
    for partnership in due:
        url = settings.REGISTRY_BASE_URL.rstrip("/") + partnership.get_absolute_url()
        for coordinator in coordinators.coordinators_of(partnership.lead_body).exclude(email=""):
            with transaction.atomic():
                queued += bool(
                    notify(
                        coordinator,
                        kind="partnership_review",
                        template="partnerships/email/review_reminder",
                        context={"partnership": partnership, "url": url},
                        key=f"review:{partnership.pk}:{partnership.next_review_on:%Y%m%d}:"
                        f"{coordinator.pk}",
                    )
                )
    return queued


def may_file_document(actor, partnership: Partnership, kind: str | None = None) -> bool:
    """The lead body's coordinators file any document; the parties' people file minutes and
    evaluation reports."""
    if actor is None or is_admin(actor) or public_body_id(actor) == partnership.lead_body_id:
        return True
    if not (actor.is_authenticated and actor.organisation_id):
        return False
    is_party = partnership.parties.filter(organisation_id=actor.organisation_id).exists()
    return is_party and (kind is None or kind in PARTY_DOCUMENT_KINDS)


@transaction.atomic
def document_add(
    *, actor, partnership: Partnership, kind: str, title: str, issued_on, language: str,
    visibility: str, uploaded,
) -> Document:
    """File a PDF with a partnership, checked by its content (not its name). Its history
    records who filed it; only public documents appear on the public page and in OCDS."""
    if not may_file_document(actor, partnership, kind):
        raise PermissionDenied(_("You may not file this kind of document here."))
    problem = pdf_problem(uploaded, max_bytes=settings.PARTNERSHIP_DOCUMENT_MAX_BYTES)
    if problem:
        raise ValidationError({"file": problem})
    document = Document(
        partnership=partnership, kind=kind, title=title, issued_on=issued_on,
        language=language, visibility=visibility, original_name=display_name(uploaded),
        size=uploaded.size,
        uploaded_by=acting_user(actor),
    )
    document.file.save("upload.pdf", uploaded, save=False)
    return record(document, actor=actor)


DOCUMENT_EDITABLE = {"kind", "title", "issued_on", "language", "visibility"}


@transaction.atomic
def document_update(*, actor, document: Document, **changes) -> Document:
    """Correct what describes a document (not the file: file a new one instead). A party's
    person keeps to the kinds parties file."""
    ensure_allowed(actor, document)
    if not may_file_document(actor, document.partnership, changes.get("kind", document.kind)):
        raise PermissionDenied(_("You may not file this kind of document here."))
    changed = apply_changes(document, changes, DOCUMENT_EDITABLE)
    if changed:
        record(document, actor=actor, fields=changed)
    return document


@transaction.atomic
def document_remove(*, actor, document: Document) -> None:
    ensure_allowed(actor, document, Action.DELETE)
    storage, path = document.file.storage, document.file.name
    delete_recorded(document, actor=actor)
    transaction.on_commit(lambda: storage.delete(path))


@contextmanager
def partnership_search_deferred() -> Iterator[list[int]]:
    """For bulk loads: one transaction in which the search triggers (the app's first migration)
    leave the partnerships written and their links alone; the vectors of the partnerships whose
    ids the caller adds to the yielded list are computed once, at the end. Elsewhere than
    on PostgreSQL, just a transaction (there is no stored vector)."""
    ids: list[int] = []
    with transaction.atomic():
        if connection.vendor != "postgresql":
            yield ids
            return
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL efus.defer_search = on")
            yield ids
            cursor.execute("SET LOCAL efus.defer_search = off")
            cursor.execute("SELECT partnership_search_refresh(%s::bigint[])", [ids])
