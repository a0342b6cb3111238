from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from core.access import Action
from core.api.viewsets import DestroyMixin, RegistryModelViewSet

from .. import selectors, services
from ..filtersets import ContributionFilterSet, PartnershipFilterSet, PartyFilterSet, RuleFilterSet
from .serializers import (
    ContributionCreateSerializer,
    ContributionSerializer,
    ContributionWriteSerializer,
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
    update_service = staticmethod(services.partnership_update)
    destroy_service = staticmethod(services.partnership_delete)
    service_object = "partnership"
    destroy_action = Action.DELETE

    def complete_rows(self, rows):
        return selectors.with_goals_and_groups(rows)

    def perform_create(self, data):
        lead_body = self.pop_body(data, "lead_body")
        return services.partnership_create(actor=self.request.user, lead_body=lead_body, **data)

    @extend_schema(request=TransitionSerializer, responses=PartnershipDetailSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Move the partnership along its lifecycle. A refusal names what is missing."""
        with transaction.atomic():
            instance = self.locked_object(Action.CHANGE)
            serializer = TransitionSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            instance = services.partnership_transition(
                actor=request.user, partnership=instance, **serializer.validated_data
            )
            return self.detail_response(instance)


class PartyViewSet(DestroyMixin, RegistryModelViewSet):
    """Parties: an organisation's role and written responsibilities in a partnership, with what
    it contributes. Roles reserved to public bodies and unverified organisations are refused."""

    selector = staticmethod(selectors.party_queryset)
    filterset_class = PartyFilterSet
    serializer_class = PartySerializer
    create_serializer_class = PartyCreateSerializer
    update_serializer_class = PartyWriteSerializer
    create_service = staticmethod(services.party_add)
    update_service = staticmethod(services.party_update)
    destroy_service = staticmethod(services.party_remove)
    service_object = "party"


class ContributionViewSet(DestroyMixin, RegistryModelViewSet):
    """What each party brings: money, person-days, expertise, things or data."""

    selector = staticmethod(selectors.contribution_queryset)
    filterset_class = ContributionFilterSet
    serializer_class = ContributionSerializer
    create_serializer_class = ContributionCreateSerializer
    update_serializer_class = ContributionWriteSerializer
    create_service = staticmethod(services.contribution_add)
    update_service = staticmethod(services.contribution_update)
    destroy_service = staticmethod(services.contribution_remove)
    service_object = "contribution"


class RuleViewSet(DestroyMixin, RegistryModelViewSet):
    """The clauses of each agreement, by category."""

    selector = staticmethod(selectors.rule_queryset)
    filterset_class = RuleFilterSet
    serializer_class = RuleSerializer
    create_serializer_class = RuleCreateSerializer
    update_serializer_class = RuleWriteSerializer
    create_service = staticmethod(services.rule_add)
    update_service = staticmethod(services.rule_update)
    destroy_service = staticmethod(services.rule_remove)
    service_object = "rule"
