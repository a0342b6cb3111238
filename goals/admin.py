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

    def create(self, request, data):
        return strategy_create(actor=request.user, **data)

    def update(self, request, obj, changes):
        return strategy_update(actor=request.user, strategy=obj, **changes)


class IndicatorInline(RegistryTabularInline):
    model = Indicator
    fields = ("name", "unit", "direction", "baseline", "baseline_on", "target", "target_on")
    extra = 0
    show_change_link = True

    def create(self, request, parent, data):
        return indicator_create(actor=request.user, goal=parent, **data)

    def update(self, request, obj, changes):
        return indicator_update(actor=request.user, indicator=obj, **changes)


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

    def create(self, request, data):
        return goal_create(actor=request.user, **data)

    def update(self, request, obj, changes):
        return goal_update(actor=request.user, goal=obj, **changes)


class MeasurementInline(RegistryTabularInline):
    """Measurements are appended; a recorded value stays as it was recorded."""

    model = Measurement
    fields = ("measured_on", "value", "note")
    extra = 1

    def has_change_permission(self, request, obj=None):
        return False

    def create(self, request, parent, data):
        return measurement_record(actor=request.user, indicator=parent, **data)


@admin.register(Indicator)
class IndicatorAdmin(RegistryAdmin):
    list_display = ("name", "goal", "unit", "direction", "baseline", "target", "target_on")
    list_filter = ("direction",)
    search_fields = ("name", "unit", "goal__title")
    list_select_related = ("goal",)
    autocomplete_fields = ("goal",)
    create_only_fields = ("goal",)
    inlines = [MeasurementInline]

    def create(self, request, data):
        return indicator_create(actor=request.user, **data)

    def update(self, request, obj, changes):
        return indicator_update(actor=request.user, indicator=obj, **changes)
