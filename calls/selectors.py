"""Every read of calls and expressions of interest starts here: the restriction by user, then
the joins and prefetches each page and endpoint needs, so no list issues queries per row."""

from django.db.models import Count, Prefetch

from core.access import Action, is_admin, public_body_id
from goals.models import Goal
from partnerships.choices import CLOSED_STATUSES
from partnerships.models import Partnership

from .models import (
    Attachment,
    CallForPartners,
    ExpressionOfInterest,
    InternalComment,
    Offer,
)


def call_list(*, user, action: str = Action.VIEW):
    return (
        CallForPartners.objects.restrict(user, action)
        .select_related("lead_body")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.select_related("strategy")))
    )


def call_detail_queryset(*, user, action: str = Action.VIEW):
    return call_list(user=user, action=action)


def may_see_personal_data(user, eoi: ExpressionOfInterest) -> bool:
    """Contact details and attachments: the firm itself and the receiving body's coordinators."""
    if is_admin(user):
        return True
    if not (user and user.is_authenticated):
        return False
    if user.is_firm_representative and user.organisation_id == eoi.organisation_id:
        return True
    return public_body_id(user) == eoi.public_body_id and eoi.status != "draft"


def may_review(user, eoi: ExpressionOfInterest) -> bool:
    return is_admin(user) or (public_body_id(user) is not None and public_body_id(user) == eoi.public_body_id)


def may_act_for_firm(user, eoi: ExpressionOfInterest) -> bool:
    return is_admin(user) or bool(
        user.is_authenticated
        and user.is_firm_representative
        and user.organisation_id == eoi.organisation_id
    )


def eoi_list(*, user, action: str = Action.VIEW):
    return (
        ExpressionOfInterest.objects.restrict(user, action)
        .select_related("organisation", "public_body", "call")
        .prefetch_related(Prefetch("offers", queryset=Offer.objects.order_by("id")))
    )


def eoi_counts_by_status(*, user) -> dict[str, int]:
    """How many expressions of interest ``user`` sees in each state, in one query: a firm's
    own, or those sent to a coordinator's body."""
    rows = (
        ExpressionOfInterest.objects.restrict(user)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def eoi_detail_queryset(*, user, action: str = Action.VIEW):
    return eoi_list(user=user, action=action).select_related(
        "submitted_by", "party__partnership"
    ).prefetch_related(
        "goals",
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
        .filter(lead_body_id=eoi.public_body_id)
        .exclude(status__in=CLOSED_STATUSES)
        .order_by("title")
    )


def personal_data(*, user) -> dict:
    """The expressions of interest a person wrote, with the contact details given, for the
    person's own download of their data."""
    written = (
        ExpressionOfInterest.objects.filter(submitted_by=user)
        .select_related("organisation", "public_body", "call")
        .order_by("id")
    )
    return {
        "expressions_of_interest": [
            {
                "id": eoi.pk,
                "title": eoi.title,
                "organisation": eoi.organisation.name,
                "addressed_to": eoi.public_body.name,
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
