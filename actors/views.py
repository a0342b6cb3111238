from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import (
    Action,
    is_admin,
    is_coordinator,
    is_staff_reader,
    may,
    may_create,
    may_see_personal_data,
)
from core.forms import errors_onto
from core.views import FilteredListView, HistoryView, edit_page, form_page, get_for, one_time_form

from . import services
from .filtersets import OrganisationFilterSet
from .forms import OrganisationForm, VerificationForm
from .models import Organisation
from .selectors import (
    choice_groups,
    organisation_detail_queryset,
    organisation_list,
    party_candidates_named,
)

CONFIDENTIAL = {"contact_name", "contact_email", "contact_phone", "internal_notes"}


class OrganisationListView(FilteredListView):
    """Verified organisations are public (their contacts are not); staff see them all."""

    template_name = "actors/organisation_list.html"
    title = gettext_lazy("Organisations")
    filterset_class = OrganisationFilterSet
    selector = staticmethod(organisation_list)
    creates = Organisation


organisation_list_view = OrganisationListView.as_view()


def organisation_detail(request, pk):
    organisation = get_for(request.user, organisation_detail_queryset, pk)
    user = request.user
    can_verify = not organisation.is_public_body and may(user, Action.VERIFY, organisation)
    return render(request, "actors/organisation_detail.html", {
        "organisation": organisation,
        "can_edit": may(user, Action.CHANGE, organisation),
        "can_verify": can_verify,
        "verification_form": VerificationForm(initial={"status": organisation.verification_status})
        if can_verify else None,
        "show_contact": may_see_personal_data(user, organisation.pk),
        "show_notes": is_admin(user) or is_coordinator(user),
        "history_url": reverse("actors:organisation_history", args=[pk])
        if is_staff_reader(user) else None,
    })


@login_required
@one_time_form
def organisation_create(request):
    if not may_create(request.user, Organisation):
        raise PermissionDenied
    return form_page(
        request, OrganisationForm(request.POST or None),
        save=lambda data: services.organisation_create(actor=request.user, **data),
        success=_("The organisation is registered. It stays unverified until a coordinator "
                  "verifies it."),
        title=_("Register an organisation"), submit_label=_("Register"),
        cancel_url=reverse("actors:organisation_list"),
    )


def _editable_fields(user) -> set[str]:
    editable = set(services.ORGANISATION_EDITABLE)
    if is_admin(user):
        editable |= services.ORGANISATION_IDENTITY | {"internal_notes"}
    elif is_coordinator(user):
        editable |= {"internal_notes"}
    return editable


@login_required
def organisation_edit(request, pk):
    organisation = get_for(request.user, organisation_detail_queryset, pk, Action.CHANGE)
    editable = _editable_fields(request.user)
    initial = {name: getattr(organisation, name) for name in editable}
    return edit_page(
        request, organisation,
        OrganisationForm(request.POST or None, initial=initial, editable=editable),
        save=lambda data: services.organisation_update(
            actor=request.user, organisation=organisation, **data
        ),
    )


@login_required
@require_POST
def organisation_verify(request, pk):
    organisation = get_for(request.user, organisation_detail_queryset, pk, Action.VERIFY)
    form = VerificationForm(request.POST)
    if form.is_valid():
        with errors_onto(form):
            services.organisation_set_verification(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
            messages.success(request, _("Verification recorded: %(status)s.") % {
                "status": organisation.get_verification_status_display()
            })
            return redirect(organisation)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect(organisation)


class OrganisationHistoryView(HistoryView):
    selector = staticmethod(organisation_detail_queryset)

    def hidden_fields(self, obj):
        user = self.request.user
        hidden = set()
        if not may_see_personal_data(user, obj.pk):
            hidden |= CONFIDENTIAL - {"internal_notes"}
        if not (is_admin(user) or is_coordinator(user)):
            hidden.add("internal_notes")
        return frozenset(hidden)


organisation_history = OrganisationHistoryView.as_view()


@login_required
def organisation_picker(request):
    """The first verified organisations whose name holds ``q``, grouped as the party field
    groups them: what the organisation picker of the partnership form shows as one types."""
    groups = choice_groups(party_candidates_named(request.GET.get("q", "")))
    return JsonResponse({"groups": [
        {"label": label, "options": [{"value": pk, "label": name} for pk, name in options]}
        for label, options in groups
    ]})
