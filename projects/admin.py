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
    create_service = staticmethod(project_create)
    update_service = staticmethod(project_update)
    remove_service = staticmethod(project_delete)
