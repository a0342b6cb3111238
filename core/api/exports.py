"""Streamed CSV and JSON exports of any list, with the list's own restriction and filters.

Rows are read with ``QuerySet.iterator(chunk_size=...)`` (a server-side cursor on PostgreSQL;
prefetches run per chunk) and serialised one chunk at a time, so memory stays bounded whatever
the number of rows. The representation is the list serializer's, so a field hidden from a user
in the list is hidden in the export too, and the CSV columns are that serializer's fields.
"""

import csv
import itertools

import orjson
from django.http import StreamingHttpResponse
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder().default

CHUNK_SIZE = 1000
# Cells a spreadsheet would run as a formula; they are prefixed with a quote (OWASP advice).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose ``write`` returns what it was given, for csv.writer."""

    def write(self, value):
        return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(_reference(item)) for item in value)
    if isinstance(value, dict):
        return _compact(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def _reference(item):
    """An object inside a list is named by its id (or code); the export of its own list has the rest."""
    if isinstance(item, dict):
        return item.get("id", item.get("code", _compact(item)))
    return item


def _compact(value) -> str:
    return orjson.dumps(value, default=_fallback, option=orjson.OPT_NON_STR_KEYS).decode()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_columns(serializer) -> list[tuple[str, str, str | None]]:
    """(header, key, subkey) for each column: nested objects are spread over one column per field."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            columns.extend((f"{name}.{sub}", name, sub) for sub in field.fields)
        else:
            columns.append((name, name, None))
    return columns


class ExportMixin:
    """``<list>/export.csv`` and ``<list>/export.json``, routed by ``core.api.routers``."""

    export_chunk_size = CHUNK_SIZE

    def export_queryset(self):
        queryset = self.filter_queryset(self.get_queryset())
        if not queryset.query.order_by:
            queryset = queryset.order_by("pk")
        return queryset

    def export_items(self, serializer):
        rows = self.export_queryset().iterator(chunk_size=self.export_chunk_size)
        for chunk in itertools.batched(rows, self.export_chunk_size):
            yield from serializer.to_representation(self.complete_rows(list(chunk)))

    def _export_serializer(self):
        return self.get_serializer_class()(many=True, context=self.get_serializer_context())

    def _filename(self, extension):
        return f'attachment; filename="{self.basename}.{extension}"'

    def export_csv(self, request, *args, **kwargs):
        """All matching rows as CSV (UTF-8, header row; lists joined with "; ")."""
        serializer = self._export_serializer()
        columns = csv_columns(serializer.child)
        # Validate the filters before the response starts: errors must still be 400, not a cut file.
        items = self.export_items(serializer)
        first = next(items, None)
        writer = csv.writer(_Echo())

        def lines():
            yield writer.writerow([header for header, _, _ in columns])
            for item in itertools.chain([first] if first is not None else [], items):
                yield writer.writerow([
                    _cell(item.get(key) if sub is None else (item.get(key) or {}).get(sub))
                    for _, key, sub in columns
                ])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = self._filename("csv")
        return response

    def export_json(self, request, *args, **kwargs):
        """All matching rows as one JSON array of list representations."""
        items = self.export_items(self._export_serializer())
        first = next(items, None)

        def chunks():
            if first is None:
                yield "[]\n"
                return
            yield "[\n" + _compact(first)
            for item in items:
                yield ",\n" + _compact(item)
            yield "\n]\n"

        response = StreamingHttpResponse(chunks(), content_type="application/json")
        response["Content-Disposition"] = self._filename("json")
        return response
