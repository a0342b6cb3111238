from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BLANK_CHOICE_DASH
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from actors.selectors import choice_groups, party_candidates
from core import pagecache
from core.access import Action, is_admin, is_staff_reader, may, may_create
from core.files import pdf_download
from core.forms import error_summary, errors_onto
from core.views import (
    FilteredListView,
    HistoryView,
    RegistryListView,
    form_page,
    get_for,
    one_time_form,
)

from . import services
from .choices import (
    PARTY_DOCUMENT_KINDS,
    PUBLISHED_STATUSES,
    REASONED_STATUSES,
    TRANSITIONS,
    DocumentKind,
    Status,
)
from .compliance import scorecard, scorecard_queryset
from .dossier import build_dossier
from .filtersets import PartnershipFilterSet
from .forms import (
    ContributionFormSet,
    DocumentForm,
    PartnershipForm,
    PartyFormSet,
    ReasonedTransitionForm,
    RuleFormSet,
    TransitionForm,
)
from .models import Contribution, Document, Partnership, Party, Rule
from .policies import activation_problems, transition_problem
from .selectors import document_list, partnership_detail_queryset, partnership_list

TRANSITION_LABELS = {
    Status.DRAFT: gettext_lazy("Return to draft"),
    Status.NEGOTIATION: gettext_lazy("Submit for negotiation"),
    Status.ACTIVE: gettext_lazy("Activate"),
    Status.SUSPENDED: gettext_lazy("Suspend"),
    Status.CONCLUDED: gettext_lazy("Conclude"),
    Status.TERMINATED: gettext_lazy("Terminate"),
}
PUBLIC_FILTERS = (
    "q", "status", "country", "territory", "area", "horizon", "sector", "role",
    "contribution_kind", "community_group", "ordering",
)


class PartnershipListView(RegistryListView):
    template_name = "partnerships/partnership_list.html"
    title = gettext_lazy("Partnerships")
    filterset_class = PartnershipFilterSet
    selector = staticmethod(partnership_list)
    hidden_filters = ("organisation", "goal")
    creates = Partnership


partnership_list_view = PartnershipListView.as_view()


@login_required
def partnership_detail(request, pk):
    user = request.user
    partnership = get_for(user, partnership_detail_queryset, pk)
    can_change = may(user, Action.CHANGE, partnership)
    editable = can_change and not partnership.is_closed
    transitions = []
    if can_change:
        transitions = [
            (status, _("Resume") if partnership.status == Status.SUSPENDED and status == Status.ACTIVE
             else TRANSITION_LABELS[status])
            for status in Status.values if status in TRANSITIONS[Status(partnership.status)]
        ]
    return render(request, "partnerships/partnership_detail.html", {
        "partnership": partnership,
        "direct_transitions": [t for t in transitions if t[0] not in REASONED_STATUSES],
        "confirmed_transitions": [t for t in transitions if t[0] in REASONED_STATUSES],
        "documents": document_list(user=user, partnership=partnership),
        "may_file_document": services.may_file_document(user, partnership),
        "can_edit": editable,
        "show_notes": can_change,
        "transitions": transitions,
        "can_delete": partnership.status == Status.DRAFT and may(user, Action.DELETE, partnership),
        "activation_problems": activation_problems(partnership)
        if editable and partnership.status in (Status.DRAFT, Status.NEGOTIATION) else None,
        "history_url": reverse("partnerships:partnership_history", args=[pk])
        if is_staff_reader(user) else None,
    })


class PartnershipEditor:
    """The partnership form of one page: the agreement, its parties with their contributions,
    and its rules. Every change goes through the services; any refusal rolls back the lot and
    lands on the row it concerns."""

    def __init__(self, request, partnership=None):
        self.request = request
        self.user = request.user
        self.partnership = partnership
        data = request.POST if request.method == "POST" else None
        parties = list(partnership.parties.all()) if partnership else []
        rules = list(partnership.rules.all()) if partnership else []
        self.parties = {party.pk: party for party in parties}
        self.rules = {rule.pk: rule for rule in rules}
        self.contributions = {c.pk: c for party in parties for c in party.contributions.all()}
        lead_body = partnership.lead_body if partnership else self.user.organisation
        current_goals = list(partnership.goals.all()) if partnership else []
        self.form = PartnershipForm(
            data,
            initial=self._partnership_initial(),
            lead_body=None if is_admin(self.user) else lead_body,
            choose_lead_body=partnership is None and is_admin(self.user),
            current_goals=current_goals,
        )
        organisations = party_candidates(keep=[p.organisation_id for p in parties])
        choices = [*BLANK_CHOICE_DASH, *choice_groups(organisations)]
        self.party_formset = PartyFormSet(
            data,
            prefix="parties",
            initial=[self._party_initial(party) for party in parties],
            form_kwargs={"organisations": organisations, "organisation_choices": choices},
        )
        for index, form in enumerate(self.party_formset.forms):
            party = parties[index] if index < len(parties) else None
            form.contributions = ContributionFormSet(
                data,
                prefix=f"{form.prefix}-contributions",
                initial=[self._contribution_initial(c) for c in party.contributions.all()]
                if party else [],
            )
        empty = self.party_formset.empty_form
        empty.contributions = ContributionFormSet(prefix=f"{empty.prefix}-contributions")
        self.empty_party = empty
        self.rule_formset = RuleFormSet(
            data,
            prefix="rules",
            initial=[
                {"id": r.pk, "category": r.category, "title": r.title, "text": r.text}
                for r in rules
            ],
        )

    def _partnership_initial(self):
        partnership = self.partnership
        if partnership is None:
            return {}
        fields = ("title", "summary", "territory", "language", "starts_on", "ends_on",
                  "next_review_on", "internal_notes")
        initial = {name: getattr(partnership, name) for name in fields}
        initial["goals"] = list(partnership.goals.all())
        initial["community_groups"] = list(partnership.community_groups.all())
        return initial

    @staticmethod
    def _party_initial(party):
        return {
            "id": party.pk,
            "organisation": party.organisation_id,
            "organisation_name": party.organisation.name,
            "role": party.role,
            "responsibilities": party.responsibilities,
            "joined_on": party.joined_on,
        }

    @staticmethod
    def _contribution_initial(contribution):
        return {"id": contribution.pk, **contribution.measure()}

    def _live_party_forms(self):
        return [f for f in self.party_formset.forms if not self.party_formset._should_delete_form(f)]

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        valid = self.party_formset.is_valid() and valid
        valid = self.rule_formset.is_valid() and valid
        for form in self._live_party_forms():
            valid = form.contributions.is_valid() and valid
        return valid

    def errors(self):
        items = [self.form, (self.party_formset, _("Party")), (self.rule_formset, _("Rule"))]
        for number, form in enumerate(self.party_formset.forms, start=1):
            if form in self._live_party_forms():
                items.append((form.contributions, _("Party %(number)s, contribution") % {
                    "number": number
                }))
        return error_summary(*items)

    def has_errors(self) -> bool:
        return bool(self.errors())

    @staticmethod
    def _row_changes(form):
        return {k: v for k, v in form.cleaned_data.items() if k not in ("id", "DELETE")}

    def _existing(self, form, known):
        pk = form.cleaned_data.get("id")
        if pk is None:
            return None
        if pk not in known:
            form.add_error(None, _("This row no longer exists; reload the page."))
        return known.get(pk)

    def save(self):
        """Apply every change; returns the partnership, or None when something was refused."""
        with transaction.atomic():
            self._save_partnership()
            if self.partnership is not None and not self.form.errors:
                self._save_parties()
                self._save_rules()
            if self.has_errors():
                transaction.set_rollback(True)
                return None
        return self.partnership

    def _save_partnership(self):
        data = dict(self.form.cleaned_data)
        with errors_onto(self.form):
            if self.partnership is None:
                lead_body = data.pop("lead_body", None) or self.user.organisation
                self.partnership = services.partnership_create(
                    actor=self.user, lead_body=lead_body, **data
                )
            else:
                services.partnership_update(actor=self.user, partnership=self.partnership, **data)

    def _save_parties(self):
        removals = []
        for form in self.party_formset.forms:
            if self.party_formset._should_delete_form(form):
                party = self._existing(form, self.parties)
                if party is not None:
                    removals.append((form, party))
                continue
            party = self._existing(form, self.parties)
            if form.errors:
                continue
            if party is None:
                if not form.has_changed():
                    continue
                with errors_onto(form):
                    party = services.party_add(
                        actor=self.user, partnership=self.partnership, **self._row_changes(form)
                    )
            elif form.has_changed():
                with errors_onto(form):
                    services.party_update(actor=self.user, party=party, **self._row_changes(form))
            if party is not None and party.pk and not form.errors:
                self._save_contributions(form.contributions, party)
        for form, party in removals:
            with errors_onto(form):
                services.party_remove(actor=self.user, party=party)

    def _save_contributions(self, formset, party):
        known = {pk: c for pk, c in self.contributions.items() if c.party_id == party.pk}
        for form in formset.forms:
            contribution = self._existing(form, known)
            if form.errors:
                continue
            with errors_onto(form):
                if formset._should_delete_form(form):
                    if contribution is not None:
                        services.contribution_remove(actor=self.user, contribution=contribution)
                elif contribution is None:
                    if form.has_changed():
                        services.contribution_add(actor=self.user, party=party,
                                                  **self._row_changes(form))
                elif form.has_changed():
                    services.contribution_update(actor=self.user, contribution=contribution,
                                                 **self._row_changes(form))

    def _save_rules(self):
        removals = []
        for form in self.rule_formset.forms:
            rule = self._existing(form, self.rules)
            if form.errors:
                continue
            if self.rule_formset._should_delete_form(form):
                if rule is not None:
                    removals.append((form, rule))
                continue
            with errors_onto(form):
                if rule is None:
                    if form.has_changed():
                        services.rule_add(actor=self.user, partnership=self.partnership,
                                          **self._row_changes(form))
                elif form.has_changed():
                    services.rule_update(actor=self.user, rule=rule, **self._row_changes(form))
        for form, rule in removals:
            with errors_onto(form):
                services.rule_remove(actor=self.user, rule=rule)

    def render(self, *, title):
        return render(self.request, "partnerships/partnership_form.html", {
            "title": title,
            "partnership": self.partnership if self.partnership and self.partnership.pk else None,
            "form": self.form,
            "party_formset": self.party_formset,
            "empty_party": self.empty_party,
            "rule_formset": self.rule_formset,
            "errors": self.errors() if self.request.method == "POST" else [],
        })


def _edit_page(request, partnership, *, title, success):
    editor = PartnershipEditor(request, partnership)
    if request.method == "POST" and editor.is_valid():
        saved = editor.save()
        if saved is not None:
            messages.success(request, success)
            if "continue" in request.POST:
                return redirect("partnerships:partnership_edit", pk=saved.pk)
            return redirect(saved)
        if partnership is None:
            editor.partnership = None
    return editor.render(title=title)


@login_required
@one_time_form
def partnership_create(request):
    if not may_create(request.user, Partnership):
        raise PermissionDenied
    return _edit_page(request, None, title=_("Register a partnership"),
                      success=_("The partnership is registered as a draft."))


@login_required
def partnership_edit(request, pk):
    partnership = get_for(request.user, partnership_detail_queryset, pk, Action.CHANGE)
    if partnership.is_closed:
        raise PermissionDenied
    return _edit_page(request, partnership,
                      title=_("Edit %(title)s") % {"title": partnership.title},
                      success=_("Your changes are saved."))


CONFIRM_TITLES = {
    Status.SUSPENDED: gettext_lazy("Suspend “%(title)s”"),
    Status.CONCLUDED: gettext_lazy("Conclude “%(title)s”"),
    Status.TERMINATED: gettext_lazy("Terminate “%(title)s”"),
}


def _confirm_transition(request, partnership, target):
    """Suspending, concluding and terminating are confirmed on a page that asks for the reason,
    which is published with the change."""
    form = ReasonedTransitionForm(
        request.POST if request.method == "POST" else None, initial={"status": target}
    )

    def save(data):
        return services.partnership_transition(
            actor=request.user, partnership=partnership, status=target, reason=data["reason"]
        )

    return form_page(
        request,
        form,
        title=CONFIRM_TITLES[target] % {"title": partnership.title},
        submit_label=TRANSITION_LABELS[target],
        cancel_url=partnership.get_absolute_url(),
        save=save,
        success=_("The partnership is now “%(status)s”.") % {"status": Status(target).label},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partnership_transition(request, pk):
    partnership = get_for(request.user, partnership_list, pk, Action.CHANGE)
    form = TransitionForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return redirect(partnership)
    target = form.cleaned_data["status"]
    if target in REASONED_STATUSES:
        problem = transition_problem(current=partnership.status, target=target)
        if problem:
            messages.error(request, problem)
            return redirect(partnership)
        return _confirm_transition(request, partnership, target)
    if request.method != "POST":
        return redirect(partnership)
    try:
        partnership = services.partnership_transition(
            actor=request.user, partnership=partnership, status=target
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The partnership is now “%(status)s”.") % {
            "status": partnership.get_status_display()
        })
    return redirect(partnership)


@login_required
def partnership_delete(request, pk):
    partnership = get_for(request.user, partnership_list, pk, Action.DELETE)
    if partnership.status != Status.DRAFT:
        raise PermissionDenied
    if request.method == "POST":
        services.partnership_delete(actor=request.user, partnership=partnership)
        messages.success(request, _("The draft “%(title)s” is deleted.") % {"title": partnership.title})
        return redirect("partnerships:partnership_list")
    return render(request, "partnerships/partnership_confirm_delete.html", {"partnership": partnership})


class PartnershipHistoryView(HistoryView):
    """The agreement's history with that of its parties, contributions and rules."""

    selector = staticmethod(partnership_list)

    def hidden_fields(self, obj):
        return frozenset() if may(self.request.user, Action.CHANGE, obj) else frozenset({"internal_notes"})

    def get_records(self, obj):
        parties = Party.history.filter(partnership_id=obj.pk)
        return [
            *obj.history.select_related("history_user"),
            *parties.select_related("history_user"),
            *Contribution.history.filter(party_id__in=parties.values("id")).select_related(
                "history_user"
            ),
            *Rule.history.filter(partnership_id=obj.pk).select_related("history_user"),
            *Document.history.filter(partnership_id=obj.pk).select_related("history_user"),
        ]


partnership_history = PartnershipHistoryView.as_view()


def _public_partnerships(user):
    return partnership_list(user=user).filter(status__in=PUBLISHED_STATUSES)


class PublicPartnershipListView(FilteredListView):
    """The transparency register: partnerships in force, open to everyone."""

    template_name = "partnerships/public_list.html"
    title = gettext_lazy("Public register of partnerships")
    filterset_class = PartnershipFilterSet

    def get_queryset(self):
        return _public_partnerships(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**pagecache.page_context(self.request), **kwargs)

    def get_filterset(self, queryset):
        filterset = super().get_filterset(queryset)
        for name in list(filterset.form.fields):
            if name not in PUBLIC_FILTERS:
                del filterset.form.fields[name]
        # Drafts and negotiations are never public: not even as a choice.
        status = filterset.form.fields["status"]
        status.choices = [(code, label) for code, label in status.choices
                          if code in PUBLISHED_STATUSES]
        return filterset


public_partnership_list = PublicPartnershipListView.as_view()


def public_partnership_detail(request, pk):
    """One query decides whether the reader may see the partnership (none for an anonymous
    reader who asked since the last write); its parts, scorecard and documents are fetched only
    when the page's body is not in the cache."""
    cached = pagecache.page_context(request)
    partnership = pagecache.remembered(
        cached["page_version"], f"public-partnership:{pk}",
        lambda: get_for(request.user, lambda user: Partnership.objects.restrict(
            user, Action.VIEW
        ).filter(status__in=PUBLISHED_STATUSES), pk),
    )
    # An agreement activated ahead of its period is in force only from the period's start.
    takes_effect = max(filter(None, [
        timezone.localdate(partnership.activated_at) if partnership.activated_at else None,
        partnership.starts_on,
    ]), default=None)
    published = Partnership.objects.filter(pk=pk)
    return render(request, "partnerships/public_detail.html", {
        "partnership": partnership,
        "parts": SimpleLazyObject(
            lambda: partnership_detail_queryset(user=request.user).get(pk=pk)
        ),
        "takes_effect": takes_effect,
        "today": timezone.localdate(),
        "scorecard": SimpleLazyObject(lambda: scorecard(scorecard_queryset(published).get())),
        "documents": SimpleLazyObject(lambda: document_list(
            user=request.user, partnership=partnership, public_only=True
        )),
        **cached,
    })


@login_required
def document_upload(request, pk):
    partnership = get_for(request.user, partnership_list, pk)
    if not services.may_file_document(request.user, partnership):
        raise PermissionDenied
    kinds = None if services.may_file_document(request.user, partnership, DocumentKind.AMENDMENT) \
        else PARTY_DOCUMENT_KINDS
    form = DocumentForm(request.POST or None, request.FILES or None, kinds=kinds)

    def save(data):
        services.document_add(actor=request.user, partnership=partnership,
                              uploaded=data.pop("file"), **data)
        return partnership

    return form_page(
        request, form, title=_("File a document with “%(title)s”") % {"title": partnership.title},
        submit_label=_("File the document"), cancel_url=partnership.get_absolute_url(),
        save=save, success=_("The document is filed."),
    )


def document_download(request, uuid):
    document = document_list(user=request.user).filter(uuid=uuid).first()
    if document is None:
        raise Http404
    return pdf_download(document)



def _dossier_response(partnership, pdf: bytes) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="partnership-{partnership.pk}.pdf"'
    return response


@login_required
def partnership_dossier(request, pk):
    """The dossier of a partnership the reader may see, in their language."""
    partnership = get_for(request.user, partnership_detail_queryset, pk)
    return _dossier_response(partnership, build_dossier(partnership, user=request.user))


def public_partnership_dossier(request, pk):
    """The public dossier of a partnership in force: no personal data."""
    queryset = partnership_detail_queryset(user=request.user).filter(status__in=PUBLISHED_STATUSES)
    partnership = get_for(request.user, lambda user: queryset, pk)
    return _dossier_response(partnership, build_dossier(partnership, public=True))
