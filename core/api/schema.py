"""How the OpenAPI document describes the registry API: every error status with the one error
shape and an example, who may call each operation, filters typed as strictly as they are parsed,
and the CSV/JSON exports beside each list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter, OrderingFilter
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from .filters import key_field
from .viewsets import LIST_ACTIONS, RegistryViewSet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ErrorSerializer(serializers.Serializer):
    """Every error, whatever its status."""

    status = serializers.IntegerField(help_text=_("The HTTP status, repeated."))
    code = serializers.CharField(help_text=_("A stable machine-readable code, e.g. `not_found`."))
    detail = serializers.CharField(help_text=_("A sentence for people."))
    errors = serializers.DictField(
        child=serializers.JSONField(),
        help_text=_("For invalid input: the messages for each field or `non_field_errors`."),
    )


def _example(status, code, detail, errors=None):
    return OpenApiExample(
        code, value={"status": status, "code": code, "detail": detail, "errors": errors or {}},
        response_only=True, status_codes=[str(status)],
    )


ERRORS = {
    400: (_("Invalid input: a malformed or unknown filter value, a bad body, or a refusal by the "
            "registry's rules (the message says what is missing)."),
          _example(400, "invalid", "Invalid input: see the messages for each field.",
                   {"starts_on_after": ["Enter a valid date."]})),
    401: (_("Missing, unknown or expired token."),
          _example(401, "authentication_failed", "Invalid token.")),
    403: (_("Signed in, but not allowed: the object belongs to another body, or this kind of user "
            "may not do this."),
          _example(403, "permission_denied", "You do not have permission to perform this action.")),
    404: (_("No such object, or one you may not see; also an invalid pagination cursor."),
          _example(404, "not_found", "No Partnership matches the given query.")),
    412: (_("`If-Match` did not match the object's current ETag: someone changed it since you read "
            "it. Nothing was changed."),
          _example(412, "precondition_failed", "The object has changed since you read it.")),
    413: (_("The request body is larger than the server accepts."),
          _example(413, "too_large", "The request body is too large.")),
    422: (_("This `Idempotency-Key` was used before, by this user, for another request. Nothing "
            "was changed."),
          _example(422, "idempotency_key_reused",
                   "This Idempotency-Key was already used for another request.")),
    415: (_("The body is not JSON (or a form)."),
          _example(415, "unsupported_media_type", 'Unsupported media type "text/plain" in request.')),
    429: (_("Too many requests: wait the number of seconds given in `Retry-After`."),
          _example(429, "throttled", "Request was throttled. Expected available in 12 seconds.")),
}

RETRY_AFTER = OpenApiParameter(
    "Retry-After", OpenApiTypes.INT, OpenApiParameter.HEADER, required=True, response=["429"],
    description=_("Seconds to wait before the next request."),
)
ETAG = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, required=True, response=["200", "201"],
    description=_("Strong validator of this representation; send it back in `If-Match` to write "
                  "only if nobody changed the object meanwhile."),
)
IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description=_("The ETag you read. When it no longer matches, the write answers 412 and "
                  "changes nothing. Without it the write is unconditional."),
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description=_("Any new value (a UUID, say) makes the POST safe to retry: sent again with the "
                  "same key, it answers what the first answered and changes nothing. Kept 24 "
                  "hours."),
)


def error_statuses(method: str, *, is_list: bool, is_detail: bool, public: bool) -> list[int]:
    statuses = {401, 429}
    if is_list:
        statuses |= {400, 404}
    if is_detail:
        statuses.add(404)
    if method in WRITE_METHODS:
        statuses |= {400, 403}
        if method != "DELETE":
            statuses |= {413, 415}
        if method == "POST":
            statuses.add(422)
        if is_detail:
            statuses.add(412)
    elif not public:
        statuses.add(403)
    return sorted(statuses)


class RegistryAutoSchema(AutoSchema):
    def _registry_view(self) -> bool:
        return isinstance(self.view, RegistryViewSet)

    def _action(self):
        return getattr(self.view, "action", None)

    def _is_detail(self) -> bool:
        return "{" in self.path

    def _is_list_view(self, serializer=None):
        if self._action() == "export_json":
            return True
        return super()._is_list_view(serializer)

    def get_filter_backends(self):
        if self._action() in LIST_ACTIONS:
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def _get_paginator(self):
        if self._action() in ("export_csv", "export_xlsx", "export_json"):
            return None
        return super()._get_paginator()

    def get_response_serializers(self):
        action = self._action()
        if self._registry_view():
            if action == "export_csv":
                return {(200, "text/csv"): OpenApiTypes.STR}
            if action == "export_xlsx":
                return {(200, XLSX): OpenApiTypes.BINARY}
            if action == "export_json":
                return self.view.serializer_class(many=True)
            if action in ("create", "update", "partial_update", "retrieve"):
                return self.view.detail_serializer_class or self.view.serializer_class
        return super().get_response_serializers()

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        action = self._action()
        if self.method in WRITE_METHODS and self._is_detail() and self._registry_view():
            parameters.append(IF_MATCH)
        if self._registry_view() and (
            action in ("retrieve", "create", "update", "partial_update")
            or (self._is_detail() and self.method == "POST")
        ):
            parameters.append(ETAG)
        if self._registry_view() and self.method == "POST":
            parameters.append(IDEMPOTENCY_KEY)
        parameters.append(RETRY_AFTER)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        public = self.method == "GET" and getattr(self.view, "public_reads", True)
        is_list = self._is_list_view() or self._action() in LIST_ACTIONS
        for status in error_statuses(
            self.method, is_list=is_list, is_detail=self._is_detail(), public=public
        ):
            if str(status) in responses:
                continue
            description, example = ERRORS[status]
            responses[str(status)] = self._get_response_for_code(
                OpenApiResponse(ErrorSerializer, description=description, examples=[example]),
                str(status),
            )
        return responses

    def get_auth(self):
        auths = super().get_auth()
        if self.method in ("GET", "HEAD") and getattr(self.view, "public_reads", True):
            auths.append({})
        return auths

    def get_description(self):
        description = super().get_description()
        if self.method in WRITE_METHODS and self._is_detail() and self._registry_view():
            description += (
                "\n\nSend the `ETag` you read in `If-Match` to make the write conditional: a stale "
                "one answers 412 and changes nothing."
            )
        return description


class RegistryTokenScheme(KnoxTokenScheme):
    target_class = "core.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        definition = super().get_security_definition(auto_schema)
        definition["description"] = (
            "A personal token: `Authorization: Token <key>`. Create one at `/api/v1/auth/tokens/` "
            "while signed in; it is shown once, stored hashed, and expires."
        )
        return definition


class RegistryFilterExtension(DjangoFilterExtension):
    """The FilterSets' parameters, typed as strictly as the forms parse them: references to other
    objects by their key type, free text with its maximum length."""

    target_class = "core.api.filters.RegistryFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if isinstance(filter_field, ModelChoiceFilter):
            target = filter_field.queryset.model
            key = key_field(filter_field)
            return [build_parameter_type(
                name=field_name,
                location=OpenApiParameter.QUERY,
                required=filter_field.extra["required"],
                schema={"type": "integer"} if isinstance(key, models.IntegerField)
                else {"type": "string", "minLength": 1},
                description=f"{filter_field.label}: the {key.verbose_name} of a "
                f"{target._meta.verbose_name}. An unknown one matches nothing.",
            )]
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        max_length = filter_field.extra.get("max_length")
        for parameter in parameters:
            if max_length and parameter["schema"].get("type") == "string":
                parameter["schema"]["maxLength"] = max_length
            if isinstance(filter_field, OrderingFilter):
                parameter["schema"]["minItems"] = 1
        return parameters


GUIDE = """

## Using the API

**Authentication.** Reads of public data need nothing. Everything else needs a personal token in
the `Authorization: Token <key>` header; create one at `/api/v1/auth/tokens/` while signed in to
the site (the key is shown once, stored hashed, and expires after 1 to 365 days). The browsable
API also accepts the site's session.

**Who sees what.** Everyone reads published partnerships (active, suspended, concluded,
terminated) with their parties, roles, rules and goals, and verified organisations. Coordinators
and analysts read everything that is not confidential; drafts stay with their lead body and
parties. Contact details of organisations appear only to administrators, coordinators and a
firm's own representatives (never to analysts, not even for their own organisation); internal
notes only to administrators and coordinators (for a partnership: its lead body's coordinators).
Lists and exports follow the same rule, and no representation carries data about people.
An object you may not see answers 404; one you see but may not change answers 403.

**Lists** are paginated with a cursor: follow `next` and `previous`; `page_size` takes 1 to 500
rows (50 by default); `with_count=true` adds the number of matching rows. `ordering` sorts by
the fields it lists (prefix `-` for descending); ties are broken by `id`, and rows with no value
come last. Every filter of a list also applies to its exports, `<list>/export.csv` and
`<list>/export.json`, which stream every matching row.

**Optimistic concurrency.** Each object's representation carries an `ETag`. Send it back in
`If-Match` with `PUT`, `PATCH`, `DELETE` or an action: if somebody changed the object meanwhile
the answer is 412 and nothing changes.

**Safe retries.** A `POST` (a create or an action) may carry an `Idempotency-Key` header with a
new value (a UUID, say). If the answer is lost, send the same request with the same key: you get
the first answer (with `Idempotent-Replayed: true`) and nothing is done twice. The same key with
another request answers 422. Keys are kept 24 hours, per user.

**Errors** share one shape, `{"status", "code", "detail", "errors"}` (see the `Error` schema);
`errors` maps each invalid field to its messages.

**Rate limits.** Requests are limited per user (per address without a token); beyond the limit
the answer is 429 with `Retry-After` in seconds.
"""


def add_guide(result, generator, request, public):
    result["info"]["description"] = result["info"].get("description", "") + GUIDE
    return result
