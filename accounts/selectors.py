"""Every read of registrations and of a person's own data starts here."""

from core.access import is_admin

from .apps import personal_data_hooks
from .models import Registration


def email_confirmed(user) -> bool:
    """Accounts made by an administrator need no confirmation; self-registered ones do."""
    registration = Registration.objects.filter(user_id=user.pk).first()
    return registration is None or registration.email_confirmed


def membership_requests(*, user):
    """People asking to join the organisation ``user`` represents."""
    if is_admin(user):
        requests = Registration.objects.filter(requested_organisation__isnull=False)
    elif user.is_authenticated and user.is_firm_representative and user.organisation_id:
        requests = Registration.objects.filter(requested_organisation_id=user.organisation_id)
    else:
        requests = Registration.objects.none()
    return requests.filter(user__is_active=True).select_related("user", "requested_organisation")


def awaits_membership(user) -> bool:
    """Whether ``user`` registered to join an organisation that has not answered yet."""
    return not user.organisation_id and Registration.objects.filter(
        user=user, requested_organisation__isnull=False
    ).exists()


def personal_data_export(*, user) -> dict:
    """Everything the registry holds about a person, for their own download: the account and
    registration here, then what each app adds through its ``personal_data`` hook."""
    registration = Registration.objects.filter(user=user).select_related(
        "requested_organisation"
    ).first()
    data = {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "phone": user.phone,
            "organisation": user.organisation.name if user.organisation_id else None,
            "function": user.function,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "registration": {
            "registered_at": registration.created_at.isoformat(),
            "email_confirmed_at": (
                registration.email_confirmed_at.isoformat()
                if registration.email_confirmed_at else None
            ),
            "asks_to_join": (
                registration.requested_organisation.name
                if registration.requested_organisation_id else None
            ),
        } if registration else None,
    }
    for hook in personal_data_hooks("personal_data"):
        data.update(hook(user))
    return data
