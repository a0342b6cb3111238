"""Helpers shared by every app's services."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.models import AuthToken

from .access import Action, may
from .models import IdempotencyKey


def acting_user(actor):
    """The signed-in user behind ``actor``, or None for the system itself (management commands
    and background tasks) and anonymous requests."""
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def credit(instance, actor) -> None:
    """Name ``actor`` in the history records the next writes to ``instance`` create."""
    if acting_user(actor) is not None:
        instance._history_user = actor


def record(instance, *, actor, fields: set[str] | None = None):
    """Validate and save ``instance``, crediting ``actor`` in its history."""
    instance.full_clean()
    credit(instance, actor)
    if fields is None:
        instance.save()
    else:
        instance.save(update_fields=[*fields, *_auto_now_fields(instance)])
    return instance


def record_new(instance, *, actor, **links):
    """Validate and save the new ``instance``, crediting ``actor``, then link it to the related
    objects given by name (``goals=[...]``); an empty collection adds no link."""
    record(instance, actor=actor)
    for name, objects in links.items():
        if objects:
            getattr(instance, name).set(objects)
    return instance


def set_links(instance, *, actor, **links) -> None:
    """Replace the many-to-many ``links`` of ``instance`` given by name (``None`` leaves one as it
    is), crediting ``actor`` in the history records the changes write."""
    credit(instance, actor)
    for name, objects in links.items():
        if objects is not None:
            getattr(instance, name).set(objects)


def record_changes(instance, changes: dict, editable: set[str], *, actor) -> set[str]:
    """Apply the allowed ``changes`` (see ``apply_changes``) and record ``instance`` when any
    field changed; returns the names of those fields."""
    changed = apply_changes(instance, changes, editable)
    if changed:
        record(instance, actor=actor)
    return changed


def delete_recorded(instance, *, actor) -> None:
    """Delete ``instance``; its history's deletion record names ``actor``."""
    credit(instance, actor)
    instance.delete()


@transaction.atomic
def update_allowed(instance, changes: dict, editable: set[str], *, actor):
    """Record the allowed ``changes`` to ``instance`` (see ``record_changes``) when ``actor`` may
    change it, else refuse (see ``ensure_allowed``); returns ``instance``."""
    ensure_allowed(actor, instance)
    record_changes(instance, changes, editable, actor=actor)
    return instance


@transaction.atomic
def delete_allowed(instance, *, actor) -> None:
    """Delete ``instance`` (see ``delete_recorded``) when ``actor`` may, else refuse."""
    ensure_allowed(actor, instance, Action.DELETE)
    delete_recorded(instance, actor=actor)


def _auto_now_fields(instance):
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]


def ensure_allowed(actor, instance, action: str = Action.CHANGE):
    """Refuse when ``actor`` may not act on ``instance``. ``None`` is the system itself
    (management commands and background tasks)."""
    if actor is not None and not may(actor, action, instance):
        raise PermissionDenied(_("You may not change this %(object)s.") % {
            "object": type(instance)._meta.verbose_name
        })


def apply_changes(instance, changes: dict, editable: set[str]) -> set[str]:
    """Set the allowed ``changes`` on ``instance`` and return the names of fields that changed."""
    unknown = set(changes) - editable
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = set()
    for name, value in changes.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.add(name)
    return changed


def idempotency_keys_purge() -> int:
    """Delete the keys of retried writes older than their time to live; returns how many."""
    deleted, _by_model = IdempotencyKey.objects.expired().delete()
    return deleted


def expired_tokens_purge() -> int:
    """Delete every API token past its expiry; returns how many (Celery beat, hourly)."""
    deleted, _by_model = AuthToken.objects.filter(expiry__lt=timezone.now()).delete()
    return deleted
