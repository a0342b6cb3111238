"""OCDS release and record packages of the published partnerships, streamed.

They are API views like the others (throttled, described in the OpenAPI schema, errors in the
API's shape), though their bodies are the standard's packages, streamed as they are written."""

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from core.api.schema import ERRORS, ErrorSerializer

from ..packages import record_package, release_package

LARGEST_ID = 2**63 - 1


DATE = {"required": False, "input_formats": ["iso-8601"],
        "error_messages": {"invalid": _("Enter a valid date as YYYY-MM-DD.")}}


class PackageFilters(serializers.Serializer):
    """The query parameters, as strict as every list's filters: a value given must be valid
    (empty is not "any")."""

    partnership = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=LARGEST_ID,
                                       error_messages={"invalid": _("Enter a whole number.")}),
        required=False,
        help_text=_("Only these partnerships (repeat the parameter for several)."),
    )
    since = serializers.DateField(help_text=_("Only releases dated on or after this day."),
                                  **DATE)
    until = serializers.DateField(help_text=_("Only releases dated on or before this day."),
                                  **DATE)


def _filters(request) -> dict:
    params = request.query_params
    # A plain dict, not the QueryDict: a form would read an empty value as "not given".
    given = {name: params.get(name) for name in ("since", "until") if name in params}
    if "partnership" in params:
        given["partnership"] = params.getlist("partnership")
    filters = PackageFilters(data=given)
    filters.is_valid(raise_exception=True)
    data = filters.validated_data
    return {"partnership_ids": data.get("partnership") or None,
            "since": data.get("since"), "until": data.get("until")}


def _streamed(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="application/json")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _described(summary, description):
    return extend_schema(
        summary=summary, description=description, parameters=[PackageFilters],
        responses={
            (200, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description=_("The OCDS 1.1 package, streamed.")),
            400: OpenApiResponse(ErrorSerializer, description=ERRORS[400][0]),
        },
    )


class PackageView(APIView):
    """Public reads only; the packages hold published partnerships whoever asks."""

    http_method_names = ["get", "head", "options"]


class ReleasePackageView(PackageView):
    @_described(_("OCDS release package"),
                _("Every release of the partnerships in force or concluded, oldest first."))
    def get(self, request):
        filters = _filters(request)
        return _streamed(release_package(request.build_absolute_uri(), **filters), "releases.json")


class RecordPackageView(PackageView):
    @_described(_("OCDS record package"),
                _("One record per partnership in force or concluded: its releases, merged into "
                  "its compiled release."))
    def get(self, request):
        filters = _filters(request)
        releases_uri = request.build_absolute_uri(reverse("opendata-api:ocds_releases"))
        query = request.META.get("QUERY_STRING")
        return _streamed(
            record_package(request.build_absolute_uri(), release_package_uri=releases_uri
                           + (f"?{query}" if query else ""), **filters),
            "records.json",
        )


ocds_releases = ReleasePackageView.as_view()
ocds_records = RecordPackageView.as_view()
