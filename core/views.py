"""The building blocks every app's pages share: filtered lists and
readable histories."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.access import Action, is_staff_reader, may, may_create, may_see_personal_data

from . import idempotency
from .forms import adapt_filter_form, errors_onto


def get_for(user, selector, pk, action: str = Action.VIEW):
    """The object ``pk`` from ``selector``: 404 when ``user`` may not see it, 403 when they see
    it but may not do ``action`` on it."""
    queryset = selector(user=user)
    try:
        obj = queryset.get(pk=pk)
    except queryset.model.DoesNotExist as error:
        raise Http404 from error
    if action != Action.VIEW and not may(user, action, obj):
        raise PermissionDenied
    return obj


def one_time_form(view):
    """For a page whose form creates: the form's one-time token (``{% one_time_token %}``) is
    claimed in the same transaction as the creation, so a second submission with the same token
    (a double click, a reload, a retry after a lost answer) creates nothing and goes where the
    first one went. A form sent without a token works as before, unprotected."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        token = request.POST.get(idempotency.FORM_TOKEN_FIELD, "") if request.method == "POST" \
            else ""
        if not token or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if not idempotency.TOKEN_PATTERN.match(token):
            return redirect(request.path)
        key = f"form:{token}:{request.path}"[:255]
        record = idempotency.earlier(request.user, key)
        if record is not None:
            return redirect(record.location or request.path)
        try:
            return idempotency.run_once(
                user=request.user, key=key, method="POST", path=request.path,
                fingerprint=idempotency.fingerprint("POST", request.path, token),
                write=lambda: view(request, *args, **kwargs), answer=_redirected_to,
            )
        except idempotency.Replay as replay:
            return redirect(replay.record.location or request.path)

    return wrapped


def _redirected_to(response):
    """A form that saved redirects; one shown again with errors saved nothing."""
    if not isinstance(response, HttpResponseRedirectBase):
        return None
    return {"status": response.status_code, "location": response["Location"]}


def form_page(request, form, *, title, submit_label, cancel_url, save=None, success=""):
    """A page with one form. Given ``save``, a valid form goes to ``save(cleaned_data)``, which
    calls a service and returns the object to go to; a refusal of the service lands on the
    form's fields. Without it, the page only shows the form."""
    if save is not None and request.method == "POST" and form.is_valid():
        with errors_onto(form):
            obj = save(form.cleaned_data)
            messages.success(request, success)
            return redirect(obj)
    return render(request, "core/form_page.html", {
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
    })


def edit_page(request, obj, form, *, save, name=None):
    """The page that edits ``obj`` with ``form``: saved by ``save`` as in ``form_page``, titled
    with the object's name (``name``, else its string) and cancelled back to the object."""
    return form_page(
        request, form, save=save, success=_("Your changes are saved."),
        title=_("Edit %(name)s") % {"name": obj if name is None else name},
        submit_label=_("Save changes"), cancel_url=obj.get_absolute_url(),
    )


class FilteredListView(TemplateView):
    """A list page: the app's FilterSet as a form, free-text search, sorting and page numbers."""

    title = ""
    filterset_class = None
    selector = None
    paginate_by = 25
    # Filters that stay in force when reached by a link but are not offered as form fields.
    hidden_filters: tuple[str, ...] = ()
    # The model whose "new" link the page offers to those who may create one.
    creates = None

    def get_queryset(self):
        return type(self).selector(user=self.request.user)

    def get_filterset(self, queryset):
        return self.filterset_class(self.request.GET or None, queryset=queryset, request=self.request)

    def _filterset(self):
        filterset = self.get_filterset(self.get_queryset())
        adapt_filter_form(filterset.form, hidden=self.hidden_filters)
        return filterset

    def _paginator(self, filterset):
        queryset = filterset.qs
        if not queryset.ordered:
            # Grouped queries drop the model's default ordering; pages need a stable one.
            queryset = queryset.order_by(*queryset.model._meta.ordering)
        return Paginator(queryset, self.paginate_by)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The filters, the count and the rows are built when the template first shows them,
        # so that a page whose body comes from a cached fragment builds and asks nothing.
        filterset = SimpleLazyObject(self._filterset)
        paginator = SimpleLazyObject(lambda: self._paginator(filterset))
        page = SimpleLazyObject(lambda: paginator.get_page(self.request.GET.get("page")))
        context.update(
            title=self.title,
            filterset=filterset,
            filter_form=SimpleLazyObject(lambda: filterset.form),
            page_obj=page,
            object_list=SimpleLazyObject(lambda: page.object_list),
            page_range=SimpleLazyObject(lambda: list(
                paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )),
            is_filtered=any(v for k, v in self.request.GET.items() if k not in ("page", "ordering")),
        )
        if self.creates is not None:
            context["can_create"] = may_create(self.request.user, self.creates)
        return context


class RegistryListView(LoginRequiredMixin, FilteredListView):
    pass


def person_label(person, reader) -> str:
    """A person as ``reader`` may know them: their function and organisation, and their name
    only for those allowed to see personal data. Never their username or e-mail address (a firm
    representative's username is their e-mail address)."""
    if person.is_superuser and not person.function:
        role = _("administrator")
    else:
        role = person.get_function_display() if person.function else _("user")
    organisation = getattr(person, "organisation", None)
    role = f"{role}, {organisation}" if organisation is not None else str(role)
    name = person.get_full_name().strip()
    if name and may_see_personal_data(reader, person.organisation_id):
        return f"{name} ({role})"
    return role[:1].upper() + role[1:]


def _display(field, value, reader=None):
    """A stored value as a reader would say it: labels for choices, dates and numbers in the
    active language, names for related objects (people as ``person_label`` says them)."""
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey) and field.related_model is get_user_model():
        person = field.related_model._default_manager.select_related("organisation").filter(
            pk=value
        ).first()
        return person_label(person, reader) if person else _("(deleted, #%(id)s)") % {"id": value}
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else _("(deleted, #%(id)s)") % {"id": value}
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(field, models.DecimalField):
        return number_format(value, use_l10n=True)
    return str(value)


def _display_m2m(field, rows):
    related = field.related_model
    source = field.model._meta.model_name
    ids = {
        value
        for row in rows
        for key, value in row.items()
        if key not in ("id", source, f"{source}_id", "m2m_history_id", "history")
    }
    names = sorted(str(obj) for obj in related._default_manager.filter(pk__in=ids))
    return ", ".join(names) or "—"


UNTRACKED = {"id", "created_at", "updated_at"}


def _field_changes(model, old, new, hidden_fields, reader):
    changes = []
    for field in new.tracked_fields:
        if field.name in UNTRACKED or field.name in hidden_fields:
            continue
        before, after = getattr(old, field.attname), getattr(new, field.attname)
        if before != after:
            original = model._meta.get_field(field.name)
            changes.append({
                "field": original.verbose_name,
                "old": _display(original, before, reader),
                "new": _display(original, after, reader),
            })
    m2m = [f.name for f in new._history_m2m_fields if f.name not in hidden_fields]
    if m2m:
        for change in new.diff_against(old, included_fields=m2m).changes:
            field = model._meta.get_field(change.field)
            before, after = _display_m2m(field, change.old), _display_m2m(field, change.new)
            if before != after:
                changes.append({"field": field.verbose_name, "old": before, "new": after})
    return changes


def history_entries(records, *, reader, hidden_fields=frozenset()):
    """Readable changes from simple-history records, newest first, as ``reader`` may read them.

    ``records`` may mix several models (a partnership and its parties, for instance); each
    object's records are compared with that object's previous record.
    """
    prefetch_related_objects(
        [record.history_user for record in records if record.history_user is not None],
        "organisation",
    )
    by_object = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        by_object.setdefault((type(record), record.id), []).append(record)
    entries = []
    for chain in by_object.values():
        previous = None
        for record in chain:
            model = record.instance_type
            changes = []
            if record.history_type == "~" and previous is not None:
                changes = _field_changes(model, previous, record, hidden_fields, reader)
            previous = record
            if record.history_type == "~" and not changes:
                continue
            entries.append({
                "when": record.history_date,
                "who": person_label(record.history_user, reader) if record.history_user else "",
                "type": record.history_type,
                "model": model._meta.verbose_name,
                "label": str(record.instance) if record.history_type != "-" else record.history_object,
                "changes": changes,
            })
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


class HistoryView(LoginRequiredMixin, TemplateView):
    """The history of one object, for the staff who read the registry."""

    template_name = "core/history.html"
    selector = None

    def get_object(self):
        obj = get_for(self.request.user, type(self).selector, self.kwargs["pk"])
        if not is_staff_reader(self.request.user):
            raise PermissionDenied
        return obj

    def get_records(self, obj):
        return list(obj.history.select_related("history_user"))

    def hidden_fields(self, obj):
        return frozenset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.get_object()
        context.update(
            object=obj,
            entries=history_entries(
                self.get_records(obj), reader=self.request.user,
                hidden_fields=self.hidden_fields(obj),
            ),
        )
        return context
