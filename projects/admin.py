from django.contrib import admin

from core.admin import RegistryAdmin

from .models import Project
from .services import project_create, project_delete, project_update


@admin.register(Project)
class ProjectAdmin(RegistryAdmin):
    list_display = ("title", "organisation", "area", "territory", "state", "visibility")
    list_filter = ("area", "state", "visibility", "organisation__country")
    search_fields = ("title", "territory", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation", "partners")
    filter_horizontal = ("community_groups", "goals")
    create_only_fields = ("organisation",)

    def create(self, request, data):
        return project_create(actor=request.user, **data)

    def update(self, request, obj, changes):
        return project_update(actor=request.user, project=obj, **changes)

    def remove(self, request, obj):
        project_delete(actor=request.user, project=obj)
