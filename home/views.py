"""The home pages: a dashboard for a coordinator's body, a workspace for a firm's or an
intermediary's representative, a start page for everyone else, and the language switch."""

import datetime

from django.conf import settings
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone
from django.views import i18n as i18n_views
from django.views.decorators.http import require_POST

from calls import selectors as calls_selectors
from calls.choices import EoiStatus
from core.access import Action, is_staff_reader, public_body_id
from goals.models import Goal
from goals.selectors import goal_detail_queryset
from notifications.services import language_set
from partnerships.choices import Status
from partnerships.models import Partnership, Party
from partnerships.selectors import partnership_list

REVIEW_WINDOW_DAYS = 30
RECENT_CHANGES = 10
OPEN_CALLS_SHOWN = 5
# The review queue's states, in the order a submission goes through them.
REVIEW_STATUSES = [EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED]


def _by_status(counts: dict, statuses) -> list[dict]:
    return [
        {"status": status, "label": EoiStatus(status).label, "count": counts.get(status, 0)}
        for status in statuses
    ]


def _coordinator_home(request, user):
    body = public_body_id(user)
    ours = partnership_list(user=user).filter(lead_body_id=body)
    counts = dict(
        Partnership.objects.filter(lead_body_id=body)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    today = timezone.localdate()
    history = [
        *Partnership.history.filter(lead_body_id=body)
        .select_related("history_user")
        .order_by("-history_date")[:RECENT_CHANGES],
        *Goal.history.filter(strategy__owner_id=body)
        .select_related("history_user")
        .order_by("-history_date")[:RECENT_CHANGES],
    ]
    history.sort(key=lambda r: r.history_date, reverse=True)
    return render(request, "home/dashboard.html", {
        "body": user.organisation,
        "by_status": [
            {"status": status, "label": label, "count": counts.get(status, 0)}
            for status, label in Status.choices
        ],
        "in_progress": ours.filter(status__in=[Status.DRAFT, Status.NEGOTIATION])
        .order_by("-updated_at")[:10],
        "reviews_due": ours.filter(
            status__in=[Status.ACTIVE, Status.SUSPENDED],
            next_review_on__lte=today + datetime.timedelta(days=REVIEW_WINDOW_DAYS),
        ).order_by("next_review_on")[:10],
        "today": today,
        "goals": goal_detail_queryset(user=user).filter(strategy__owner_id=body)[:10],
        "recent_changes": history[:RECENT_CHANGES],
        "review_queue": _by_status(calls_selectors.eoi_counts_by_status(user=user),
                                   REVIEW_STATUSES),
    })


def _firm_home(request, user):
    """Where a firm's (or an intermediary's) representative starts: their submissions by state,
    the calls they can answer, and their organisation."""
    counts = calls_selectors.eoi_counts_by_status(user=user)
    open_calls = calls_selectors.call_list(user=user).accepting().order_by("closes_at", "id")
    return render(request, "home/firm_home.html", {
        "organisation": user.organisation,
        "submissions": _by_status(counts, EoiStatus.values),
        "submission_total": sum(counts.values()),
        "open_calls": open_calls[:OPEN_CALLS_SHOWN],
        "open_call_count": open_calls.count(),
        "mine": partnership_list(user=user).filter(
            pk__in=Party.objects.filter(organisation_id=user.organisation_id).values(
                "partnership_id"
            )
        )[:20],
    })


def home(request):

    user = request.user
    if public_body_id(user) is not None:
        return _coordinator_home(request, user)
    if user.is_authenticated and user.is_firm_representative and user.organisation_id:
        return _firm_home(request, user)
    visible = Partnership.objects.restrict(user, Action.VIEW)
    context = {"active_count": visible.filter(status=Status.ACTIVE).count()}
    if user.is_authenticated:
        if user.organisation_id and not is_staff_reader(user):
            context["mine"] = partnership_list(user=user).filter(
                pk__in=Party.objects.filter(organisation_id=user.organisation_id).values(
                    "partnership_id"
                )
            )[:20]
        counts = dict(visible.order_by().values_list("status").annotate(n=Count("id")))
        context["by_status"] = [
            {"status": status, "label": label, "count": counts.get(status, 0)}
            for status, label in Status.choices
        ]
    return render(request, "home/home.html", context)


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice for a signed-in person's
    e-mails, so notifications reach them in the language they read the registry in."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        language_set(user=request.user, language=language)
    return response
