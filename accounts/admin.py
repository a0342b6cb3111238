"""Read-only admin: registrations change through the sign-up, confirmation and membership
pages, where the services apply the rules and send the e-mails."""

from django.contrib import admin

from .models import Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "email_confirmed_at", "requested_organisation", "created_at"]
    list_select_related = ["user", "requested_organisation"]
    search_fields = ["user__username", "user__email"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
