from core.api.viewsets import DestroyMixin, RegistryModelViewSet

from .. import selectors, services
from ..filtersets import ProjectFilterSet
from .serializers import (
    ProjectCreateSerializer,
    ProjectDetailSerializer,
    ProjectSerializer,
    ProjectWriteSerializer,
)


class ProjectViewSet(DestroyMixin, RegistryModelViewSet):
    """Safety projects shared in the network: public ones for everyone, network ones for
    signed-in coordinators, analysts and verified organisations, the rest for their own
    organisation. Written by the people of the organisation that runs them."""

    selector = staticmethod(selectors.project_list)
    detail_selector = staticmethod(selectors.project_detail_queryset)
    filterset_class = ProjectFilterSet
    serializer_class = ProjectSerializer
    detail_serializer_class = ProjectDetailSerializer
    create_serializer_class = ProjectCreateSerializer
    update_serializer_class = ProjectWriteSerializer
    create_service = staticmethod(services.project_create)
    update_service = staticmethod(services.project_update)
    destroy_service = staticmethod(services.project_delete)
    service_object = "project"
