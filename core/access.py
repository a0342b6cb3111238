"""Who may do what. Each model's queryset has ``restrict(user, action)`` and ``may_create(user)``,
built on the helpers below; ``may`` and ``may_create`` are the one answer the pages, the API,
the admin and the services ask for, so they cannot disagree."""

from django.db import models


class Action(models.TextChoices):
    VIEW = "view"
    CHANGE = "change"
    DELETE = "delete"
    VERIFY = "verify"


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "is_coordinator", False))


def is_analyst(user) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "is_analyst", False))


def is_staff_reader(user) -> bool:
    """Coordinators and analysts read everything that is not confidential."""
    return is_admin(user) or is_coordinator(user) or is_analyst(user)


def public_body_id(user) -> int | None:
    """The public body a coordinator acts for, or None."""
    return user.organisation_id if is_coordinator(user) else None


def may_see_personal_data(user, organisation_id: int | None = None) -> bool:
    """Contact names, e-mails and phones: admins, coordinators, and the organisation's own people."""
    if is_admin(user) or is_coordinator(user):
        return True
    return bool(
        user
        and user.is_authenticated
        and organisation_id is not None
        and user.organisation_id == organisation_id
    )


def may(user, action: str, obj) -> bool:
    """Whether ``user`` may do ``action`` to ``obj``: whether ``obj`` is among what its model's
    ``restrict(user, action)`` lets through."""
    return type(obj)._default_manager.restrict(user, action).filter(pk=obj.pk).exists()


def may_create(user, model) -> bool:
    """Whether ``user`` may try to create a ``model``: the rule sits with the model's
    ``restrict``; the service then checks the rest (which body, which parent object)."""
    return model._default_manager.may_create(user)
