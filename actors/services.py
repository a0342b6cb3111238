"""Writes to organisations and the people who act for them."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import Action
from core.services import acting_user, apply_changes, ensure_allowed, record
from notifications.services import notify

from .choices import Function, VerificationStatus
from .models import Organisation, User

LICENCE_FIELDS = ("licence_scheme", "licence_number", "licence_expires_on")
ORGANISATION_EDITABLE = {
    "name",
    "kind",
    "territory",
    "website",
    "description",
    "contact_name",
    "contact_email",
    "contact_phone",
    *LICENCE_FIELDS,
}
# What only administrators change once an organisation exists: its identity.
ORGANISATION_IDENTITY = {"sector", "identifier_scheme", "identifier", "country"}


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: str,
    sector: str,
    kind: str,
    identifier_scheme: str,
    identifier: str,
    country: str,
    territory: str,
    website: str = "",
    description: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    internal_notes: str = "",
    licence_scheme: str = "",
    licence_number: str = "",
    licence_expires_on=None,
) -> Organisation:
    """Register an organisation. It starts unverified, whoever registers it."""
    organisation = Organisation(
        name=name,
        sector=sector,
        kind=kind,
        identifier_scheme=identifier_scheme,
        identifier=identifier,
        country=country,
        territory=territory,
        website=website,
        description=description,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        internal_notes=internal_notes,
        licence_scheme=licence_scheme,
        licence_number=licence_number,
        licence_expires_on=licence_expires_on,
    )
    _ensure_licence_not_expired(organisation)
    return record(organisation, actor=actor)


def _ensure_licence_not_expired(organisation: Organisation):
    """A licence recorded now must be in force: an expired one is renewed, not registered."""
    expires_on = organisation.licence_expires_on
    if expires_on is not None and expires_on < timezone.localdate():
        raise ValidationError({"licence_expires_on": _(
            "This licence has already expired: record the renewed licence."
        )})


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, **changes) -> Organisation:
    ensure_allowed(actor, organisation)
    editable = set(ORGANISATION_EDITABLE)
    if actor is None or actor.is_superuser:
        editable |= ORGANISATION_IDENTITY | {"internal_notes"}
    elif actor.is_coordinator:
        editable |= {"internal_notes"}
    try:
        changed = apply_changes(organisation, changes, editable)
    except ValueError as error:
        raise PermissionDenied(_("You may not change these fields.")) from error
    if changed & set(LICENCE_FIELDS):
        _ensure_licence_not_expired(organisation)
    if changed:
        record(organisation, actor=actor)
    return organisation


@transaction.atomic
def organisation_set_verification(
    *, actor, organisation: Organisation, status: str, note: str = ""
) -> Organisation:
    """A coordinator (or an administrator) verifies or rejects a self-registered organisation;
    its people are told when the decision changes."""
    ensure_allowed(actor, organisation, Action.VERIFY)
    if status not in VerificationStatus.values:
        raise ValidationError(_("Unknown verification status."))
    decided = status != organisation.verification_status and status != VerificationStatus.UNVERIFIED
    if status == VerificationStatus.VERIFIED:
        organisation.verified_at = timezone.now()
        organisation.verified_by = acting_user(actor)
    else:
        organisation.verified_at = None
        organisation.verified_by = None
    organisation.verification_status = status
    if note:
        organisation.internal_notes = "\n".join(filter(None, [organisation.internal_notes, note]))
    record(organisation, actor=actor)
    if decided:
        _queue_verification_decision(organisation)
    return organisation


def _queue_verification_decision(organisation: Organisation) -> None:
    name = "organisation_verified" if organisation.is_verified else "organisation_rejected"
    url = settings.REGISTRY_BASE_URL.rstrip("/") + organisation.get_absolute_url()
    for person in User.objects.people_of([organisation]):
        notify(
            person,
            kind=name,
            template=f"actors/email/{name}",
            context={"organisation": organisation, "person": person, "url": url},
        )


def licence_reminders_queue(*, today=None) -> int:
    """Remind a private security company's representatives that its licence expires soon (or
    has expired), once per representative and expiry date: renewing changes the date and so
    starts a new round."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.LICENCE_REMINDER_DAYS)
    expiring = Organisation.objects.filter(
        licence_expires_on__isnull=False, licence_expires_on__lte=horizon
    ).exclude(licence_number="")
    representatives = get_user_model().objects.filter(
        function=Function.FIRM_REPRESENTATIVE, is_active=True
    ).exclude(email="")
    queued = 0
    for organisation in expiring:
        url = settings.REGISTRY_BASE_URL.rstrip("/") + organisation.get_absolute_url()
        for person in representatives.filter(organisation=organisation):
            with transaction.atomic():
                queued += bool(
                    notify(
                        person,
                        kind="licence_expiry",
                        template="actors/email/licence_reminder",
                        context={"organisation": organisation, "url": url,
                                 "expired": organisation.licence_expires_on < today},
                        key=f"licence:{organisation.pk}:"
                        f"{organisation.licence_expires_on:%Y%m%d}:{person.pk}",
                    )
                )
    return queued
