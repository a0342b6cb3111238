"""What the demo registry (``seed_demo``) holds that is confidential, for the tests that scan
every output for it."""

from django.contrib.auth.models import AnonymousUser

from actors.models import Organisation, User
from calls.models import CallForPartners, ExpressionOfInterest, InternalComment
from core.access import Action
from partnerships.models import Partnership
from projects.models import Project

# The demo account of each kind of user of tests/access.py (see the README's demo data).
ACCOUNTS = {"anonymous": None, "firm": "firm", "other_firm": "firm-other",
            "other_coordinator": "coordinator-gent", "coordinator": "coordinator",
            "analyst": "analyst", "admin": "admin"}


def demo_user(kind: str):
    """The demo account of this kind of user; ``None`` for an anonymous visitor."""
    return User.objects.get(username=ACCOUNTS[kind]) if ACCOUNTS[kind] else None


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


def invisible_names(user) -> set[str]:
    """Titles of the partnerships, calls and projects, and names of the organisations, that
    ``user`` may not see (drafts, unverified firms, projects kept to their organisation)."""
    names = set()
    for model, field in ((Partnership, "title"), (CallForPartners, "title"), (Project, "title"),
                         (Organisation, "name")):
        visible = model.objects.restrict(user or AnonymousUser(), Action.VIEW).values("pk")
        names |= set(model.objects.exclude(pk__in=visible).values_list(field, flat=True))
    return {name for name in names if len(name) > 4}
