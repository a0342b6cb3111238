"""Pages for calls for partners and expressions of interest: the public list of open calls,
the firm's own space and the coordinators' review queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import selectors as accounts_selectors
from core.access import (
    Action,
    is_coordinator,
    is_staff_reader,
    may,
    may_create,
    public_body_id,
)
from core.files import pdf_download
from core.forms import add_service_errors, error_summary, errors_onto
from core.views import (
    FilteredListView,
    HistoryView,
    RegistryListView,
    form_page,
    get_for,
    one_time_form,
)

from . import selectors, services
from .choices import FIRM_EDITABLE_STATUSES, CallStatus, EoiStatus
from .filtersets import CallFilterSet, EoiFilterSet
from .forms import (
    AcceptForm,
    AttachmentForm,
    CallForm,
    CommentForm,
    DeclineForm,
    EoiForm,
    OfferFormSet,
    offer_rows,
)
from .models import CallForPartners, ExpressionOfInterest

# Calls for partners ---------------------------------------------------------------------------


class CallListView(FilteredListView):
    """Open calls for everyone; a coordinator also finds their body's drafts by status."""

    template_name = "calls/call_list.html"
    title = gettext_lazy("Calls for partners")
    filterset_class = CallFilterSet
    selector = staticmethod(selectors.call_list)

    def get_queryset(self):
        queryset = super().get_queryset()
        if not self.request.GET.getlist("status"):
            # Until the periodic task closes it, a call past its deadline is closed already.
            queryset = queryset.filter(status=CallStatus.OPEN, closes_at__gt=timezone.now())
        return queryset

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_create=_may_create_call_here(user),
            can_register=not user.is_authenticated,
            **kwargs,
        )


call_list = CallListView.as_view()


def _may_create_call_here(user) -> bool:
    # The page prepares a call for the coordinator's own body; administrators, who act for
    # no body, name one through the API.
    return may_create(user, CallForPartners) and public_body_id(user) is not None


def call_detail(request, pk):
    call = get_for(request.user, selectors.call_detail_queryset, pk)
    user = request.user
    firm = user.is_authenticated and user.is_firm_representative and user.organisation_id
    return render(request, "calls/call_detail.html", {
        "call": call,
        "can_edit": call.status != CallStatus.CLOSED and may(user, Action.CHANGE, call),
        "can_respond": bool(firm) and call.is_accepting,
        "own_expressions": selectors.eoi_list(user=user).filter(call=call) if firm else None,
        "history_url": reverse("calls:call_history", args=[pk]) if is_staff_reader(user) else None,
    })


@login_required
@one_time_form
def call_create(request):
    if not _may_create_call_here(request.user):
        raise PermissionDenied
    body = request.user.organisation
    form = CallForm(request.POST or None, lead_body=body)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            call = services.call_create(actor=request.user, lead_body=body, **form.cleaned_data)
            messages.success(request, _("The call is saved as a draft. Publish it when ready."))
            return redirect(call)
    return form_page(
        request, form, title=_("New call for partners"), submit_label=_("Save the draft"),
        cancel_url=reverse("calls:call_list"),
    )


@login_required
def call_edit(request, pk):
    call = get_for(request.user, selectors.call_detail_queryset, pk, Action.CHANGE)
    initial = {name: getattr(call, name) for name in services.CALL_EDITABLE}
    initial["goals"] = list(call.goals.all())
    form = CallForm(request.POST or None, initial=initial, lead_body=call.lead_body)
    if request.method == "POST" and form.is_valid():
        with errors_onto(form):
            services.call_update(actor=request.user, call=call, **form.cleaned_data)
            messages.success(request, _("Your changes are saved."))
            return redirect(call)
    return form_page(
        request, form, title=_("Edit the call “%(title)s”") % {"title": call.title},
        submit_label=_("Save changes"), cancel_url=call.get_absolute_url(),
    )


def _post_action(request, obj, service, success, **arguments):
    """Run a one-button action; a refusal comes back as a message on the object's page."""
    try:
        service(actor=request.user, **arguments)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(obj)


@login_required
@require_POST
def call_publish(request, pk):
    call = get_for(request.user, selectors.call_detail_queryset, pk, Action.CHANGE)
    return _post_action(request, call, services.call_publish, _("The call is published."),
                        call=call)


@login_required
@require_POST
def call_close(request, pk):
    call = get_for(request.user, selectors.call_detail_queryset, pk, Action.CHANGE)
    return _post_action(request, call, services.call_close, _("The call is closed."), call=call)


# Expressions of interest ----------------------------------------------------------------------


class EoiListView(RegistryListView):
    """The firm's own expressions of interest, or the review queue of a coordinator's body."""

    template_name = "calls/eoi_list.html"
    filterset_class = EoiFilterSet
    selector = staticmethod(selectors.eoi_list)

    def get_context_data(self, **kwargs):
        user = self.request.user
        # The base view puts ``self.title`` in the context, over any ``title`` passed to it.
        if is_coordinator(user):
            self.title = _("Expressions of interest received")
        elif user.is_firm_representative:
            self.title = _("Your organisation's expressions of interest")
        else:
            self.title = _("Expressions of interest")
        return super().get_context_data(
            can_create=user.is_firm_representative,
            awaiting_membership=accounts_selectors.awaits_membership(user),
            show_organisation=not user.is_firm_representative,
            **kwargs,
        )


eoi_list = EoiListView.as_view()


def _detail_context(request, eoi, **forms):
    user = request.user
    can_review = selectors.may_review(user, eoi)
    firm = selectors.may_act_for_firm(user, eoi)
    editable = firm and eoi.status in FIRM_EDITABLE_STATUSES
    reviewable = can_review and eoi.status in (
        EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED
    )
    context = {
        "eoi": eoi,
        "show_personal": selectors.may_see_personal_data(user, eoi),
        "can_edit": editable,
        "can_submit": firm and eoi.status == EoiStatus.DRAFT,
        "can_delete": firm and eoi.status == EoiStatus.DRAFT,
        "can_withdraw": firm and eoi.status in (
            EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED
        ),
        "email_unconfirmed": firm and not accounts_selectors.email_confirmed(user),
        "can_review": can_review,
        "can_start_review": can_review and eoi.status == EoiStatus.SUBMITTED,
        "can_shortlist": can_review and eoi.status in (EoiStatus.SUBMITTED,
                                                       EoiStatus.UNDER_REVIEW),
        "can_decide": reviewable,
        "can_accept": can_review and eoi.status in (EoiStatus.UNDER_REVIEW,
                                                    EoiStatus.SHORTLISTED),
        "comments": selectors.comments_for(user=user, eoi=eoi) if can_review else None,
        "attachment_form": AttachmentForm() if editable else None,
        "comment_form": CommentForm() if can_review else None,
        "decline_form": DeclineForm() if reviewable else None,
        "history_url": (reverse("calls:eoi_history", args=[eoi.pk])
                        if is_staff_reader(user) else None),
    }
    if context["can_accept"]:
        context["accept_form"] = AcceptForm(
            partnerships=selectors.partnerships_to_join(user=user, eoi=eoi),
            organisation=eoi.organisation,
        )
    context.update(forms)
    return context


def _detail_page(request, eoi, status=200, **forms):
    return render(request, "calls/eoi_detail.html", _detail_context(request, eoi, **forms),
                  status=status)


@login_required
def eoi_detail(request, pk):
    return _detail_page(request, get_for(request.user, selectors.eoi_detail_queryset, pk))


def _eoi_forms(request, *, call, initial=None, offers=None):
    data = request.POST if request.method == "POST" else None
    form = EoiForm(data, call=call, initial=initial)
    formset = OfferFormSet(data, initial=offers, prefix="offers")
    return form, formset


def _eoi_form_page(request, form, formset, *, title, call, cancel_url):
    return render(request, "calls/eoi_form.html", {
        "errors": error_summary(form, formset) if form.is_bound else [],
        "form": form,
        "formset": formset,
        "title": title,
        "call": call,
        "cancel_url": cancel_url,
    })


def _submit_after_save(request, eoi):
    if "submit" not in request.POST:
        messages.success(request, _("Your draft is saved. Submit it when it is ready."))
        return
    try:
        services.eoi_submit(actor=request.user, eoi=eoi)
    except ValidationError as error:
        messages.warning(request, _("Your draft is saved but not submitted yet."))
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your expression of interest is submitted."))


@login_required
@one_time_form
def eoi_create(request, call_pk=None):
    user = request.user
    # The page writes for the user's own firm; administrators, who represent none, use the API.
    if not (may_create(user, ExpressionOfInterest) and user.is_firm_representative):
        raise PermissionDenied
    call = None
    if call_pk is not None:
        call = get_for(user, selectors.call_detail_queryset, call_pk)
        if not call.is_accepting:
            messages.error(request, _("This call for partners is not open for expressions of "
                                      "interest."))
            return redirect(call)
    initial = {"contact_name": user.get_full_name(), "contact_email": user.email,
               "contact_phone": user.phone}
    form, formset = _eoi_forms(request, call=call, initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = dict(form.cleaned_data)
        consent = data.pop("consent")
        try:
            with transaction.atomic():
                eoi = services.eoi_create(
                    actor=user, call=call, offers=offer_rows(formset), consent=consent, **data
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _submit_after_save(request, eoi)
            return redirect(eoi)
    title = (_("Answer the call “%(title)s”") % {"title": call.title} if call
             else _("Spontaneous expression of interest"))
    return _eoi_form_page(request, form, formset, title=title, call=call,
                          cancel_url=call.get_absolute_url() if call else reverse("calls:eoi_list"))


def _eoi_to_act_on(request, pk, may_act):
    """The expression of interest the user may change, if ``may_act(user, eoi)`` lets them."""
    eoi = get_for(request.user, selectors.eoi_detail_queryset, pk, Action.CHANGE)
    if not may_act(request.user, eoi):
        raise PermissionDenied
    return eoi


@login_required
def eoi_edit(request, pk):
    eoi = _eoi_to_act_on(request, pk, selectors.may_act_for_firm)
    if eoi.status not in FIRM_EDITABLE_STATUSES:
        messages.error(request, _("This expression of interest can no longer be changed."))
        return redirect(eoi)
    initial = {name: getattr(eoi, name) for name in services.EOI_EDITABLE}
    initial.update(goals=list(eoi.goals.all()), community_groups=list(eoi.community_groups.all()),
                   consent=eoi.consent_given_at is not None)
    offers = [offer.measure() for offer in eoi.offers.all()]
    form, formset = _eoi_forms(request, call=eoi.call, initial=initial, offers=offers)
    if eoi.call is not None:
        form.fields.pop("public_body", None)
    else:
        form.fields["public_body"].disabled = True
        form.initial["public_body"] = eoi.public_body
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = dict(form.cleaned_data)
        data.pop("public_body", None)
        try:
            with transaction.atomic():
                eoi = services.eoi_update(
                    actor=request.user, eoi=eoi, offers=offer_rows(formset), **data
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if eoi.status == EoiStatus.DRAFT:
                _submit_after_save(request, eoi)
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect(eoi)
    return _eoi_form_page(
        request, form, formset, title=_("Edit “%(title)s”") % {"title": eoi.title},
        call=eoi.call, cancel_url=eoi.get_absolute_url(),
    )


def _eoi_action(service, success):
    @login_required
    @require_POST
    def view(request, pk):
        eoi = get_for(request.user, selectors.eoi_detail_queryset, pk, Action.CHANGE)
        return _post_action(request, eoi, service, success, eoi=eoi)

    return view


eoi_submit = _eoi_action(services.eoi_submit, _("Your expression of interest is submitted."))
eoi_withdraw = _eoi_action(services.eoi_withdraw, _("The expression of interest is withdrawn."))
eoi_start_review = _eoi_action(services.eoi_start_review, _("The review has started."))
eoi_shortlist = _eoi_action(services.eoi_shortlist, _("The expression of interest is shortlisted."))


@login_required
@require_POST
def eoi_delete(request, pk):
    eoi = get_for(request.user, selectors.eoi_detail_queryset, pk, Action.DELETE)
    try:
        services.eoi_delete(actor=request.user, eoi=eoi)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(eoi)
    messages.success(request, _("The draft is deleted."))
    return redirect("calls:eoi_list")


def _review_form_view(form_class, name, handle):
    """A review step with a form: invalid input or a refusal re-renders the page with what
    the coordinator typed and the reason."""

    @login_required
    @require_POST
    def view(request, pk):
        eoi = _eoi_to_act_on(request, pk, selectors.may_review)
        kwargs = ({"partnerships": selectors.partnerships_to_join(user=request.user, eoi=eoi),
                   "organisation": eoi.organisation}
                  if form_class is AcceptForm else {})
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            with errors_onto(form):
                message = handle(request, eoi, form.cleaned_data)
                messages.success(request, message)
                return redirect(eoi)
        return _detail_page(request, eoi, status=400, **{name: form})

    return view


def _decline(request, eoi, data):
    services.eoi_decline(actor=request.user, eoi=eoi, reason=data["reason"])
    return _("The expression of interest is declined; the firm is told why.")


def _accept(request, eoi, data):
    services.eoi_accept(actor=request.user, eoi=eoi, **data)
    return _("Accepted: %(organisation)s is now a party to “%(partnership)s”.") % {
        "organisation": eoi.organisation.name, "partnership": data["partnership"].title,
    }


def _comment(request, eoi, data):
    services.comment_add(actor=request.user, eoi=eoi, text=data["text"])
    return _("Your comment is saved.")


eoi_decline = _review_form_view(DeclineForm, "decline_form", _decline)
eoi_accept = _review_form_view(AcceptForm, "accept_form", _accept)
eoi_comment = one_time_form(_review_form_view(CommentForm, "comment_form", _comment))


# Attachments ----------------------------------------------------------------------------------


@login_required
@require_POST
@one_time_form
def attachment_upload(request, pk):
    eoi = _eoi_to_act_on(request, pk, selectors.may_act_for_firm)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        with errors_onto(form):
            attachment = services.attachment_add(
                actor=request.user, eoi=eoi, uploaded=form.cleaned_data["file"]
            )
            messages.success(request, _("“%(name)s” is attached.") % {
                "name": attachment.original_name
            })
            return redirect(eoi)
    return _detail_page(request, eoi, status=400, attachment_form=form)


@login_required
def attachment_download(request, uuid):
    attachment = selectors.attachment_for_download(user=request.user, uuid=uuid)
    if attachment is None:
        raise Http404
    return pdf_download(attachment)


@login_required
@require_POST
def attachment_delete(request, uuid):
    attachment = selectors.attachment_for_download(user=request.user, uuid=uuid)
    if attachment is None:
        raise Http404
    eoi = attachment.expression_of_interest
    return _post_action(request, eoi, services.attachment_remove, _("The attachment is removed."),
                        attachment=attachment)


# Histories ------------------------------------------------------------------------------------


class CallHistoryView(HistoryView):
    selector = staticmethod(selectors.call_detail_queryset)


class EoiHistoryView(HistoryView):
    """Contact details are kept out of the history altogether (see the model)."""

    selector = staticmethod(selectors.eoi_detail_queryset)


call_history = CallHistoryView.as_view()
eoi_history = EoiHistoryView.as_view()
