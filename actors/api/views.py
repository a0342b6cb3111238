from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from core.access import Action
from core.api.viewsets import RegistryModelViewSet

from .. import selectors, services
from ..filtersets import OrganisationFilterSet
from .serializers import (
    OrganisationCreateSerializer,
    OrganisationSerializer,
    OrganisationWriteSerializer,
    VerificationSerializer,
)


class OrganisationViewSet(RegistryModelViewSet):
    """Public bodies, firms and intermediaries. Everyone sees verified organisations; staff and
    analysts see all; each firm sees its own. Coordinators register organisations and verify
    firms; each organisation's own people and coordinators edit it."""

    selector = staticmethod(selectors.organisation_list)
    detail_selector = staticmethod(selectors.organisation_detail_queryset)
    filterset_class = OrganisationFilterSet
    serializer_class = OrganisationSerializer
    detail_serializer_class = OrganisationSerializer
    create_serializer_class = OrganisationCreateSerializer
    update_serializer_class = OrganisationWriteSerializer
    create_service = staticmethod(services.organisation_create)
    update_service = staticmethod(services.organisation_update)
    service_object = "organisation"

    @extend_schema(request=VerificationSerializer, responses=OrganisationSerializer)
    @action(detail=True, methods=["post"])
    def verification(self, request, pk=None):
        """Verify or reject a self-registered organisation (coordinators, for firms and
        intermediaries)."""
        with transaction.atomic():
            instance = self.locked_object(Action.VERIFY)
            serializer = VerificationSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            services.organisation_set_verification(
                actor=request.user, organisation=instance, **serializer.validated_data
            )
            return self.detail_response(instance)
