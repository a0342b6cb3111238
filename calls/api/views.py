from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.access import Action
from core.api.parsers import RegistryMultiPartParser, multipart_body_limit
from core.api.viewsets import DestroyMixin, RegistryModelViewSet, Writes
from core.files import pdf_download

from .. import selectors, services
from ..filtersets import CallFilterSet, EoiFilterSet
from .serializers import (
    AcceptSerializer,
    AttachmentSerializer,
    AttachmentUploadSerializer,
    CallCreateSerializer,
    CallDetailSerializer,
    CallSerializer,
    CallWriteSerializer,
    CommentSerializer,
    DeclineSerializer,
    EoiCreateSerializer,
    EoiDetailSerializer,
    EoiSerializer,
    EoiWriteSerializer,
)


class CallViewSet(RegistryModelViewSet):
    """Calls for partners. Everyone reads the published ones (open and closed); drafts stay with
    their body. A body's coordinators prepare, publish and close its calls."""

    selector = staticmethod(selectors.call_list)
    detail_selector = staticmethod(selectors.call_detail_queryset)
    filterset_class = CallFilterSet
    serializer_class = CallSerializer
    detail_serializer_class = CallDetailSerializer
    create_serializer_class = CallCreateSerializer
    update_serializer_class = CallWriteSerializer
    writes = Writes(object="call", create=services.call_create, update=services.call_update)
    body_field = "lead_body"
    # A call closes itself at its deadline, with no write: its representation moves with the clock.
    cache_reads = False

    @extend_schema(request=None, responses=CallDetailSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish a draft call: it becomes public and open to firms until it closes."""
        return self.step(services.call_publish)

    @extend_schema(request=None, responses=CallDetailSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close an open call before its deadline (it closes itself at the deadline)."""
        return self.step(services.call_close)


class ExpressionOfInterestViewSet(DestroyMixin, RegistryModelViewSet):
    """Expressions of interest from private firms, on a call or spontaneous.

    A firm's representatives see and write their own organisation's; the coordinators of the
    body addressed review what was submitted to it; analysts read every submission without the
    contact details. Anyone else's answers 404, by list, detail, attachment or id.
    """

    public_reads = False
    permission_classes = [IsAuthenticated]
    # Writes to the calls' models do not version the data (core.pagecache): built every time.
    cache_reads = False
    selector = staticmethod(selectors.eoi_list)
    detail_selector = staticmethod(selectors.eoi_detail_queryset)
    filterset_class = EoiFilterSet
    serializer_class = EoiSerializer
    detail_serializer_class = EoiDetailSerializer
    create_serializer_class = EoiCreateSerializer
    update_serializer_class = EoiWriteSerializer
    writes = Writes(
        object="eoi", create=services.eoi_create, update=services.eoi_update,
        destroy=services.eoi_delete,
    )
    destroy_action = Action.DELETE

    def body_limit(self):
        if self.action == "attachments":
            return multipart_body_limit(settings.CALLS_ATTACHMENT_MAX_BYTES)
        return super().body_limit()

    @extend_schema(request=None, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """The firm sends its draft to the body. Needs a confirmed e-mail address, the contact's
        consent and at least one offer; a call must still be open."""
        return self.step(services.eoi_submit)

    @extend_schema(request=None, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The firm withdraws what it submitted, at any time before the decision."""
        return self.step(services.eoi_withdraw)

    @extend_schema(request=None, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None):
        """A coordinator of the body starts the review: the firm can no longer edit it."""
        return self.step(services.eoi_start_review)

    @extend_schema(request=None, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"])
    def shortlist(self, request, pk=None):
        return self.step(services.eoi_shortlist)

    @extend_schema(request=DeclineSerializer, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        """Decline, with a reason the firm reads."""
        return self.step(services.eoi_decline, input_serializer=DeclineSerializer)

    @extend_schema(request=AcceptSerializer, responses=EoiDetailSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """Accept into a partnership of the body: the firm becomes a party with the given role
        and responsibilities, and its offers become its contributions. The partnership rules
        apply: an unverified organisation or a role reserved to public bodies is refused."""
        return self.step(services.eoi_accept, input_serializer=AcceptSerializer)

    def _reviewed_object(self):
        instance = self.get_object()
        if not selectors.may_review(self.request.user, instance):
            raise exceptions.PermissionDenied()
        return instance

    @extend_schema(methods=["GET"], request=None, responses=CommentSerializer(many=True))
    @extend_schema(methods=["POST"], request=CommentSerializer,
                   responses={201: CommentSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def comments(self, request, pk=None):
        """Internal review comments: for the receiving body's coordinators only, never the firm."""
        instance = self._reviewed_object()
        if request.method == "GET":
            comments = selectors.comments_for(user=request.user, eoi=instance)
            return Response(CommentSerializer(comments, many=True).data)
        serializer = CommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.comment_add(actor=request.user, eoi=instance,
                                       text=serializer.validated_data["text"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": AttachmentUploadSerializer},
                   responses={201: AttachmentSerializer})
    @action(detail=True, methods=["post"], parser_classes=[RegistryMultiPartParser],
            filterset_class=None)
    def attachments(self, request, pk=None):
        """Attach a PDF (checked by its content, size-limited) while the firm may still edit."""
        serializer = AttachmentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = self.locked_object(Action.CHANGE)
            attachment = services.attachment_add(
                actor=request.user, eoi=instance, uploaded=serializer.validated_data["file"]
            )
            data = AttachmentSerializer(attachment, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"], url_path=r"attachments/(?P<uuid>[^/.]+)",
            url_name="attachment-download", filterset_class=None)
    def attachment_download(self, request, pk=None, uuid=None):
        """The PDF itself, for the firm and the receiving body's coordinators."""
        try:
            key = UUID(uuid)
        except ValueError as error:
            raise Http404 from error
        attachment = selectors.attachment_for_download(user=request.user, uuid=key)
        if attachment is None or str(attachment.expression_of_interest_id) != pk:
            raise Http404
        return pdf_download(attachment)
