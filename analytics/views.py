"""The analysts' dashboard: charts of the figures across partnerships beside the partnership
list's filters; each chart's data as CSV and the chart as SVG. Analysts and administrators see
every partnership they may read; a coordinator sees those their body leads."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from core.access import Action, is_admin, is_analyst, public_body_id
from core.forms import adapt_filter_form
from partnerships.filtersets import PartnershipFilterSet
from partnerships.models import Partnership

from .charts import CHARTS, charts


def _partnerships(request):
    user = request.user
    partnerships = Partnership.objects.restrict(user, Action.VIEW)
    if is_admin(user) or is_analyst(user):
        pass
    elif public_body_id(user) is not None:
        partnerships = partnerships.filter(lead_body_id=public_body_id(user))
    else:
        raise PermissionDenied
    filterset = PartnershipFilterSet(request.GET or None, queryset=partnerships, request=request)
    return filterset


@login_required
def dashboard(request):
    filterset = _partnerships(request)
    adapt_filter_form(filterset.form, hidden=())
    return render(request, "analytics/dashboard.html", {
        "filter_form": filterset.form,
        "is_filtered": any(value for key, value in request.GET.items() if key != "ordering"),
        "charts": charts(filterset.qs),
        "query": request.GET.urlencode(),
        "body": request.user.organisation if public_body_id(request.user) else None,
    })


def _one_chart(request, name):
    if name not in CHARTS:
        raise Http404
    return charts(_partnerships(request).qs, [name])[0]


@login_required
def chart_csv(request, name):
    chart = _one_chart(request, name)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow([str(chart["title"]), str(chart["unit"])])
    for bar in chart["bars"]:
        writer.writerow([bar["label"], bar["value"]])
    return response


@login_required
def chart_svg(request, name):
    chart = _one_chart(request, name)
    svg = render_to_string("analytics/chart.svg", {"chart": chart, "standalone": True}, request)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.svg"'
    return response
