"""``/api/v1/stats/``: figures across partnerships, with the partnership list's filters and
access rules (see ``analytics.selectors`` for the definitions)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from core.access import Action
from core.api.schema import ERRORS, ErrorSerializer, RegistryAutoSchema
from partnerships.filtersets import PartnershipFilterSet
from partnerships.models import Partnership

from .. import selectors
from .serializers import (
    ContributionFiguresSerializer,
    IndicatorFiguresSerializer,
    PartnershipFiguresSerializer,
)

FIGURES = {
    "partnerships": "analytics-api:stats-partnerships",
    "contributions": "analytics-api:stats-contributions",
    "indicators": "analytics-api:stats-indicators",
}


class FiguresSchema(RegistryAutoSchema):
    """The figures take the partnership list's filters, though they answer one object."""

    def get_filter_backends(self):
        return getattr(self.view, "filter_backends", [])

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if "400" not in responses:
            description, example = ERRORS[400]
            responses["400"] = self._get_response_for_code(
                OpenApiResponse(ErrorSerializer, description=description, examples=[example]), "400"
            )
        return responses


class FiguresView(GenericAPIView):
    filterset_class = PartnershipFilterSet
    pagination_class = None
    schema = FiguresSchema()
    figures = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Partnership.objects.none()
        return Partnership.objects.restrict(self.request.user, Action.VIEW)

    def get(self, request, *args, **kwargs):
        return Response(type(self).figures(self.filter_queryset(self.get_queryset())))


class PartnershipFiguresView(FiguresView):
    """How many partnerships you may see match the filters: in total, by status, city
    (territory), goal area, community group served and start year."""

    figures = staticmethod(selectors.partnership_counts)

    @extend_schema(responses=PartnershipFiguresSerializer)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ContributionFiguresView(FiguresView):
    """The contributions of the partnerships you may see that match the filters: how many, the
    amounts per currency and converted to euros (at the rate in force on the partnership's
    start date, from the administrators' table of rates), and the person-days; in total and by
    kind, party sector, city, goal area and start year."""

    figures = staticmethod(selectors.contribution_totals)

    @extend_schema(responses=ContributionFiguresSerializer)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class IndicatorFiguresView(FiguresView):
    """Progress of the indicators of the goals these partnerships work towards, by goal area.
    On track: the latest measurement is better than the baseline in the indicator's direction;
    reached: it is at or beyond the target. An indicator never measured is not on track."""

    figures = staticmethod(selectors.indicator_progress)

    @extend_schema(responses=IndicatorFiguresSerializer)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class FiguresIndexView(APIView):
    """The figures across partnerships. Each takes the filters of the partnership list."""

    schema = RegistryAutoSchema()

    @extend_schema(responses=inline_serializer(
        "FiguresIndex", {name: serializers.URLField() for name in FIGURES}
    ))
    def get(self, request, *args, **kwargs):
        return Response({
            name: reverse(url_name, request=request) for name, url_name in FIGURES.items()
        })
