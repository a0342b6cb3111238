from operator import attrgetter

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import (
    BOTH_LOCATIONS,
    RegistryAdmin,
    RegistryStackedInline,
    RegistryTabularInline,
    report_refusal,
)
from core.files import pdf_problem

from .choices import CLOSED_STATUSES, REASONED_STATUSES, Status
from .measures import MEASURE_FIELDS
from .models import Contribution, Document, Partnership, Party, Rule
from .policies import (
    activation_problems,
    community_problems,
    is_live,
    missing_rule_problems,
    party_mix_problems,
    refuse_live_gaps,
)
from .services import (
    contribution_add,
    contribution_remove,
    contribution_update,
    document_add,
    document_remove,
    document_update,
    partnership_create,
    partnership_delete,
    partnership_transition,
    partnership_update,
    party_add,
    party_remove,
    party_update,
    rule_add,
    rule_remove,
    rule_update,
)

# Forms refuse early, with the services' own messages, what would leave a live partnership


# short of what its activation required; the services check again when saving.


def _kept(formset):
    """The cleaned rows of ``formset`` that will remain after saving."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class LiveRowsFormSet(BaseInlineFormSet):
    """The rows a live partnership keeps after saving, ``row_field`` of each, must leave
    ``problems`` nothing to report."""

    row_field = ""
    problems = None

    def clean(self):
        super().clean()
        if not any(self.errors) and is_live(self.instance):
            refuse_live_gaps(self.problems(row[self.row_field] for row in _kept(self)))


class PartyFormSet(LiveRowsFormSet):
    row_field = "organisation"
    problems = staticmethod(party_mix_problems)


class RuleFormSet(LiveRowsFormSet):
    row_field = "category"
    problems = staticmethod(missing_rule_problems)


class PartnershipForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and is_live(self.instance) and "community_groups" in cleaned:
            refuse_live_gaps(community_problems(cleaned["community_groups"]))
        return cleaned


class LiveRowForm(forms.ModelForm):
    """One row of a live partnership changed on its own: its ``row_field`` with the other
    rows' (``others``) must leave ``problems`` nothing to report."""

    row_field = ""
    problems = None

    def others(self, partnership) -> list:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership") or getattr(self.instance, "partnership", None)
        value = cleaned.get(self.row_field)
        if partnership and value and is_live(partnership):
            refuse_live_gaps(self.problems([value, *self.others(partnership)]))
        return cleaned


class PartyForm(LiveRowForm):
    row_field = "organisation"
    problems = staticmethod(party_mix_problems)

    def others(self, partnership):
        parties = partnership.parties.exclude(pk=self.instance.pk).select_related("organisation")
        return [party.organisation for party in parties]


class RuleForm(LiveRowForm):
    row_field = "category"
    problems = staticmethod(missing_rule_problems)

    def others(self, partnership):
        return partnership.rules.exclude(pk=self.instance.pk).values_list("category", flat=True)


class OpenPartnershipOnly:
    """Concluded and terminated partnerships are kept as they ended: read-only.

    ``partnership_path`` leads from the object (an inline's parent object) to its partnership;
    empty where the object is the partnership.
    """

    partnership_path = ""

    def is_open(self, obj) -> bool:
        if obj is None or obj.pk is None:
            return True
        partnership = attrgetter(self.partnership_path)(obj) if self.partnership_path else obj
        return not partnership.is_closed

    def has_add_permission(self, request, *args):
        obj = args[0] if args else None
        return super().has_add_permission(request, *args) and self.is_open(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.is_open(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.is_open(obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "partnership":
            kwargs["queryset"] = Partnership.objects.exclude(status__in=CLOSED_STATUSES)
        elif db_field.name == "party":
            kwargs["queryset"] = Party.objects.exclude(
                partnership__status__in=CLOSED_STATUSES
            ).select_related("organisation")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PartyWrites:
    """The services that add, change and remove parties, for the admin and the inline alike."""

    create_service = staticmethod(party_add)
    update_service = staticmethod(party_update)
    remove_service = staticmethod(party_remove)


class RuleWrites:
    """The services that add, change and remove rules, for the admin and the inline alike."""

    create_service = staticmethod(rule_add)
    update_service = staticmethod(rule_update)
    remove_service = staticmethod(rule_remove)


class ContributionWrites:
    """The services that add, change and remove contributions, for the admin and the inline alike."""

    create_service = staticmethod(contribution_add)
    update_service = staticmethod(contribution_update)
    remove_service = staticmethod(contribution_remove)


class PartyInline(PartyWrites, OpenPartnershipOnly, RegistryStackedInline):
    model = Party
    formset = PartyFormSet
    fields = ("organisation", "role", "responsibilities", "joined_on")
    autocomplete_fields = ("organisation",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class RuleInline(RuleWrites, OpenPartnershipOnly, RegistryStackedInline):
    model = Rule
    formset = RuleFormSet
    fields = ("category", "title", "text")
    extra = 0


# The lifecycle as admin actions: (name, description, target status, only from).
TRANSITION_ACTIONS = [
    ("submit_for_negotiation", _("Submit for negotiation"), Status.NEGOTIATION, None),
    ("back_to_draft", _("Send back to draft"), Status.DRAFT, None),
    ("activate", _("Activate"), Status.ACTIVE, None),
    ("suspend", _("Suspend"), Status.SUSPENDED, None),
    ("resume", _("Resume"), Status.ACTIVE, Status.SUSPENDED),
    ("conclude", _("Conclude"), Status.CONCLUDED, None),
    ("terminate", _("Terminate"), Status.TERMINATED, None),
]


def _transition_action(name, description, target, only_from):
    def action(modeladmin, request, queryset):
        return modeladmin.transition(request, queryset, target, only_from)

    action.__name__ = name
    return admin.action(permissions=["change"], description=description,
                        location=BOTH_LOCATIONS)(action)


@admin.register(Partnership)
class PartnershipAdmin(OpenPartnershipOnly, RegistryAdmin):
    form = PartnershipForm
    list_display = ("title", "lead_body", "status", "territory", "starts_on", "ends_on",
                    "next_review_on")
    list_filter = ("status", "lead_body__country", "community_groups")
    search_fields = ("title", "territory", "lead_body__name")
    list_select_related = ("lead_body",)
    autocomplete_fields = ("lead_body", "goals", "community_groups")
    create_only_fields = ("lead_body",)
    readonly_fields = ("status", "activation_checklist", "activated_at", "created_by",
                       "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "summary", "language", "lead_body", "territory")}),
        (_("Lifecycle"), {"fields": ("status", "activation_checklist", "activated_at",
                                     "starts_on", "ends_on", "next_review_on")}),
        (_("Goals and community"), {"fields": ("goals", "community_groups")}),
        (_("Confidential"), {"fields": ("internal_notes",)}),
        (_("Record"), {"fields": ("created_by", "created_at", "updated_at")}),
    )
    inlines = [PartyInline, RuleInline]
    actions = [_transition_action(*spec) for spec in TRANSITION_ACTIONS]
    create_service = staticmethod(partnership_create)
    update_service = staticmethod(partnership_update)
    remove_service = staticmethod(partnership_delete)

    @admin.display(description=_("missing for activation"))
    def activation_checklist(self, obj):
        if obj.pk is None or obj.status not in (Status.DRAFT, Status.NEGOTIATION):
            return "-"
        problems = activation_problems(obj)
        if not problems:
            return _("Nothing: it can be activated.")
        return format_html_join("", "<p>{}</p>", ((problem,) for problem in problems))

    def has_delete_permission(self, request, obj=None):
        # Only drafts are deleted; later on a partnership is concluded or terminated.
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status == Status.DRAFT)

    def transition(self, request, queryset, target, only_from):
        reason = request.POST.get("reason", "").strip()
        if target in REASONED_STATUSES and not reason:
            # Grave steps are confirmed on a page that asks for their public reason.
            return TemplateResponse(request, "admin/partnerships/transition_reason.html", {
                **self.admin_site.each_context(request),
                "title": _("Why this step?"),
                "opts": self.model._meta,
                "queryset": queryset,
                # The change list posts "action", the change page a prefixed name: answer in kind.
                "action_fields": [(k, v) for k, v in request.POST.items() if k.endswith("action")],
                "target": Status(target).label,
                "error": request.POST.get("post") == "yes",
            })
        done = 0
        for partnership in queryset:
            if only_from and partnership.status != only_from:
                messages.error(
                    request,
                    _("%(partnership)s: only a %(status)s partnership can be resumed.")
                    % {"partnership": partnership, "status": Status(only_from).label.lower()},
                )
                continue
            try:
                partnership_transition(actor=request.user, partnership=partnership, status=target,
                                       reason=reason)
            except (ValidationError, PermissionDenied) as error:
                report_refusal(request, partnership, error)
            else:
                done += 1
        if done:
            messages.success(
                request,
                ngettext(
                    "%(count)d partnership is now %(status)s.",
                    "%(count)d partnerships are now %(status)s.",
                    done,
                )
                % {"count": done, "status": Status(target).label.lower()},
            )


class ContributionInline(ContributionWrites, OpenPartnershipOnly, RegistryTabularInline):
    partnership_path = "partnership"
    model = Contribution
    fields = MEASURE_FIELDS
    extra = 0


@admin.register(Party)
class PartyAdmin(PartyWrites, OpenPartnershipOnly, RegistryAdmin):
    partnership_path = "partnership"
    form = PartyForm
    list_display = ("organisation", "role", "partnership", "organisation__sector",
                    "partnership__status", "joined_on")
    list_filter = ("role", "organisation__sector", "partnership__status")
    search_fields = ("organisation__name", "partnership__title", "responsibilities")
    list_select_related = ("organisation", "partnership")
    autocomplete_fields = ("partnership", "organisation")
    create_only_fields = ("partnership",)
    fields = ("partnership", "organisation", "role", "responsibilities", "joined_on")
    inlines = [ContributionInline]


@admin.register(Contribution)
class ContributionAdmin(ContributionWrites, OpenPartnershipOnly, RegistryAdmin):
    partnership_path = "party.partnership"
    list_display = ("kind", "party__organisation", "party__partnership", "description",
                    "amount", "currency", "person_days")
    list_filter = ("kind",)
    search_fields = ("description", "party__organisation__name", "party__partnership__title")
    list_select_related = ("party__organisation", "party__partnership")
    autocomplete_fields = ("party",)
    create_only_fields = ("party",)
    fields = ("party", *MEASURE_FIELDS)


@admin.register(Rule)
class RuleAdmin(RuleWrites, OpenPartnershipOnly, RegistryAdmin):
    partnership_path = "partnership"
    form = RuleForm
    list_display = ("title", "category", "partnership", "partnership__status")
    list_filter = ("category", "partnership__status")
    search_fields = ("title", "text", "partnership__title")
    list_select_related = ("partnership",)
    autocomplete_fields = ("partnership",)
    create_only_fields = ("partnership",)
    fields = ("partnership", "category", "title", "text")


class DocumentForm(forms.ModelForm):
    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        problem = pdf_problem(uploaded, max_bytes=settings.PARTNERSHIP_DOCUMENT_MAX_BYTES)
        if problem:
            raise ValidationError(problem)
        return uploaded


@admin.register(Document)
class DocumentAdmin(RegistryAdmin):
    """Documents are filed and described through the services (the PDF checked by its
    content); the file itself is not replaced: file a new document instead."""

    form = DocumentForm
    list_display = ("title", "kind", "partnership", "issued_on", "language", "visibility")
    list_filter = ("kind", "visibility", "language", "partnership__status")
    search_fields = ("title", "original_name", "partnership__title")
    list_select_related = ("partnership",)
    autocomplete_fields = ("partnership",)
    create_only_fields = ("partnership",)
    readonly_fields = ("download", "original_name", "size", "uploaded_by", "uploaded_at")
    described = ("partnership", "kind", "title", "issued_on", "language", "visibility")
    update_service = staticmethod(document_update)
    remove_service = staticmethod(document_remove)

    def get_fields(self, request, obj=None):
        if obj is None:
            return (*self.described, "file")
        return (*self.described, *self.readonly_fields)

    @admin.display(description=_("file"))
    def download(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.original_name)

    def create(self, request, data):
        return document_add(actor=request.user, uploaded=data.pop("file"), **data)
