from django.contrib import admin

from core.admin import RegistryAdmin, RegistryTabularInline

from .models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy
from .services import (
    goal_create,
    goal_update,
    indicator_create,
    indicator_update,
    measurement_record,
    strategy_create,
    strategy_update,
)


@admin.register(CommunityGroup)
class CommunityGroupAdmin(admin.ModelAdmin):
    """A vocabulary: no rule of the manifesto governs editing it."""

    list_display = ("name_en", "name_fr", "code", "partners_customers")
    list_filter = ("partners_customers",)
    search_fields = ("code", "name_en", "name_fr")


@admin.register(SafetyStrategy)
class SafetyStrategyAdmin(RegistryAdmin):
    list_display = ("title", "owner", "territory", "starts_on", "ends_on")
    list_filter = ("owner__country",)
    search_fields = ("title", "territory", "owner__name")
    list_select_related = ("owner",)
    autocomplete_fields = ("owner",)
    create_only_fields = ("owner",)
    date_hierarchy = "starts_on"
    create_service = staticmethod(strategy_create)
    update_service = staticmethod(strategy_update)
    service_object = "strategy"


class IndicatorInline(RegistryTabularInline):
    model = Indicator
    fields = ("name", "unit", "direction", "baseline", "baseline_on", "target", "target_on")
    extra = 0
    show_change_link = True
    create_service = staticmethod(indicator_create)
    update_service = staticmethod(indicator_update)


@admin.register(Goal)
class GoalAdmin(RegistryAdmin):
    list_display = ("title", "strategy", "strategy__owner", "area", "horizon", "priority",
                    "territory")
    list_filter = ("area", "horizon", "priority")
    search_fields = ("title", "territory", "strategy__title", "strategy__owner__name")
    list_select_related = ("strategy__owner",)
    autocomplete_fields = ("strategy", "community_groups")
    create_only_fields = ("strategy",)
    inlines = [IndicatorInline]
    create_service = staticmethod(goal_create)
    update_service = staticmethod(goal_update)


class MeasurementInline(RegistryTabularInline):
    """Measurements are appended; a recorded value stays as it was recorded."""

    model = Measurement
    fields = ("measured_on", "value", "note")
    extra = 1
    create_service = staticmethod(measurement_record)

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(RegistryAdmin):
    list_display = ("name", "goal", "unit", "direction", "baseline", "target", "target_on")
    list_filter = ("direction",)
    search_fields = ("name", "unit", "goal__title")
    list_select_related = ("goal",)
    autocomplete_fields = ("goal",)
    create_only_fields = ("goal",)
    inlines = [MeasurementInline]
    create_service = staticmethod(indicator_create)
    update_service = staticmethod(indicator_update)
