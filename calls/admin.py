"""Read-only admin: calls and expressions of interest change through their pages and the API,
where the services apply the review workflow; the admin shows them with their history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    CallForPartners,
    ExpressionOfInterest,
    InternalComment,
    Offer,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OfferInline(ReadOnlyMixin, admin.TabularInline):
    model = Offer
    extra = 0


class AttachmentInline(ReadOnlyMixin, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "size", "uploaded_at"]
    readonly_fields = fields


class InternalCommentInline(ReadOnlyMixin, admin.TabularInline):
    model = InternalComment
    extra = 0


@admin.register(CallForPartners)
class CallForPartnersAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "lead_body", "status", "opens_on", "closes_at"]
    list_filter = ["status"]
    search_fields = ["title", "description", "territory", "lead_body__name"]
    list_select_related = ["lead_body"]


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "organisation", "public_body", "call", "status", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "organisation__name", "public_body__name"]
    list_select_related = ["organisation", "public_body", "call"]
    inlines = [OfferInline, AttachmentInline, InternalCommentInline]

