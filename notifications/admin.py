from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .choices import DeliveryStatus
from .models import LanguagePreference, Notification
from .services import notifications_retry


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "to_email", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to_email", "subject", "key"]
    readonly_fields = [field.name for field in Notification._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        failed = Notification.objects.filter(status=DeliveryStatus.FAILED).count()
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d notification failed after every attempt: filter by status to see it.",
                    "%(count)d notifications failed after every attempt: filter by status to see them.",
                    failed,
                )
                % {"count": failed},
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Try the selected failed notifications again"))
    def retry(self, request, queryset):
        count = notifications_retry(notifications=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d notification will be sent again.",
                "%(count)d notifications will be sent again.",
                count,
            )
            % {"count": count},
        )


@admin.register(LanguagePreference)
class LanguagePreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    search_fields = ["user__username"]
