"""``/api/v1/``: the index of the API's resources, as DRF's router root lists them."""

from django.urls import NoReverseMatch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView


def list_endpoints(*routers_by_namespace) -> dict[str, str]:
    """``{prefix: url name}`` for every list route of the routers, given as (namespace, router)."""
    endpoints = {}
    for namespace, router in routers_by_namespace:
        for prefix, _viewset, basename in router.registry:
            endpoints[prefix] = f"{namespace}:{basename}-list"
    return endpoints


class ApiRootView(APIView):
    """Every resource of the API, by name, with the address of its list."""

    endpoints: dict[str, str] = {}

    @extend_schema(responses={200: OpenApiResponse(
        {"type": "object", "additionalProperties": {"type": "string", "format": "uri"}},
        description="Each resource's list, by name.",
    )})
    def get(self, request, *args, **kwargs):
        index = {}
        for name, url_name in self.endpoints.items():
            try:
                index[name] = reverse(url_name, request=request)
            except NoReverseMatch:
                continue
        return Response(index)
