"""The base of every registry viewset: who sees what, who changes what, and concurrency.

- Reads: the app's selector, called with ``(user, Action.VIEW)``, is the only queryset source, so
  an object a user may not see answers 404 exactly as one that does not exist.
- Writes on an object: it must be visible (else 404) and ``may(user, action, obj)`` for the
  write's action (else 403); creation needs ``may_create(user, model)`` (else 403). The write
  itself is a service call, whose refusals come back as 403 (``PermissionDenied``) or 400
  (``ValidationError``) in the one error shape.
- Reads: a list page or a detail already rendered for the same reader, address and data is
  answered again as it was (``readcache``), until the next write.
- ETags: the strong validator of a detail response is a hash of its JSON representation for the
  requesting user (see ``representation_etag``). A write carrying ``If-Match`` that does not
  match the current representation answers 412 and changes nothing; the check and the write run
  in one transaction with the row locked, so two clients cannot both pass the check.
"""

import hashlib
import json
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from core.access import Action, may, may_create, public_body_id

from .exceptions import PreconditionFailed, RequestTooLarge
from .exports import ExportMixin
from .idempotency import IdempotentPostMixin
from .parsers import RegistryJSONParser
from .readcache import CachedReadsMixin

LIST_ACTIONS = {"list", "export_csv", "export_xlsx", "export_json"}


def representation_etag(data) -> str:
    """A strong ETag: the SHA-256 of the canonical JSON of what this user was shown.

    Hashing the representation rather than ``updated_at`` covers what a timestamp misses (a rule
    or a party added to a partnership changes the partnership's representation, not its row) and
    needs no extra column; it costs serialising the object once more before a write.
    """
    encoded = json.dumps(data, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(encoded.encode()).hexdigest()[:40] + '"'


@dataclass(frozen=True)
class Writes:
    """The services that write a viewset's model, and the keyword that hands them the object
    (``party=``, ``eoi=``...). A viewset whose writes need more overrides ``perform_create``."""

    object: str
    create: Callable | None = None
    update: Callable | None = None
    destroy: Callable | None = None


class RegistryViewSet(CachedReadsMixin, IdempotentPostMixin, viewsets.GenericViewSet):
    """Subclasses declare, as static methods, ``selector`` (and ``detail_selector`` when the
    detail needs more), the serializers (``serializer_class`` for lists and exports,
    ``detail_serializer_class`` for one object, ``create_serializer_class`` and
    ``update_serializer_class`` for input) and the services that write, as ``writes``."""

    parser_classes = [RegistryJSONParser]
    selector = None
    detail_selector = None
    detail_serializer_class = None
    create_serializer_class = None
    update_serializer_class = None
    writes = Writes(object="")

    def initial(self, request, *args, **kwargs):
        # Method, then size, before authentication: an unsupported method is 405 for everyone.
        if self.action is None:
            raise exceptions.MethodNotAllowed(request.method)
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > self.body_limit():
            raise RequestTooLarge()
        super().initial(request, *args, **kwargs)

    def body_limit(self) -> int:
        """The largest request body this route reads; a route that takes files says more."""
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    # Reads

    def get_queryset(self):
        user = self.request.user
        if self.action in LIST_ACTIONS or self.detail_selector is None:
            return self.selector(user=user, action=Action.VIEW)
        return self.detail_selector(user=user, action=Action.VIEW)

    def filter_queryset(self, queryset):
        # Filters and ordering belong to lists; a detail URL names one object whatever the query.
        if self.action not in LIST_ACTIONS:
            return queryset
        return super().filter_queryset(queryset)

    def get_serializer_class(self):
        if self.action in LIST_ACTIONS:
            return self.serializer_class
        if self.action == "create" and self.create_serializer_class:
            return self.create_serializer_class
        if self.action in ("update", "partial_update") and self.update_serializer_class:
            return self.update_serializer_class
        return self.detail_serializer_class or self.serializer_class

    def complete_rows(self, rows: list) -> list:
        """Add to a page (or an export's chunk) what its query left out; see the partnerships."""
        return rows

    def represent(self, instance) -> dict:
        serializer_class = self.detail_serializer_class or self.serializer_class
        return serializer_class(instance, context=self.get_serializer_context()).data

    def detail_response(self, instance, status_code=status.HTTP_200_OK, headers=None) -> Response:
        """The fresh detail representation of ``instance``, with its ETag.

        Call it inside the write's transaction: once the write commits, answering it must not
        need the database (a lost connection would turn a done write into a 500, and a client
        that retries would write twice)."""
        instance = self.reload(instance)
        data = self.represent(instance)
        headers = {**(headers or {}), "ETag": representation_etag(data)}
        return Response(data, status=status_code, headers=headers)

    def reload(self, instance):
        selector = self.detail_selector or self.selector
        return selector(user=self.request.user, action=Action.VIEW).get(pk=instance.pk)

    # Writes

    def named_body(self, data: dict, field: str):
        """The public body named in ``field`` of the input, or else the coordinator's own."""
        user = self.request.user
        body = data.get(field) or (user.organisation if public_body_id(user) else None)
        if body is None:
            raise exceptions.ValidationError({field: [_("Name the public body.")]})
        return body

    def check_create_allowed(self):
        """Who may try to create is the model's rule; the service decides the rest (own body
        only, the manifesto's rules)."""
        if not may_create(self.request.user, self.get_queryset().model):
            raise exceptions.PermissionDenied()

    def locked_object(self, action: str = Action.CHANGE):
        """The object named in the URL, for a write: visible (else 404), changeable (else 403),
        row-locked, and matching ``If-Match`` when the client sends one (else 412).

        Call inside ``transaction.atomic()``.
        """
        instance = self.get_object()
        model = type(instance)
        # Lock first, then read again, so that the ETag is computed from the state the write sees.
        list(model._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk"))
        instance = self.get_object()
        if not may(self.request.user, action, instance):
            raise exceptions.PermissionDenied()
        self.check_if_match(instance)
        return instance

    def step(self, service, action: str = Action.CHANGE, input_serializer=None) -> Response:
        """Apply ``service`` to the object named in the URL (locked, see ``locked_object``), with
        what ``input_serializer`` validates from the body, and answer the fresh detail."""
        with transaction.atomic():
            instance = self.locked_object(action)
            arguments = {}
            if input_serializer is not None:
                context = {**self.get_serializer_context(), self.writes.object: instance}
                serializer = input_serializer(data=self.request.data, context=context)
                serializer.is_valid(raise_exception=True)
                arguments = serializer.validated_data
            instance = service(actor=self.request.user, **{self.writes.object: instance}, **arguments)
            return self.detail_response(instance)

    def check_if_match(self, instance):
        header = self.request.headers.get("If-Match")
        if header is None:
            return
        tags = parse_etags(header)
        if "*" in tags:
            return
        if representation_etag(self.represent(instance)) not in tags:
            raise PreconditionFailed()


@contextmanager
def errors_in_input_names(serializer):
    """A service's refusal names the model's fields; the client reads it under the names of the
    input it sent (a field whose ``source`` differs, like an expression of interest's ``body``)."""
    try:
        yield
    except DjangoValidationError as error:
        names = {
            field.source: name
            for name, field in serializer.fields.items()
            if not field.read_only and field.source not in (name, "*")
        }
        if not (hasattr(error, "error_dict") and names.keys() & error.error_dict.keys()):
            raise
        raise DjangoValidationError(
            {names.get(field, field): errors for field, errors in error.error_dict.items()}
        ) from error


class ListMixin:
    def list(self, request, *args, **kwargs):
        if (kept := self.cached_read()) is not None:
            return kept
        queryset = self.filter_queryset(self.get_queryset())
        page = self.complete_rows(self.paginate_queryset(queryset))
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)


class RetrieveMixin:
    def retrieve(self, request, *args, **kwargs):
        if (kept := self.cached_read()) is not None:
            return kept
        instance = self.get_object()
        data = self.get_serializer(instance).data
        return Response(data, headers={"ETag": representation_etag(data)})


class CreateMixin:
    # The input field naming the public body a new object belongs to, if it belongs to one: a
    # coordinator who leaves it out creates for their own body.
    body_field = None

    def create(self, request, *args, **kwargs):
        self.check_create_allowed()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            with errors_in_input_names(serializer):
                instance = self.perform_create(serializer.validated_data)
            response = self.detail_response(instance, status.HTTP_201_CREATED)
        # A plain str: the hyperlink field's value is a str subclass, which WSGI servers refuse.
        response["Location"] = str(response.data.get("url", ""))
        return response

    def perform_create(self, data):
        if self.body_field:
            data = {**data, self.body_field: self.named_body(data, self.body_field)}
        return self.writes.create(actor=self.request.user, **data)


class UpdateMixin:
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.locked_object(Action.CHANGE)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            with errors_in_input_names(serializer):
                instance = self.perform_update(instance, serializer.validated_data)
            return self.detail_response(instance)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def perform_update(self, instance, data):
        return self.writes.update(actor=self.request.user, **{self.writes.object: instance}, **data)


class DestroyMixin:
    destroy_action = Action.CHANGE

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.locked_object(self.destroy_action)
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance):
        self.writes.destroy(actor=self.request.user, **{self.writes.object: instance})


class ReadOnlyRegistryViewSet(ListMixin, RetrieveMixin, ExportMixin, RegistryViewSet):
    pass


class RegistryModelViewSet(CreateMixin, UpdateMixin, ReadOnlyRegistryViewSet):
    pass
