from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from core.access import Action
from core.api.viewsets import RegistryModelViewSet, Writes

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
    create_serializer_class = OrganisationCreateSerializer
    update_serializer_class = OrganisationWriteSerializer
    writes = Writes(
        object="organisation", create=services.organisation_create, update=services.organisation_update,
    )

    @extend_schema(request=VerificationSerializer, responses=OrganisationSerializer)
    @action(detail=True, methods=["post"])
    def verification(self, request, pk=None):
        """Verify or reject a self-registered organisation (coordinators, for firms and
        intermediaries)."""
        return self.step(services.organisation_set_verification, Action.VERIFY,
                         input_serializer=VerificationSerializer)
