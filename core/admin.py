"""Admin base classes whose writes go through the services.

The administrator works under the same rules as everyone else: the admin pages call the
services, which check the manifesto's rules and credit the administrator in the history.
The forms show the models' own checks field by field; a refusal only a service can see
rolls the whole page back and comes back as an error message.
"""

from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import localize
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from .access import Action, may
from .services import credit

BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


def refusal(error: ValidationError) -> str:
    return " ".join(error.messages)


def report_refusal(request, obj, error: ValidationError | PermissionDenied) -> None:
    reasons = refusal(error) if isinstance(error, ValidationError) else str(error)
    messages.error(request, _("%(object)s: %(reasons)s") % {"object": obj, "reasons": reasons})


def adopt(instance, saved) -> None:
    """Give the admin's own copy of an object the state the service saved, primary key
    included, so the admin can log it and attach inline objects to it."""
    instance.__dict__.update(saved.__dict__)


def delete_crediting(request, obj) -> None:
    """Remove an object that no rule of the manifesto protects, crediting the user."""
    credit(obj, request.user)
    obj.delete()


def uneditable_changes(newer, older) -> list[ModelChange]:
    """Changes to the fields no form edits, such as a partnership's status, which the
    history library leaves out of its comparisons; timestamps every save moves are skipped."""
    return [
        ModelChange(field.name, getattr(older, field.name), getattr(newer, field.name))
        for field in newer.tracked_fields
        if not (field.editable or field.primary_key or getattr(field, "auto_now", False)
                or getattr(field, "auto_now_add", False))
        and getattr(older, field.attname) != getattr(newer, field.attname)
    ]


class ReadableChanges(HistoricalRecordContextHelper):
    """Changes as people read them: choices by their label, no value as a dash."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or (isinstance(value, DeletedObject) and value.pk is None):
            return "—"
        if field.choices and not field.many_to_many:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, datetime):
            return localize(localtime(value))
        return super().prepare_delta_change_value(change, value)


class ThroughServices:
    """Creates, changes and removes objects through the app's services, named on the subclass.

    ``create_service(actor=, **data)`` and ``update_service(actor=, <object>=obj, **changes)``,
    and ``remove_service(actor=, <object>=obj)`` where a service governs removal; ``<object>``
    is ``service_object``, the model's name unless set.
    """

    create_service = None
    update_service = None
    remove_service = None
    service_object = ""

    def _as_object(self, obj) -> dict:
        return {self.service_object or self.model._meta.model_name: obj}

    def create(self, request, data: dict):
        return self.create_service(actor=request.user, **data)

    def update(self, request, obj, changes: dict):
        return self.update_service(actor=request.user, **self._as_object(obj), **changes)

    def remove(self, request, obj) -> None:
        if self.remove_service is None:
            delete_crediting(request, obj)
        else:
            self.remove_service(actor=request.user, **self._as_object(obj))


class RegistryAdmin(ThroughServices, SimpleHistoryAdmin):
    """A model admin that writes through the app's services (see ``ThroughServices``).

    Fields listed in ``create_only_fields`` are set when the object is created and shown
    read-only after.
    """

    create_only_fields: tuple[str, ...] = ()

    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user, Action.VIEW)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.pk:
            return may(request.user, Action.CHANGE, obj)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + self.create_only_fields if obj is not None else readonly

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        # Removals go one at a time through the services, each with its own checks.
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if change:
            current = type(obj)._default_manager.get(pk=obj.pk)
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            saved = self.update(request, current, changes)
        else:
            saved = self.create(request, dict(form.cleaned_data))
        adopt(obj, saved)

    def save_related(self, request, form, formsets, change):
        # Many-to-many values went to the service with the object itself.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline = formset.registry_inline
        formset.save(commit=False)
        # Additions first, removals last: a live partnership may swap one rule for another
        # in a single save without ever lacking it.
        for obj in formset.new_objects:
            data = {
                name: getattr(obj, name)
                for name in formset.form.base_fields
                if name != formset.fk.name
            }
            data[formset.fk.name] = formset.instance
            adopt(obj, inline.create(request, data))
        for obj, changed in formset.changed_objects:
            current = type(obj)._default_manager.get(pk=obj.pk)
            inline.update(request, current, {name: getattr(obj, name) for name in changed})
        for obj in formset.deleted_objects:
            inline.remove(request, obj)

    def delete_model(self, request, obj):
        self.remove(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            messages.error(request, refusal(error))
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:
            messages.error(request, refusal(error))
            change_url = reverse(admin_urlname(self.opts, "change"), args=[object_id])
            return HttpResponseRedirect(change_url)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        for newer, older in pairwise(list(historical_records)):
            delta = newer.diff_against(older, foreign_keys_are_objs=foreign_keys_are_objs)
            changes = sorted([*delta.changes, *uneditable_changes(newer, older)],
                             key=lambda change: change.field)
            helper = self.get_historical_record_context_helper(request, newer)
            newer.history_delta_changes = helper.context_for_delta_changes(
                replace(delta, changes=changes)
            )

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def revert_disabled(self, request, obj=None):
        # Reverting to an old version would write it past the services' checks.
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class RegistryInline(ThroughServices):
    """An inline whose rows are created, changed and removed through the services.

    Mixed with ``admin.TabularInline`` or ``admin.StackedInline``; the parent admin, a
    ``RegistryAdmin``, calls ``create(request, data)`` (the parent in ``data`` under the
    foreign key's name), ``update(request, obj, changes)`` and ``remove(request, obj)``.
    """

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.registry_inline = self
        return formset


class RegistryTabularInline(RegistryInline, admin.TabularInline):
    pass


class RegistryStackedInline(RegistryInline, admin.StackedInline):
    pass
