from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.access import is_admin
from core.admin import BOTH_LOCATIONS, RegistryAdmin, report_refusal

from .choices import VerificationStatus
from .models import Organisation, User
from .services import (
    ORGANISATION_IDENTITY,
    organisation_create,
    organisation_set_verification,
    organisation_update,
)


@admin.register(Organisation)
class OrganisationAdmin(RegistryAdmin):
    list_display = (
        "name",
        "sector",
        "kind",
        "org_id",
        "local_scheme",
        "country",
        "territory",
        "verification_status",
    )
    list_filter = ("verification_status", "sector", "kind", "identifier_scheme", "country",
                   "licence_scheme")
    search_fields = ("name", "identifier", "territory")
    readonly_fields = ("verification_status", "verified_at", "verified_by", "created_at",
                       "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "sector", "kind", "description", "website")}),
        (_("Identity"), {"fields": ("identifier_scheme", "identifier", "country", "territory")}),
        (_("Security licence"),
         {"fields": ("licence_scheme", "licence_number", "licence_expires_on")}),
        (_("Verification"), {"fields": ("verification_status", "verified_at", "verified_by")}),
        (
            _("Confidential"),
            {"fields": ("contact_name", "contact_email", "contact_phone", "internal_notes")},
        ),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )
    actions = ["verify", "reject"]
    create_service = staticmethod(organisation_create)
    update_service = staticmethod(organisation_update)

    @admin.display(boolean=True, description=_("local scheme"))
    def local_scheme(self, obj):
        return obj.identifier_is_local

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # Only administrators correct an organisation's identity once it is registered.
        if obj is not None and not is_admin(request.user):
            return (*readonly, *sorted(ORGANISATION_IDENTITY))
        return readonly

    def _set_verification(self, request, queryset, status):
        done = 0
        for organisation in queryset:
            try:
                organisation_set_verification(
                    actor=request.user, organisation=organisation, status=status
                )
            except (ValidationError, PermissionDenied) as error:
                report_refusal(request, organisation, error)
            else:
                done += 1
        if done:
            label = VerificationStatus(status).label.lower()
            messages.success(
                request,
                ngettext(
                    "%(count)d organisation is now %(status)s.",
                    "%(count)d organisations are now %(status)s.",
                    done,
                )
                % {"count": done, "status": label},
            )

    @admin.action(permissions=["change"], description=_("Verify"), location=BOTH_LOCATIONS)
    def verify(self, request, queryset):
        self._set_verification(request, queryset, VerificationStatus.VERIFIED)

    @admin.action(permissions=["change"], description=_("Reject"), location=BOTH_LOCATIONS)
    def reject(self, request, queryset):
        self._set_verification(request, queryset, VerificationStatus.REJECTED)


@admin.register(User)
class RegistryUserAdmin(UserAdmin):
    """People, with the organisation they act for and their function in the registry."""

    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Registry"), {"fields": ("organisation", "function", "phone")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "usable_password",
                    "password1",
                    "password2",
                    "organisation",
                    "function",
                ),
            },
        ),
    )
    list_display = (
        "username",
        "first_name",
        "last_name",
        "email",
        "organisation",
        "function",
        "is_staff",
        "is_active",
    )
    list_filter = ("function", "is_staff", "is_superuser", "is_active")
    search_fields = ("username", "first_name", "last_name", "email", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
