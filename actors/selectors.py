from django.db.models import Q

from core.access import Action
from core.search import name_contains

from .choices import VerificationStatus
from .models import Organisation

PICKER_LIMIT = 30


def organisation_list(*, user, action: str = Action.VIEW):
    return Organisation.objects.restrict(user, action)


def organisation_detail_queryset(*, user, action: str = Action.VIEW):
    return Organisation.objects.restrict(user, action).select_related("verified_by")


def party_candidates(*, keep=()):
    """Organisations that may become parties (the verified ones), with ``keep`` (ids of those
    already parties), in the order of their groups in a picker."""
    return Organisation.objects.filter(
        Q(verification_status=VerificationStatus.VERIFIED) | Q(pk__in=keep)
    ).order_by("country", "sector", "name", "id")


def party_candidates_named(text: str):
    """The first verified organisations whose name contains ``text``, for the picker."""
    return name_contains(party_candidates(), "name", text)[:PICKER_LIMIT]


def choice_groups(organisations) -> list[tuple[str, list[tuple[int, str]]]]:
    """``organisations`` (sorted by country and sector) grouped under "FR — Private sector"
    headings: the optgroups of a select, the groups of the picker."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for organisation in organisations:
        label = f"{organisation.country} — {organisation.get_sector_display()}"
        groups.setdefault(label, []).append((organisation.pk, organisation.name))
    return list(groups.items())
