"""Keyset (cursor) pagination that honours the FilterSet's ``ordering``.

DRF's ``CursorPagination`` positions the cursor on the first ordering field only and re-applies its
own fixed ordering, so ``?ordering=title`` would be ignored and nullable fields would break it.
Here the cursor carries the values of every ordering field plus the primary key, which is always
appended as the tie-breaker, so the order is total and each page costs one indexed range scan,
however deep. Missing values (NULL) sort last in both directions on every database.
"""

import base64
import binascii
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from .params import parse_bool, parse_int

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class InvalidCursor(exceptions.NotFound):
    """A cursor that does not decode, or was made for another ordering: that page does not exist."""

    default_detail = _("Invalid cursor: start again from the first page.")
    default_code = "invalid_cursor"


@dataclass(frozen=True)
class Term:
    """One ordering field: its lookup path, its direction, and whether it may be NULL."""

    name: str
    descending: bool
    nullable: bool
    field: object

    def order_by(self, backwards: bool):
        expression = F(self.name)
        descending = self.descending != backwards
        nulls = {}
        # NULLs stay at the end of the forward order, so they come first when walking backwards.
        # Non-nullable fields get no NULLS clause, which would stop PostgreSQL using their index.
        if self.nullable:
            nulls = {"nulls_first": True} if backwards else {"nulls_last": True}
        return expression.desc(**nulls) if descending else expression.asc(**nulls)

    def after(self, value, backwards: bool) -> Q:
        """Rows strictly after ``value`` in this term's order (walking forwards or backwards)."""
        descending = self.descending != backwards
        nulls_at_end = not backwards
        if value is None:
            # Everything non-NULL comes before NULLs at the end, after them at the start.
            return Q(pk__in=[]) if nulls_at_end else Q(**{f"{self.name}__isnull": False})
        condition = Q(**{f"{self.name}__{'lt' if descending else 'gt'}": value})
        if self.nullable and nulls_at_end:
            condition |= Q(**{f"{self.name}__isnull": True})
        return condition

    def equal(self, value) -> Q:
        if value is None:
            return Q(**{f"{self.name}__isnull": True})
        return Q(**{self.name: value})


def _resolve_field(model, path: str):
    field = None
    for part in path.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist as error:
            raise ImproperlyConfigured(f"Cannot order {model.__name__} by {path}") from error
        if field.is_relation:
            model = field.related_model
    return field


def ordering_terms(queryset) -> list[Term]:
    """The queryset's explicit ordering (from the FilterSet) or newest first, ending on the pk."""
    model = queryset.model
    names = [name for name in queryset.query.order_by if isinstance(name, str)] or ["-pk"]
    terms = []
    for name in names:
        descending = name.startswith("-")
        path = name.lstrip("-")
        if path in ("pk", model._meta.pk.name):
            terms.append(Term("pk", descending, False, model._meta.pk))
            break
        field = _resolve_field(model, path)
        terms.append(Term(path, descending, bool(getattr(field, "null", False)), field))
    else:
        terms.append(Term("pk", terms[0].descending, False, model._meta.pk))
    return terms


def _value(instance, path: str):
    if isinstance(instance, dict):  # a row of a values() queryset
        return instance["id" if path == "pk" else path]
    for part in path.split("__"):
        if instance is None:
            return None
        instance = getattr(instance, part)
    return getattr(instance, "pk", instance)


def _encode_value(value):
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class RegistryPagination(BasePagination):
    """``?cursor=`` keyset pages of ``?page_size=`` rows (1 to 500, 50 by default).

    ``?with_count=true`` adds the number of matching rows, which costs one COUNT query.
    """

    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    count_query_param = "with_count"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.terms = ordering_terms(queryset)
        self.signature = ",".join(("-" if t.descending else "") + t.name for t in self.terms)
        self.count = None
        if parse_bool(request.query_params, self.count_query_param, default=False):
            self.count = queryset.order_by().count()
        position, backwards = self.decode_cursor(request)
        queryset = queryset.order_by(*(term.order_by(backwards) for term in self.terms))
        if position is not None:
            queryset = queryset.filter(self._after(position, backwards))
        rows = list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
            self.has_next, self.has_previous = position is not None, more
        else:
            self.has_next, self.has_previous = more, position is not None
        self.page = rows
        return rows

    def _after(self, position, backwards):
        """Lexicographic "after": ahead on the first term, or tied on it and ahead on the next..."""
        condition = Q(pk__in=[])
        ties = Q()
        for term, value in zip(self.terms, position, strict=True):
            condition |= ties & term.after(value, backwards)
            ties &= term.equal(value)
        return condition

    def get_page_size(self, request):
        return parse_int(
            request.query_params, self.page_size_query_param,
            default=self.page_size, minimum=1, maximum=self.max_page_size,
        )

    def decode_cursor(self, request):
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None, False
        try:
            data = json.loads(base64.urlsafe_b64decode(raw.encode("ascii") + b"=" * (-len(raw) % 4)))
            if data["o"] != self.signature or not isinstance(data["p"], list):
                raise InvalidCursor
            values = data["p"]
            if len(values) != len(self.terms):
                raise InvalidCursor
            position = [
                None if value is None else term.field.to_python(value)
                for term, value in zip(self.terms, values, strict=True)
            ]
            return position, bool(data.get("r"))
        except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error, ValidationError,
                OverflowError) as error:
            raise InvalidCursor from error

    def encode_cursor(self, instance, backwards: bool) -> str:
        values = [_encode_value(_value(instance, term.name)) for term in self.terms]
        data = {"o": self.signature, "p": values}
        if backwards:
            data["r"] = 1
        raw = json.dumps(data, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    def _link(self, instance, backwards):
        return replace_query_param(
            self.base_url, self.cursor_query_param, self.encode_cursor(instance, backwards)
        )

    def get_next_link(self):
        if not self.has_next or not self.page:
            return None
        return self._link(self.page[-1], backwards=False)

    def get_previous_link(self):
        if not self.has_previous or not self.page:
            return None
        return self._link(self.page[0], backwards=True)

    def get_paginated_response(self, data):
        body = {"next": self.get_next_link(), "previous": self.get_previous_link()}
        if self.count is not None:
            body["count"] = self.count
        body["results"] = data
        return Response(body)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string", "nullable": True, "format": "uri",
                    "description": "The next page, or null on the last page.",
                    "example": "https://registry.example.org/api/v1/partnerships/?cursor=eyJvIjoiLXBrIiwicCI6WzQyXX0",
                },
                "previous": {
                    "type": "string", "nullable": True, "format": "uri",
                    "description": "The previous page, or null on the first page.",
                },
                "count": {
                    "type": "integer", "minimum": 0,
                    "description": "Number of matching rows; present only with `with_count=true`.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param, "in": "query", "required": False,
                "description": "Opaque position returned in `next` or `previous`. A cursor that does "
                "not belong to this ordering answers 404.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param, "in": "query", "required": False,
                "description": f"Rows per page, 1 to {self.max_page_size} ({self.page_size} by default).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
            {
                "name": self.count_query_param, "in": "query", "required": False,
                "description": "Also return the number of matching rows.",
                "schema": {"type": "boolean"},
            },
        ]
