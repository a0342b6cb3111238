from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from actors.models import Organisation
from calls.models import CallForPartners
from core.access import Action, is_staff_reader, may, may_create
from core.forms import errors_onto
from core.views import FilteredListView, HistoryView, edit_page, form_page, get_for, one_time_form
from goals.selectors import goal_detail_queryset

from . import finder, services
from .filtersets import ProjectFilterSet
from .forms import DraftForm, InviteForm, NeedForm, OfferForm, ProjectForm
from .models import ContributionOffer, DigestSubscription, Project
from .selectors import (
    invitations_for,
    need_list,
    offer_list,
    project_detail_queryset,
    project_list,
)

PROJECT_FIELDS = ("title", "summary", "area", "territory", "state", "starts_on", "ends_on",
                  "budget_band", "results", "lessons_learned", "visibility")


class ProjectListView(FilteredListView):
    """The projects register: public projects for everyone, more for the network."""

    template_name = "projects/project_list.html"
    title = gettext_lazy("Safety projects")
    filterset_class = ProjectFilterSet
    selector = staticmethod(project_list)
    creates = Project


project_list_view = ProjectListView.as_view()


def project_detail(request, pk):
    project = get_for(request.user, project_detail_queryset, pk)
    return render(request, "projects/project_detail.html", {
        "project": project,
        "can_edit": may(request.user, Action.CHANGE, project),
        "history_url": reverse("projects:project_history", args=[pk])
        if is_staff_reader(request.user) or may(request.user, Action.CHANGE, project) else None,
    })


def _check_creates_for_own_organisation(user, model) -> None:
    """Projects and offers are an organisation's own: only its members record them."""
    if not may_create(user, model) or user.organisation is None:
        raise PermissionDenied


@login_required
@one_time_form
def project_create(request):
    user = request.user
    _check_creates_for_own_organisation(user, Project)
    return form_page(
        request, ProjectForm(request.POST or None, organisation=user.organisation),
        save=lambda data: services.project_create(actor=user, **data),
        success=_("The project is recorded."), title=_("New project"),
        submit_label=_("Record the project"), cancel_url=reverse("projects:project_list"),
    )


@login_required
def project_edit(request, pk):
    project = get_for(request.user, project_detail_queryset, pk, Action.CHANGE)
    initial = {name: getattr(project, name) for name in PROJECT_FIELDS}
    initial.update(community_groups=list(project.community_groups.all()),
                   goals=list(project.goals.all()), partners=list(project.partners.all()))
    form = ProjectForm(request.POST or None, initial=initial, organisation=project.organisation)
    return edit_page(
        request, project, form,
        save=lambda data: services.project_update(actor=request.user, project=project, **data),
    )


@login_required
@require_POST
def project_delete(request, pk):
    project = get_for(request.user, project_detail_queryset, pk, Action.DELETE)
    services.project_delete(actor=request.user, project=project)
    return redirect("projects:project_list")


class ProjectHistoryView(HistoryView):
    selector = staticmethod(project_list)

    def get_object(self):
        obj = get_for(self.request.user, project_list, self.kwargs["pk"])
        if not (is_staff_reader(self.request.user) or may(self.request.user, Action.CHANGE, obj)):
            raise PermissionDenied
        return obj


project_history = ProjectHistoryView.as_view()


# Cooperation: needs, suggestions and what to do with them -------------------------------------


def _goal_owner(user, goal) -> bool:
    return may(user, Action.CHANGE, goal)


@login_required
def goal_cooperation(request, pk):
    """A goal's needs and the finder's suggestions, with the actions its body may take."""
    user = request.user
    goal = get_for(user, goal_detail_queryset, pk)
    owner = _goal_owner(user, goal)
    calls = CallForPartners.objects.restrict(user, Action.CHANGE).accepting().filter(
        lead_body_id=goal.strategy.owner_id
    ) if owner else CallForPartners.objects.none()
    return render(request, "projects/goal_cooperation.html", {
        "goal": goal,
        "needs": need_list(user=user).filter(goal=goal),
        "need_form": NeedForm() if owner else None,
        **finder.suggestions_for_goal(goal=goal, user=user),
        "owner": owner,
        "invite_calls": list(calls),
        "draft_form": DraftForm(initial={"title": goal.title}) if owner else None,
        "digest_active": _digest_active(user),
    })


@login_required
@require_POST
@one_time_form
def need_add(request, pk):
    goal = get_for(request.user, goal_detail_queryset, pk, Action.CHANGE)
    form = NeedForm(request.POST)
    if form.is_valid():
        services.need_add(actor=request.user, goal=goal, **form.cleaned_data)
        messages.success(request, _("The need is stated."))
    else:
        messages.error(request, _("The need could not be stated: %(errors)s") % {
            "errors": " ".join(str(e) for errors in form.errors.values() for e in errors)})
    return redirect("projects:goal_cooperation", pk=goal.pk)


@login_required
@require_POST
def suggestion_dismiss(request, pk):
    goal = get_for(request.user, goal_detail_queryset, pk, Action.CHANGE)
    kind, target = request.POST.get("kind", ""), request.POST.get("target_id", "")
    if not target.isdigit():
        raise Http404
    services.suggestion_dismiss(actor=request.user, goal=goal, kind=kind, target_id=int(target))
    messages.success(request, _("The suggestion is set aside; it will not come back."))
    return redirect("projects:goal_cooperation", pk=goal.pk)


@login_required
@require_POST
def invitation_send(request, pk):
    user = request.user
    goal = get_for(user, goal_detail_queryset, pk, Action.CHANGE)
    calls = CallForPartners.objects.restrict(user, Action.CHANGE).accepting()
    form = InviteForm(request.POST, calls=calls)
    if not form.is_valid():
        messages.error(request, _("Choose one of your body's open calls."))
        return redirect("projects:goal_cooperation", pk=goal.pk)
    organisation = get_object_or_404(Organisation, pk=form.cleaned_data["organisation"])
    try:
        services.invitation_send(actor=user, call=form.cleaned_data["call"],
                                 organisation=organisation, goal=goal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is invited to answer the call.") % {
            "name": organisation.name})
    return redirect("projects:goal_cooperation", pk=goal.pk)


@login_required
@require_POST
@one_time_form
def draft_partnership(request, pk):
    """Start a draft partnership with the organisations ticked among the suggestions, each in
    the role suggested for it."""
    user = request.user
    goal = get_for(user, goal_detail_queryset, pk, Action.CHANGE)
    form = DraftForm(request.POST)
    suggested = {s.object.pk: s for s in finder.organisations_for_goal(goal=goal, user=user)}
    chosen = [suggested[int(pk)] for pk in request.POST.getlist("organisation")
              if pk.isdigit() and int(pk) in suggested]
    if not form.is_valid() or not chosen:
        messages.error(request, _("Give a title and tick at least one organisation."))
        return redirect("projects:goal_cooperation", pk=goal.pk)
    try:
        partnership = services.partnership_draft_from_suggestions(
            actor=user, goal=goal, title=form.cleaned_data["title"],
            parties=[(s.object, s.role) for s in chosen],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:goal_cooperation", pk=goal.pk)
    messages.success(request, _("The draft partnership is started with the organisations you "
                                "chose; complete it before negotiation."))
    return redirect(partnership)


@login_required
def opportunities(request):
    """For a firm's or an intermediary's people: invitations, and the needs and calls their
    organisation's offers answer."""
    user = request.user
    organisation = user.organisation
    if organisation is None or organisation.is_public_body:
        raise PermissionDenied
    found = finder.opportunities_for_organisation(organisation=organisation, user=user)
    return render(request, "projects/opportunities.html", {
        "organisation": organisation,
        "invitations": invitations_for(organisation=organisation),
        "needs": found["needs"],
        "calls": found["calls"],
        "has_offers": ContributionOffer.objects.filter(organisation=organisation).exists(),
        "digest_active": _digest_active(user),
    })


@login_required
@one_time_form
def offer_list_view(request):
    """An organisation's standing offers, and the form to add one."""
    user = request.user
    _check_creates_for_own_organisation(user, ContributionOffer)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            services.offer_create(actor=user, **form.cleaned_data)
            messages.success(request, _("The offer is saved."))
            return redirect("projects:offer_list")
    return render(request, "projects/offer_list.html", {
        "offers": offer_list(user=user).filter(organisation=user.organisation),
        "form": form,
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def offer_delete(request, pk):
    offer = get_for(request.user, offer_list, pk, Action.DELETE)
    services.offer_remove(actor=request.user, offer=offer)
    messages.success(request, _("The offer is removed."))
    return redirect("projects:offer_list")


@login_required
@require_POST
def digest_set(request):
    active = request.POST.get("active") == "1"
    services.digest_set(user=request.user, active=active)
    messages.success(request, _("You will receive a weekly digest of new suggestions.") if active
                     else _("You will no longer receive the digest of suggestions."))
    return redirect(request.POST.get("next") if url_has_allowed_host_and_scheme(
        request.POST.get("next"), allowed_hosts={request.get_host()}) else "projects:opportunities")


def _digest_active(user) -> bool:
    return DigestSubscription.objects.filter(user=user, is_active=True).exists()
