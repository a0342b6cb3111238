from core.access import Action

from .models import Organisation


def organisation_list(*, user, action: str = Action.VIEW):
    return Organisation.objects.restrict(user, action)


def organisation_detail_queryset(*, user, action: str = Action.VIEW):
    return Organisation.objects.restrict(user, action).select_related("verified_by")
