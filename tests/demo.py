"""What the demo registry (``seed_demo``) holds that is confidential, for the tests that scan
every output for it."""

from actors.models import Organisation, User
from calls.models import ExpressionOfInterest, InternalComment
from partnerships.models import Partnership


def personal_data(users=None) -> set[str]:
    """E-mail addresses, phones and names of people (``users``: all of them by default)."""
    values = set()
    for user in users if users is not None else User.objects.all():
        values |= {user.email, user.phone, user.get_full_name()}
    return values


def confidential_values(*, except_of=None) -> set[str]:
    """Personal data (contacts of organisations and of expressions of interest, people), internal
    notes and review comments; ``except_of`` keeps a reader's own personal data out."""
    values = personal_data(User.objects.exclude(pk=getattr(except_of, "pk", None)))
    for org in Organisation.objects.all():
        values |= {org.contact_name, org.contact_email, org.contact_phone, org.internal_notes}
    for eoi in ExpressionOfInterest.objects.all():
        values |= {eoi.contact_name, eoi.contact_email, eoi.contact_phone}
    values |= set(InternalComment.objects.values_list("text", flat=True))
    values |= set(Partnership.objects.values_list("internal_notes", flat=True))
    return {value.strip() for value in values if value and len(value.strip()) > 4}
