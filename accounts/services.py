"""Every write to accounts: firm sign-up, e-mail confirmation, requests to join an organisation
and erasure. Notifications are written to the outbox inside the same transaction as the change.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.choices import SELF_REGISTERING_SECTORS, Function, sector_of
from actors.identifiers import normalise_identifier
from actors.models import Organisation
from actors.services import organisation_create
from core.access import is_admin
from core.services import record
from notifications.services import (
    language_set,
    notifications_forget_recipient,
    notify,
)

from .apps import personal_data_hooks
from .models import Registration
from .selectors import email_confirmed

User = get_user_model()

# The salt is part of every confirmation link already sent: it keeps its first value.
CONFIRMATION_SALT = "calls.email-confirmation"
CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 3


def absolute_url(path: str) -> str:
    return settings.REGISTRY_BASE_URL.rstrip("/") + path


def confirmation_token(user) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRMATION_SALT)


def _queue_confirmation(user):
    url = absolute_url(reverse("accounts:confirm_email", args=[confirmation_token(user)]))
    notify(
        user,
        kind="email_confirmation",
        template="accounts/email/confirm_email",
        context={"user": user, "url": url},
    )


def _check_new_email(email: str):
    if User.objects.filter(email__iexact=email).exists() or User.objects.filter(
        username__iexact=email
    ).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address exists already: sign in instead.")}
        )


@transaction.atomic
def firm_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    language: str,
    phone: str = "",
    organisation: dict | None = None,
    join_scheme: str = "",
    join_identifier: str = "",
):
    """Create a firm's or an intermediary's representative's account with a new (unverified)
    organisation, or with a request to join an existing one. Either way the e-mail address must
    be confirmed. The organisation's sector follows from its kind."""
    email = User.objects.normalize_email(email).strip()
    _check_new_email(email)
    user = User(
        username=email.lower(),
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
    )
    user.set_password(password)
    requested = None
    if organisation is not None:
        sector = sector_of(organisation.get("kind", ""))
        if sector not in SELF_REGISTERING_SECTORS or organisation.get("sector", sector) != sector:
            raise ValidationError(
                {"kind": _("Only private firms and intermediaries register here.")}
            )
        new_organisation = organisation_create(
            actor=None, sector=sector, **{k: v for k, v in organisation.items() if k != "sector"}
        )
        user.organisation = new_organisation
        user.function = Function.FIRM_REPRESENTATIVE
    else:
        requested = organisation_to_join(scheme=join_scheme, identifier=join_identifier)
    record(user, actor=None)
    registration = Registration.objects.create(user=user, requested_organisation=requested)
    language_set(user=user, language=language)
    _queue_confirmation(user)
    if requested is not None:
        for member in User.objects.filter(
            organisation=requested, function=Function.FIRM_REPRESENTATIVE, is_active=True
        ):
            notify(
                member,
                kind="membership_request",
                template="accounts/email/membership_request",
                context={"member": member, "user": user, "organisation": requested,
                         "url": absolute_url(reverse("accounts:membership_list"))},
            )
    return user, registration


def organisation_to_join(*, scheme: str, identifier: str) -> Organisation:
    found = Organisation.objects.filter(
        identifier_scheme=scheme, identifier=normalise_identifier(scheme, identifier)
    ).first()
    if found is None:
        raise ValidationError(
            {"join_identifier": _("No organisation is registered with this identifier.")}
        )
    if found.sector not in SELF_REGISTERING_SECTORS:
        raise ValidationError({"join_identifier": _(
            "Only private firms and intermediaries can be joined through this form."
        )})
    return found


@transaction.atomic
def email_confirm(*, token: str):
    """Mark the address in a confirmation link as confirmed; returns the user."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This confirmation link has expired: sign in and ask for a new one.")
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This confirmation link is not valid.")) from error
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or user.email != data.get("email"):
        raise ValidationError(_("This confirmation link is not valid."))
    registration, _created = Registration.objects.get_or_create(user=user)
    if registration.email_confirmed_at is None:
        registration.email_confirmed_at = timezone.now()
        registration.save(update_fields=["email_confirmed_at"])
    return user


@transaction.atomic
def email_confirmation_resend(*, user) -> None:
    if email_confirmed(user):
        raise ValidationError(_("Your e-mail address is confirmed already."))
    _queue_confirmation(user)


def _ensure_member_of(actor, organisation_id):
    if is_admin(actor):
        return
    if not (actor.is_firm_representative and actor.organisation_id == organisation_id):
        raise PermissionDenied(_("Only the organisation's own representatives decide this."))


def _answer_request(*, actor, registration: Registration) -> Organisation:
    """Mark a pending membership request answered, if ``actor`` may answer it; returns the
    organisation it asked to join."""
    organisation = registration.requested_organisation
    if organisation is None:
        raise ValidationError(_("This request has been answered already."))
    _ensure_member_of(actor, organisation.pk)
    registration.requested_organisation = None
    registration.save(update_fields=["requested_organisation"])
    return organisation


@transaction.atomic
def membership_approve(*, actor, registration: Registration) -> None:
    organisation = _answer_request(actor=actor, registration=registration)
    user = registration.user
    user.organisation = organisation
    user.function = Function.FIRM_REPRESENTATIVE
    record(user, actor=actor)
    notify(
        user,
        kind="membership_approved",
        template="accounts/email/membership_approved",
        context={"user": user, "organisation": organisation,
                 "url": absolute_url(resolve_url(settings.FIRM_HOME_URL))},
    )


@transaction.atomic
def membership_refuse(*, actor, registration: Registration) -> None:
    organisation = _answer_request(actor=actor, registration=registration)
    notify(
        registration.user,
        kind="membership_refused",
        template="accounts/email/membership_refused",
        context={"user": registration.user, "organisation": organisation},
    )


@transaction.atomic
def account_erase(*, actor, user) -> None:
    """Erase a person: the organisation keeps its submissions, without the person's data.
    Each app blanks what it holds through its ``erase_personal_data`` hook."""
    from knox.models import AuthToken

    if actor is None or (actor.pk != user.pk and not is_admin(actor)):
        raise PermissionDenied(_("Only the person themselves can erase their account."))
    for hook in personal_data_hooks("erase_personal_data"):
        hook(user)
    notifications_forget_recipient(user=user)
    AuthToken.objects.filter(user=user).delete()
    Registration.objects.filter(user=user).update(requested_organisation=None)
    user.username = f"erased-{user.pk}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
