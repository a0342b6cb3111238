from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import Action, is_staff_reader, may, may_create
from core.views import FilteredListView, HistoryView, form_page, get_for

from . import services
from .filtersets import ProjectFilterSet
from .forms import ProjectForm
from .models import Project
from .selectors import project_detail_queryset, project_list

PROJECT_FIELDS = ("title", "summary", "area", "territory", "state", "starts_on", "ends_on",
                  "budget_band", "results", "lessons_learned", "visibility")


class ProjectListView(FilteredListView):
    """The projects register: public projects for everyone, more for the network."""

    template_name = "projects/project_list.html"
    title = gettext_lazy("Safety projects")
    filterset_class = ProjectFilterSet
    selector = staticmethod(project_list)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_create=may_create(self.request.user, Project), **kwargs
        )


project_list_view = ProjectListView.as_view()


def project_detail(request, pk):
    project = get_for(request.user, project_detail_queryset, pk)
    return render(request, "projects/project_detail.html", {
        "project": project,
        "can_edit": may(request.user, Action.CHANGE, project),
        "history_url": reverse("projects:project_history", args=[pk])
        if is_staff_reader(request.user) or may(request.user, Action.CHANGE, project) else None,
    })


@login_required
def project_create(request):
    user = request.user
    if not may_create(user, Project) or user.organisation is None:
        raise PermissionDenied
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
    return form_page(
        request, form,
        save=lambda data: services.project_update(actor=request.user, project=project, **data),
        success=_("Your changes are saved."),
        title=_("Edit %(name)s") % {"name": project.title},
        submit_label=_("Save changes"), cancel_url=project.get_absolute_url(),
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
