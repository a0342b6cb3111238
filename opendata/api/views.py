"""OCDS release and record packages of the published partnerships, streamed."""

import datetime

from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from ..packages import record_package, release_package


class BadFilter(ValueError):
    pass


def _filters(request) -> dict:
    """``partnership`` (repeatable id), ``since`` and ``until`` (ISO dates of the releases)."""
    filters = {}
    try:
        ids = [int(value) for value in request.GET.getlist("partnership") if value]
    except ValueError as error:
        raise BadFilter("partnership: give partnership ids (integers).") from error
    filters["partnership_ids"] = ids or None
    for name in ("since", "until"):
        value = request.GET.get(name)
        try:
            filters[name] = datetime.date.fromisoformat(value) if value else None
        except ValueError as error:
            raise BadFilter(f"{name}: give a date as YYYY-MM-DD.") from error
    return filters


def _streamed(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def ocds_releases(request):
    try:
        filters = _filters(request)
    except BadFilter as error:
        return JsonResponse({"detail": str(error)}, status=400)
    return _streamed(release_package(request.build_absolute_uri(), **filters), "releases.json")


@require_GET
def ocds_records(request):
    try:
        filters = _filters(request)
    except BadFilter as error:
        return JsonResponse({"detail": str(error)}, status=400)
    releases_uri = request.build_absolute_uri(reverse("opendata-api:ocds_releases"))
    query = request.META.get("QUERY_STRING")
    return _streamed(
        record_package(request.build_absolute_uri(), release_package_uri=releases_uri
                       + (f"?{query}" if query else ""), **filters),
        "records.json",
    )
