from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from core.access import Action
from core.api.parsers import RegistryJSONParser, RegistryMultiPartParser, multipart_body_limit
from core.api.viewsets import DestroyMixin, RegistryModelViewSet, Writes
from core.files import pdf_download

from .. import selectors, services
from ..filtersets import (
    ContributionFilterSet,
    DocumentFilterSet,
    PartnershipFilterSet,
    PartyFilterSet,
    RuleFilterSet,
)
from .serializers import (
    ContributionCreateSerializer,
    ContributionSerializer,
    ContributionWriteSerializer,
    DocumentCreateSerializer,
    DocumentSerializer,
    DocumentWriteSerializer,
    PartnershipCreateSerializer,
    PartnershipDetailSerializer,
    PartnershipSerializer,
    PartnershipWriteSerializer,
    PartyCreateSerializer,
    PartySerializer,
    PartyWriteSerializer,
    RuleCreateSerializer,
    RuleSerializer,
    RuleWriteSerializer,
    TransitionSerializer,
)


class PartnershipViewSet(DestroyMixin, RegistryModelViewSet):
    """Partnership agreements. Everyone reads the published ones (active, suspended, concluded,
    terminated); drafts and negotiations stay with their lead body and parties. The lead body's
    coordinators write them; only drafts can be deleted."""

    selector = staticmethod(selectors.partnership_rows)
    detail_selector = staticmethod(selectors.partnership_representation_queryset)
    filterset_class = PartnershipFilterSet
    serializer_class = PartnershipSerializer
    detail_serializer_class = PartnershipDetailSerializer
    create_serializer_class = PartnershipCreateSerializer
    update_serializer_class = PartnershipWriteSerializer
    writes = Writes(
        object="partnership", create=services.partnership_create, update=services.partnership_update,
        destroy=services.partnership_delete,
    )
    body_field = "lead_body"
    destroy_action = Action.DELETE

    def complete_rows(self, rows):
        return selectors.with_goals_and_groups(rows)

    @extend_schema(request=TransitionSerializer, responses=PartnershipDetailSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the partnership along its lifecycle. A refusal names what is missing."""
        return self.step(services.partnership_transition, input_serializer=TransitionSerializer)


class PartyViewSet(DestroyMixin, RegistryModelViewSet):
    """Parties: an organisation's role and written responsibilities in a partnership, with what
    it contributes. Roles reserved to public bodies and unverified organisations are refused."""

    selector = staticmethod(selectors.party_queryset)
    filterset_class = PartyFilterSet
    serializer_class = PartySerializer
    create_serializer_class = PartyCreateSerializer
    update_serializer_class = PartyWriteSerializer
    writes = Writes(
        object="party", create=services.party_add, update=services.party_update,
        destroy=services.party_remove,
    )


class ContributionViewSet(DestroyMixin, RegistryModelViewSet):
    """What each party brings: money, person-days, expertise, things or data."""

    selector = staticmethod(selectors.contribution_queryset)
    filterset_class = ContributionFilterSet
    serializer_class = ContributionSerializer
    create_serializer_class = ContributionCreateSerializer
    update_serializer_class = ContributionWriteSerializer
    writes = Writes(
        object="contribution", create=services.contribution_add, update=services.contribution_update,
        destroy=services.contribution_remove,
    )


class RuleViewSet(DestroyMixin, RegistryModelViewSet):
    """The clauses of each agreement, by category."""

    selector = staticmethod(selectors.rule_queryset)
    filterset_class = RuleFilterSet
    serializer_class = RuleSerializer
    create_serializer_class = RuleCreateSerializer
    update_serializer_class = RuleWriteSerializer
    writes = Writes(
        object="rule", create=services.rule_add, update=services.rule_update, destroy=services.rule_remove,
    )


class DocumentViewSet(DestroyMixin, RegistryModelViewSet):
    """Documents of partnerships: the signed agreement, amendments, minutes, evaluation reports.
    Public ones of published partnerships are everyone's; those for the parties reach the
    parties' people; internal ones stay with the lead body. The lead body's coordinators file
    any kind, the parties' people minutes and reports, as a PDF checked by its content
    (``multipart/form-data``)."""

    selector = staticmethod(selectors.document_queryset)
    filterset_class = DocumentFilterSet
    serializer_class = DocumentSerializer
    create_serializer_class = DocumentCreateSerializer
    update_serializer_class = DocumentWriteSerializer
    writes = Writes(object="document", update=services.document_update, destroy=services.document_remove)
    destroy_action = Action.DELETE
    lookup_field = "uuid"
    parser_classes = [RegistryJSONParser, RegistryMultiPartParser]

    def body_limit(self):
        if self.action == "create":
            return multipart_body_limit(settings.PARTNERSHIP_DOCUMENT_MAX_BYTES)
        return super().body_limit()

    def perform_create(self, data):
        return services.document_add(actor=self.request.user, uploaded=data.pop("file"), **data)

    @extend_schema(request=None, responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], filterset_class=None)
    def download(self, request, uuid=None):
        """The PDF itself, as a download, for whoever may read the document."""
        return pdf_download(self.get_object())
