"""Pages of people's accounts: firm registration and e-mail confirmation, requests to join an
organisation, and each person's own personal data (download and erasure)."""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import RedirectView
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError

from core.access import is_admin, is_analyst, is_coordinator
from core.api import tokens as api_tokens
from core.forms import add_service_errors
from notifications.selectors import notifications_of

from . import selectors, services
from .forms import EraseForm, RegistrationForm, TokenForm

logger = logging.getLogger(__name__)

# Public forms ---------------------------------------------------------------------------------


def _public_form_rate(group, request) -> str | None:
    """``PUBLIC_FORM_THROTTLE`` ("10/h"); empty means no limit."""
    return (settings.PUBLIC_FORM_THROTTLE or "").strip() or None


def _throttled(request, group: str):
    """Count one submission of a public form by this client address; past the limit, the page
    that says so, with the seconds left until the count starts again."""
    try:
        usage = get_usage(request, group=group, key="ip", rate=_public_form_rate,
                          method="POST", increment=True)
    except (RedisError, OSError):
        # The limit guards the form; it must not take the form down with the cache. With Redis
        # down, Django's Redis backend raises, which RATELIMIT_FAIL_OPEN does not cover.
        logger.warning("The form limit could not be counted: the cache is unreachable.")
        return None
    if usage is None or not usage["should_limit"]:
        return None
    response = render(request, "accounts/throttled.html", status=429)
    response["Retry-After"] = str(max(usage["time_left"], 1))
    return response


# Firm registration ----------------------------------------------------------------------------


def register(request):
    if request.user.is_authenticated:
        messages.info(request, _("You are signed in already."))
        return redirect(settings.FIRM_HOME_URL)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        too_many = _throttled(request, "register")
        if too_many:
            return too_many
        if form.is_valid() and form.cleaned_data["nickname"]:
            form.add_error(None, _("We could not process this form. Please try again."))
        elif form.is_valid():
            try:
                user, _registration = services.firm_register(
                    **form.service_arguments(language=get_language())
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def register_done(request):
    return render(request, "accounts/register_done.html", {
        "confirmed": selectors.email_confirmed(request.user),
        "firm_home_url": resolve_url(settings.FIRM_HOME_URL),
    })


def confirm_email(request, token):
    try:
        user = services.email_confirm(token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:register_done" if request.user.is_authenticated else "login")
    messages.success(request, _("Thank you: your e-mail address is confirmed."))
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect(settings.FIRM_HOME_URL)
    return redirect("login")


@login_required
@require_POST
def confirm_email_resend(request):
    too_many = _throttled(request, "confirm-resend")
    if too_many:
        return too_many
    try:
        services.email_confirmation_resend(user=request.user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("We have sent you a new confirmation link."))
    return redirect("accounts:register_done")


# Requests to join an organisation -------------------------------------------------------------


@login_required
def membership_list(request):
    return render(request, "accounts/membership_list.html", {
        "requests": selectors.membership_requests(user=request.user),
        "firm_home_url": resolve_url(settings.FIRM_HOME_URL),
    })


@login_required
@require_POST
def membership_decide(request, pk, decision):
    if decision not in ("approve", "refuse"):
        raise Http404
    registration = get_object_or_404(selectors.membership_requests(user=request.user), pk=pk)
    if decision == "approve":
        services.membership_approve(actor=request.user, registration=registration)
        messages.success(request, _("%(name)s now represents your organisation.") % {
            "name": registration.user.get_full_name()
        })
    else:
        services.membership_refuse(actor=request.user, registration=registration)
        messages.success(request, _("The request is refused."))
    return redirect("accounts:membership_list")


# Notifications --------------------------------------------------------------------------------

NOTIFICATIONS_PER_PAGE = 25


@login_required
def notification_list(request):
    """The e-mails the registry wrote to the signed-in person, whether sent yet or not."""
    paginator = Paginator(notifications_of(user=request.user), NOTIFICATIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "accounts/notification_list.html", {
        "page_obj": page,
        "object_list": page.object_list,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    })


# Personal data --------------------------------------------------------------------------------


def may_erase_self(user) -> bool:
    """Staff accounts are closed by an administrator, who keeps what their work needs."""
    return not (is_admin(user) or is_coordinator(user) or is_analyst(user))


@login_required
def my_data(request):
    return render(request, "accounts/my_data.html", {
        "erase_form": EraseForm(user=request.user) if may_erase_self(request.user) else None,
    })


@login_required
def my_data_download(request):
    data = selectors.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
@require_POST
def account_erase(request):
    if not may_erase_self(request.user):
        raise PermissionDenied
    form = EraseForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"erase_form": form}, status=400)
    services.account_erase(actor=request.user, user=request.user)
    logout(request)
    messages.success(request, _("Your account is closed and your personal data erased."))
    return redirect("home:home")


# API tokens ----------------------------------------------------------------------------------


def _token_page(request, form, new_key=None, status=200):
    return render(request, "accounts/token_list.html", {
        "form": form,
        "tokens": api_tokens.user_tokens(user=request.user),
        "new_key": new_key,
        "max_tokens": api_tokens.MAX_TOKENS_PER_USER,
    }, status=status)


@login_required
def token_list(request):
    """Your API tokens: make one (its key is shown on this page once), see when each was last
    used, revoke them."""
    scopes = api_tokens.token_scopes(request.user)
    if request.method != "POST":
        return _token_page(request, TokenForm(scopes=scopes))
    form = TokenForm(request.POST, scopes=scopes)
    if form.is_valid():
        try:
            _token, key = api_tokens.token_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            response = _token_page(request, TokenForm(scopes=scopes), new_key=key)
            response["Cache-Control"] = "no-store"
            return response
    return _token_page(request, form, status=400)


@login_required
@require_POST
def token_revoke(request, token_key):
    if not api_tokens.token_revoke(user=request.user, token_key=token_key):
        raise Http404
    messages.success(request, _("The token is revoked: it no longer opens the API."))
    return redirect("accounts:token_list")


# Addresses that moved -------------------------------------------------------------------------


class MovedView(RedirectView):
    """A page that moved for good, query string kept: 301 for a page read, 308 for a form sent
    (with 301 a browser would send the form again as a GET, losing it). ``preserve_request``
    makes every method 308, for addresses that only take forms."""

    permanent = True
    query_string = True

    def post(self, request, *args, **kwargs):
        self.preserve_request = True
        return super().post(request, *args, **kwargs)


def moved(pattern_name: str, *, forms_only: bool = False):
    return MovedView.as_view(pattern_name=pattern_name, preserve_request=forms_only)
