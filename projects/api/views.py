from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from actors.models import Organisation
from core.access import Action, is_admin, may
from core.api.viewsets import DestroyMixin, RegistryModelViewSet, Writes
from goals.models import Goal

from .. import finder, selectors, services
from ..filtersets import NeedFilterSet, OfferFilterSet, ProjectFilterSet
from .serializers import (
    ContributionOfferSerializer,
    ContributionOfferWriteSerializer,
    CreatedSerializer,
    DismissSerializer,
    DraftPartnershipSerializer,
    GoalSuggestionsSerializer,
    InvitationSerializer,
    NeedCreateSerializer,
    NeedSerializer,
    NeedWriteSerializer,
    OrganisationSuggestionsSerializer,
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
    detail_selector = staticmethod(selectors.project_representation_queryset)
    filterset_class = ProjectFilterSet
    serializer_class = ProjectSerializer
    detail_serializer_class = ProjectDetailSerializer
    create_serializer_class = ProjectCreateSerializer
    update_serializer_class = ProjectWriteSerializer
    writes = Writes(
        object="project", create=services.project_create, update=services.project_update,
        destroy=services.project_delete,
    )


class NeedViewSet(DestroyMixin, RegistryModelViewSet):
    """What each goal lacks: read by everyone, stated by the coordinators of the goal's body."""

    selector = staticmethod(selectors.need_list)
    filterset_class = NeedFilterSet
    serializer_class = NeedSerializer
    create_serializer_class = NeedCreateSerializer
    update_serializer_class = NeedWriteSerializer
    writes = Writes(
        object="need", create=services.need_add, update=services.need_update, destroy=services.need_remove,
    )


class ContributionOfferViewSet(DestroyMixin, RegistryModelViewSet):
    """What verified firms and intermediaries can bring, standing; written by their people."""

    selector = staticmethod(selectors.offer_list)
    filterset_class = OfferFilterSet
    serializer_class = ContributionOfferSerializer
    create_serializer_class = ContributionOfferWriteSerializer
    update_serializer_class = ContributionOfferWriteSerializer
    writes = Writes(
        object="offer", create=services.offer_create, update=services.offer_update,
        destroy=services.offer_remove,
    )


class GoalView(APIView):
    """What the cooperation finder answers or does about one goal the user may see."""

    permission_classes = [permissions.IsAuthenticated]

    def goal(self):
        goals = Goal.objects.restrict(self.request.user, Action.VIEW).select_related("strategy")
        return get_object_or_404(goals, pk=self.kwargs["pk"])


class GoalSuggestionsView(GoalView):
    """Who and what could work towards a goal, best first, each with the criteria it matched and,
    for organisations, a role the manifesto's rules allow."""

    @extend_schema(responses=GoalSuggestionsSerializer)
    def get(self, request, pk):
        goal = self.goal()
        data = finder.suggestions_for_goal(goal=goal, user=request.user)
        return Response(GoalSuggestionsSerializer(data, context={"request": request}).data)


class DismissSuggestionView(GoalView):
    """Set a suggestion aside for this goal (its body's coordinators)."""

    @extend_schema(request=DismissSerializer, responses={204: None})
    def post(self, request, pk):
        serializer = DismissSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.suggestion_dismiss(actor=request.user, goal=self.goal(), **serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DraftPartnershipView(GoalView):
    """Start a draft partnership on this goal with the chosen organisations and roles."""

    @extend_schema(request=DraftPartnershipSerializer, responses={201: CreatedSerializer})
    def post(self, request, pk):
        serializer = DraftPartnershipSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            partnership = services.partnership_draft_from_suggestions(
                actor=request.user, goal=self.goal(), title=data["title"],
                parties=[(p["organisation"], p["role"]) for p in data["parties"]],
            )
        url = request.build_absolute_uri(partnership.get_absolute_url())
        return Response({"id": partnership.pk, "url": url}, status=status.HTTP_201_CREATED,
                        headers={"Location": url})


class OrganisationSuggestionsView(APIView):
    """For a firm or an intermediary, to its own people: the needs and calls its offers answer."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=OrganisationSuggestionsSerializer)
    def get(self, request, pk):
        user = request.user
        organisation = get_object_or_404(Organisation, pk=pk)
        if not (is_admin(user) or user.organisation_id == organisation.pk):
            raise exceptions.NotFound()
        data = finder.opportunities_for_organisation(organisation=organisation, user=user)
        return Response(OrganisationSuggestionsSerializer(data, context={"request": request}).data)


class InvitationView(APIView):
    """Invite a verified firm or intermediary to answer one of your body's open calls."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=InvitationSerializer, responses={201: CreatedSerializer})
    def post(self, request):
        serializer = InvitationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        call = serializer.validated_data["call"]
        if not may(request.user, Action.VIEW, call):
            raise exceptions.NotFound()
        invitation = services.invitation_send(actor=request.user, **serializer.validated_data)
        return Response({"id": invitation.pk}, status=status.HTTP_201_CREATED)
