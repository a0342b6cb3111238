"""Every read of calls and expressions of interest starts here: the restriction by user, then
the joins and prefetches each page and endpoint needs, so no list issues queries per row."""

from django.db.models import Prefetch

from core.access import Action, body_id, is_admin
from goals.models import Goal
from partnerships.choices import CLOSED_STATUSES
from partnerships.models import Partnership

from .models import (
    Attachment,
    CallForPartners,
    ExpressionOfInterest,
    InternalComment,
    Offer,
    Registration,
)


def call_list(*, user, action: str = Action.VIEW):
    return (
        CallForPartners.objects.restrict(user, action)
        .select_related("lead_body")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.select_related("strategy")))
    )


def call_detail(*, user, action: str = Action.VIEW):
    return call_list(user=user, action=action)


def may_see_personal_data(user, eoi: ExpressionOfInterest) -> bool:
    """Contact details and attachments: the firm itself and the receiving body's coordinators."""
    if is_admin(user):
        return True
    if not (user and user.is_authenticated):
        return False
    if user.is_firm_representative and user.organisation_id == eoi.organisation_id:
        return True
    return body_id(user) == eoi.body_id and eoi.status != "draft"


def may_review(user, eoi: ExpressionOfInterest) -> bool:
    return is_admin(user) or (body_id(user) is not None and body_id(user) == eoi.body_id)


def may_act_for_firm(user, eoi: ExpressionOfInterest) -> bool:
    return is_admin(user) or bool(
        user.is_authenticated
        and user.is_firm_representative
        and user.organisation_id == eoi.organisation_id
    )


def eoi_list(*, user, action: str = Action.VIEW):
    return (
        ExpressionOfInterest.objects.restrict(user, action)
        .select_related("organisation", "body", "call")
        .prefetch_related(Prefetch("offers", queryset=Offer.objects.order_by("id")))
    )


def eoi_detail(*, user, action: str = Action.VIEW):
    return eoi_list(user=user, action=action).select_related(
        "submitted_by", "party__partnership"
    ).prefetch_related(
        "goals__strategy",
        "community_groups",
        Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "id")),
    )


def comments_for(*, user, eoi: ExpressionOfInterest):
    return (
        InternalComment.objects.restrict(user)
        .filter(expression_of_interest=eoi)
        .select_related("author")
    )


def attachment_for_download(*, user, uuid):
    return Attachment.objects.restrict(user).filter(uuid=uuid).first()


def partnerships_to_join(*, user, eoi: ExpressionOfInterest):
    """Partnerships an accepted firm can join: led by the receiving body, not yet closed."""
    return (
        Partnership.objects.restrict(user, Action.CHANGE)
        .filter(lead_body_id=eoi.body_id)
        .exclude(status__in=CLOSED_STATUSES)
        .order_by("title")
    )


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
    """Everything the registry holds about a person, for their own download."""
    registration = Registration.objects.filter(user=user).select_related(
        "requested_organisation"
    ).first()
    written = (
        ExpressionOfInterest.objects.filter(submitted_by=user)
        .select_related("organisation", "body", "call")
        .order_by("id")
    )
    return {
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
        "expressions_of_interest": [
            {
                "id": eoi.pk,
                "title": eoi.title,
                "organisation": eoi.organisation.name,
                "addressed_to": eoi.body.name,
                "call": eoi.call.title if eoi.call_id else None,
                "status": eoi.status,
                "contact_name": eoi.contact_name,
                "contact_email": eoi.contact_email,
                "contact_phone": eoi.contact_phone,
                "consent_given_at": (
                    eoi.consent_given_at.isoformat() if eoi.consent_given_at else None
                ),
                "created_at": eoi.created_at.isoformat(),
            }
            for eoi in written
        ],
    }
