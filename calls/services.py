"""Every write to calls for partners and expressions of interest.

Pages, API, admin and tasks all come through here, so the same rules and messages apply.
Notifications are written to the outbox inside the same transaction as the change.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import selectors as accounts_selectors
from actors.models import Organisation
from core.access import Action, is_admin, public_body_id
from core.files import display_name, pdf_problem
from core.services import acting_user, apply_changes, ensure_allowed, record, record_new
from notifications.services import notification_queue, notify
from partnerships.measures import MEASURE_FIELDS
from partnerships.services import party_add

from .choices import (
    FIRM_EDITABLE_STATUSES,
    FIRM_TRANSITIONS,
    REVIEW_TRANSITIONS,
    CallStatus,
    EoiStatus,
)
from .models import (
    Attachment,
    CallForPartners,
    ExpressionOfInterest,
    InternalComment,
    Offer,
)

User = get_user_model()

CALL_EDITABLE = {"title", "description", "territory", "contribution_kinds", "opens_on", "closes_at"}
EOI_EDITABLE = {"title", "summary", "expectations", "contact_name", "contact_email", "contact_phone"}
MAX_OFFERS = 20
MAX_ATTACHMENTS = 10


def absolute_url(path: str) -> str:
    return settings.REGISTRY_BASE_URL.rstrip("/") + path


# Calls for partners ---------------------------------------------------------------------------


def _ensure_body_goals(*, lead_body, goals):
    foreign = [goal for goal in goals if goal.strategy.owner_id != lead_body.pk]
    if foreign:
        raise ValidationError(
            {"goals": _("A call links only to goals of its own body's strategies.")}
        )


@transaction.atomic
def call_create(
    *,
    actor,
    lead_body: Organisation,
    title: str,
    description: str,
    territory: str,
    contribution_kinds: list[str],
    opens_on,
    closes_at,
    goals=(),
) -> CallForPartners:
    """Prepare a call as a draft; it is public once published."""
    if actor is not None and not is_admin(actor) and public_body_id(actor) != lead_body.pk:
        raise PermissionDenied(_("You may only publish calls for your own body."))
    _ensure_body_goals(lead_body=lead_body, goals=goals)
    call = CallForPartners(
        lead_body=lead_body,
        title=title,
        description=description,
        territory=territory,
        contribution_kinds=list(contribution_kinds),
        opens_on=opens_on,
        closes_at=closes_at,
        created_by=acting_user(actor),
    )
    return record_new(call, actor=actor, goals=goals)


@transaction.atomic
def call_update(*, actor, call: CallForPartners, goals=None, **changes) -> CallForPartners:
    ensure_allowed(actor, call)
    if call.status == CallStatus.CLOSED:
        raise ValidationError(_("This call is closed and can no longer be changed."))
    if "contribution_kinds" in changes:
        changes["contribution_kinds"] = list(changes["contribution_kinds"])
    if apply_changes(call, changes, CALL_EDITABLE):
        record(call, actor=actor)
    if goals is not None:
        _ensure_body_goals(lead_body=call.lead_body, goals=goals)
        call.goals.set(goals)
    return call


@transaction.atomic
def call_publish(*, actor, call: CallForPartners) -> CallForPartners:
    ensure_allowed(actor, call)
    call = CallForPartners.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.DRAFT:
        raise ValidationError(_("Only a draft call can be published."))
    if call.closes_at <= timezone.now():
        raise ValidationError({"closes_at": _("Set a closing date in the future first.")})
    call.status = CallStatus.OPEN
    return record(call, actor=actor, fields={"status"})


@transaction.atomic
def call_close(*, actor, call: CallForPartners) -> CallForPartners:
    """Close an open call: at its deadline (``actor`` None) or early, by its body."""
    ensure_allowed(actor, call)
    call = CallForPartners.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.OPEN:
        raise ValidationError(_("Only an open call can be closed."))
    call.status = CallStatus.CLOSED
    call.closed_at = timezone.now()
    return record(call, actor=actor, fields={"status", "closed_at"})


def calls_close_due(*, now=None) -> int:
    """Close every open call whose deadline has passed; returns how many were closed."""
    now = now or timezone.now()
    due = CallForPartners.objects.filter(status=CallStatus.OPEN, closes_at__lte=now)
    closed = 0
    for call in due:
        call_close(actor=None, call=call)
        closed += 1
    return closed


@transaction.atomic
def call_deadline_reminders_queue(*, now=None) -> int:
    """Remind firms holding a draft on a call that closes soon; once per draft and deadline."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.CALLS_DEADLINE_REMINDER_DAYS)
    drafts = ExpressionOfInterest.objects.filter(
        status=EoiStatus.DRAFT,
        call__status=CallStatus.OPEN,
        call__closes_at__gt=now,
        call__closes_at__lte=horizon,
        submitted_by__is_active=True,
    ).select_related("call", "submitted_by")
    queued = 0
    for eoi in drafts:
        queued += bool(
            notify(
                eoi.submitted_by,
                kind="call_deadline",
                template="calls/email/call_deadline",
                context={"eoi": eoi, "call": eoi.call, "url": absolute_url(eoi.get_absolute_url())},
                key=f"call-deadline:{eoi.call_id}:{eoi.pk}:{eoi.call.closes_at:%Y%m%d%H%M}",
            )
        )
    return queued


# Expressions of interest ----------------------------------------------------------------------


def personal_data_erase(*, user) -> None:
    """Blank a person's contact details on the expressions of interest they wrote or are the
    contact of; the organisation keeps the submissions. Called when the account is erased."""
    written = ExpressionOfInterest.objects.filter(submitted_by=user)
    if user.email:
        written = written | ExpressionOfInterest.objects.filter(contact_email__iexact=user.email)
    ExpressionOfInterest.objects.filter(pk__in=written.values("pk")).update(
        contact_name="", contact_email="", contact_phone=""
    )


def _ensure_firm(actor, eoi: ExpressionOfInterest | None = None, organisation_id=None):
    organisation_id = eoi.organisation_id if eoi is not None else organisation_id
    if actor is None or is_admin(actor):
        return
    if not (actor.is_firm_representative and actor.organisation_id == organisation_id):
        raise PermissionDenied(_("Only the firm's own representatives can do this."))


def _ensure_reviewer(actor, eoi: ExpressionOfInterest):
    if actor is None or is_admin(actor):
        return
    if public_body_id(actor) != eoi.public_body_id:
        raise PermissionDenied(
            _("Only the coordinators of the body it is addressed to review this.")
        )


def _ensure_firm_editable(eoi: ExpressionOfInterest):
    if eoi.status not in FIRM_EDITABLE_STATUSES:
        raise ValidationError(
            _("This expression of interest is %(status)s: it can no longer be changed.")
            % {"status": eoi.get_status_display().lower()}
        )


def _set_offers(eoi: ExpressionOfInterest, offers) -> None:
    offers = list(offers)
    if len(offers) > MAX_OFFERS:
        raise ValidationError({"offers": _("Offer at most %(n)d things.") % {"n": MAX_OFFERS}})
    for existing in eoi.offers.all():
        existing.delete()
    for fields in offers:
        unknown = set(fields) - set(MEASURE_FIELDS)
        if unknown:
            raise ValidationError({"offers": _("Unknown offer fields.")})
        offer = Offer(expression_of_interest=eoi, **fields)
        offer.full_clean()
        offer.save()


def _ensure_accepting(call: CallForPartners | None):
    if call is not None and not call.is_accepting:
        raise ValidationError(
            {"call": _("This call for partners is not open for expressions of interest.")}
        )


@transaction.atomic
def eoi_create(
    *,
    actor,
    title: str,
    summary: str,
    call: CallForPartners | None = None,
    public_body: Organisation | None = None,
    organisation: Organisation | None = None,
    expectations: str = "",
    goals=(),
    community_groups=(),
    offers=(),
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    consent: bool = False,
) -> ExpressionOfInterest:
    """Save a firm's expression of interest as a draft, on a call or spontaneous."""
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise PermissionDenied(_("Only a firm's representatives write expressions of interest."))
    _ensure_firm(actor, organisation_id=organisation.pk)
    if call is not None:
        _ensure_accepting(call)
        public_body = call.lead_body
    if public_body is None or not public_body.is_public_body:
        raise ValidationError({"public_body": _("Choose the public body you address.")})
    eoi = ExpressionOfInterest(
        call=call,
        public_body=public_body,
        organisation=organisation,
        submitted_by=acting_user(actor),
        title=title,
        summary=summary,
        expectations=expectations,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        consent_given_at=timezone.now() if consent else None,
    )
    record(eoi, actor=actor)
    eoi.goals.set(goals)
    eoi.community_groups.set(community_groups)
    _set_offers(eoi, offers)
    return eoi


@transaction.atomic
def eoi_update(
    *,
    actor,
    eoi: ExpressionOfInterest,
    goals=None,
    community_groups=None,
    offers=None,
    consent: bool | None = None,
    **changes,
) -> ExpressionOfInterest:
    """The firm changes its expression of interest until review starts."""
    eoi = ExpressionOfInterest.objects.select_for_update().get(pk=eoi.pk)
    ensure_allowed(actor, eoi)
    _ensure_firm(actor, eoi)
    _ensure_firm_editable(eoi)
    changed = apply_changes(eoi, changes, EOI_EDITABLE)
    if consent is not None and consent != (eoi.consent_given_at is not None):
        if not consent and eoi.status != EoiStatus.DRAFT:
            raise ValidationError(
                {"consent": _("A submitted expression of interest keeps the contact's consent; "
                              "withdraw it instead.")}
            )
        eoi.consent_given_at = timezone.now() if consent else None
        changed.add("consent_given_at")
    if changed:
        record(eoi, actor=actor)
    if goals is not None:
        eoi.goals.set(goals)
    if community_groups is not None:
        eoi.community_groups.set(community_groups)
    if offers is not None:
        _set_offers(eoi, offers)
    return eoi


@transaction.atomic
def eoi_delete(*, actor, eoi: ExpressionOfInterest) -> None:
    ensure_allowed(actor, eoi, Action.DELETE)
    if eoi.status != EoiStatus.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; withdraw it instead."))
    if actor is not None and actor.is_authenticated:
        eoi._history_user = actor
    eoi.delete()


def _move(*, actor, eoi: ExpressionOfInterest, target: str, transitions, **fields):
    eoi = ExpressionOfInterest.objects.select_for_update().get(pk=eoi.pk)
    if target not in transitions.get(EoiStatus(eoi.status), set()):
        raise ValidationError(
            _("An expression of interest cannot go from “%(current)s” to “%(target)s”.")
            % {"current": eoi.get_status_display(), "target": EoiStatus(target).label}
        )
    eoi.status = target
    for name, value in fields.items():
        setattr(eoi, name, value)
    return record(eoi, actor=actor, fields={"status", *fields})


def _firm_recipient(eoi: ExpressionOfInterest):
    """Who hears about the firm's submission: its contact, else the person who wrote it."""
    writer = eoi.submitted_by if eoi.submitted_by and eoi.submitted_by.is_active else None
    return (eoi.contact_email or (writer.email if writer else "")), writer


def _notify_firm(eoi: ExpressionOfInterest, event: str):
    to_email, writer = _firm_recipient(eoi)
    notification_queue(
        kind=f"eoi_{event}",
        template=f"calls/email/eoi_{event}",
        context={"eoi": eoi, "url": absolute_url(eoi.get_absolute_url())},
        to_email=to_email,
        recipient=writer,
        key=f"eoi:{eoi.pk}:{event}:firm",
    )


def _notify_coordinators(eoi: ExpressionOfInterest, event: str):
    for coordinator in User.objects.coordinators_of(eoi.public_body).exclude(email=""):
        notify(
            coordinator,
            kind=f"eoi_{event}_to_public_body",
            template=f"calls/email/eoi_{event}_to_public_body",
            context={"eoi": eoi, "coordinator": coordinator,
                     "url": absolute_url(eoi.get_absolute_url())},
            key=f"eoi:{eoi.pk}:{event}:user:{coordinator.pk}",
        )


@transaction.atomic
def eoi_submit(*, actor, eoi: ExpressionOfInterest) -> ExpressionOfInterest:
    ensure_allowed(actor, eoi)
    _ensure_firm(actor, eoi)
    if actor is not None and not accounts_selectors.email_confirmed(actor):
        raise ValidationError(
            _("Confirm your e-mail address first: follow the link we sent you.")
        )
    _ensure_accepting(eoi.call)
    problems = []
    if eoi.consent_given_at is None:
        problems.append(_("Consent to the processing of the contact's personal data is required."))
    if not eoi.offers.exists():
        problems.append(_("Say what your organisation offers: add at least one offer."))
    if problems:
        raise ValidationError(problems)
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.SUBMITTED, transitions=FIRM_TRANSITIONS,
                submitted_at=timezone.now())
    _notify_coordinators(eoi, "submitted")
    _notify_firm(eoi, "submitted")
    return eoi


@transaction.atomic
def eoi_withdraw(*, actor, eoi: ExpressionOfInterest) -> ExpressionOfInterest:
    ensure_allowed(actor, eoi)
    _ensure_firm(actor, eoi)
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.WITHDRAWN, transitions=FIRM_TRANSITIONS,
                decided_at=timezone.now())
    _notify_coordinators(eoi, "withdrawn")
    return eoi


@transaction.atomic
def eoi_start_review(*, actor, eoi: ExpressionOfInterest) -> ExpressionOfInterest:
    ensure_allowed(actor, eoi)
    _ensure_reviewer(actor, eoi)
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.UNDER_REVIEW,
                transitions=REVIEW_TRANSITIONS, review_started_at=timezone.now())
    _notify_firm(eoi, "under_review")
    return eoi


@transaction.atomic
def eoi_shortlist(*, actor, eoi: ExpressionOfInterest) -> ExpressionOfInterest:
    ensure_allowed(actor, eoi)
    _ensure_reviewer(actor, eoi)
    fields = {} if eoi.review_started_at else {"review_started_at": timezone.now()}
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.SHORTLISTED,
                transitions=REVIEW_TRANSITIONS, **fields)
    _notify_firm(eoi, "shortlisted")
    return eoi


@transaction.atomic
def eoi_decline(*, actor, eoi: ExpressionOfInterest, reason: str) -> ExpressionOfInterest:
    ensure_allowed(actor, eoi)
    _ensure_reviewer(actor, eoi)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the firm the reason for declining.")})
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.DECLINED, transitions=REVIEW_TRANSITIONS,
                decline_reason=reason, decided_at=timezone.now())
    _notify_firm(eoi, "declined")
    return eoi


@transaction.atomic
def eoi_accept(
    *, actor, eoi: ExpressionOfInterest, partnership, role: str, responsibilities: str
) -> ExpressionOfInterest:
    """Accept into a partnership: the firm becomes a party through the partnership services,
    so the manifesto's rules (verified organisations, roles reserved to public bodies) apply."""
    ensure_allowed(actor, eoi)
    _ensure_reviewer(actor, eoi)
    if partnership.lead_body_id != eoi.public_body_id:
        raise ValidationError(
            {"partnership": _("Choose a partnership led by the body this was addressed to.")}
        )
    party = party_add(
        actor=actor,
        partnership=partnership,
        organisation=eoi.organisation,
        role=role,
        responsibilities=responsibilities,
        joined_on=timezone.localdate(),
        contributions=[offer.measure() for offer in eoi.offers.all()],
    )
    eoi = _move(actor=actor, eoi=eoi, target=EoiStatus.ACCEPTED, transitions=REVIEW_TRANSITIONS,
                party=party, decided_at=timezone.now())
    _notify_firm(eoi, "accepted")
    return eoi


@transaction.atomic
def comment_add(*, actor, eoi: ExpressionOfInterest, text: str) -> InternalComment:
    ensure_allowed(actor, eoi)
    if actor is None or not (is_admin(actor) or public_body_id(actor) == eoi.public_body_id):
        raise PermissionDenied(_("Only the coordinators of the receiving body comment here."))
    comment = InternalComment(expression_of_interest=eoi, author=actor, text=(text or "").strip())
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def attachment_add(*, actor, eoi: ExpressionOfInterest, uploaded) -> Attachment:
    """Attach a PDF, checked by its content (not its name), stored under a name of our own."""
    ensure_allowed(actor, eoi)
    _ensure_firm(actor, eoi)
    _ensure_firm_editable(eoi)
    problem = pdf_problem(uploaded, max_bytes=settings.CALLS_ATTACHMENT_MAX_BYTES)
    if problem:
        raise ValidationError({"file": problem})
    if eoi.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError({"file": _("At most %(n)d attachments.") % {"n": MAX_ATTACHMENTS}})
    attachment = Attachment(
        expression_of_interest=eoi,
        original_name=display_name(uploaded),
        size=uploaded.size,
        uploaded_by=acting_user(actor),
    )
    attachment.file.save("upload.pdf", uploaded, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    ensure_allowed(actor, attachment, Action.DELETE)
    eoi = attachment.expression_of_interest
    _ensure_firm(actor, eoi)
    _ensure_firm_editable(eoi)
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
