"""Streamed CSV, XLSX and JSON exports of any list, with the list's own restriction and filters.

Rows are read with ``QuerySet.iterator(chunk_size=...)`` (a server-side cursor on PostgreSQL;
prefetches run per chunk) and serialised one chunk at a time, so memory stays bounded whatever
the number of rows. The cursor is read inside a transaction, which lasts as long as the
response streams: outside one, Django opens it ``WITH HOLD``, and PostgreSQL builds the whole
result before sending the first row; inside, it sends the first rows at once. On PostgreSQL a
second thread reads the next chunk while the current one is written (``_chunks_read_ahead``).

The representation is the list serializer's, so a field hidden from a user in the list is
hidden in the export too, and the CSV columns are that serializer's fields.

The CSV and XLSX columns are readable on their own: a nested object is spread over one column
per field (``lead_body.name``), a list of objects too, its values joined with "; "
(``goals.id``, ``goals.title``), and a coded choice has its label beside it
(``status``, ``status_label``), in the request's language. Dates are ISO 8601.

The XLSX file is written by XlsxWriter in ``constant_memory`` mode (one row in memory at a
time, the rest in a temporary file on disk), then streamed from that file.
"""

import csv
import itertools
import queue
import tempfile
import threading

import orjson
import xlsxwriter
from django.db import connections, transaction
from django.http import FileResponse, StreamingHttpResponse
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder().default

CHUNK_SIZE = 1000
# What a streamed export hands the server at a time, in characters.
STREAM_PIECE = 64 * 1024
# Cells a spreadsheet would run as a formula; they are prefixed with a quote (OWASP advice).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose ``write`` returns what it was given, for csv.writer."""

    def write(self, value):
        return value


def _cell(value) -> str:
    if value.__class__ is not str:  # most cells are text: they skip these tests
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "; ".join([_cell(_reference(item)) for item in value])
        if isinstance(value, dict):
            return _compact(value)
        value = str(value)
    if value.startswith(FORMULA_PREFIXES) and not _is_number(value):
        return "'" + value
    return value


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


def _labels(field) -> dict | None:
    """The labels of a choice field's codes, or of a list of choices (``contribution_kinds``)."""
    if isinstance(field, serializers.ListField):
        field = field.child
    if isinstance(field, serializers.ChoiceField) and not isinstance(field, serializers.FilePathField):
        return {str(key): str(label) for key, label in field.choices.items()}
    return None


def _spread(name, serializer):
    for sub, subfield in serializer.fields.items():
        yield f"{name}.{sub}", sub, _labels(subfield)


def csv_columns(serializer) -> list[tuple[str, str, str | None, dict | None]]:
    """(header, key, subkey, choice labels) for each column: nested objects and lists of objects
    are spread over one column per field; a choice gets a ``_label`` column beside it."""
    columns = []
    for name, field in serializer.fields.items():
        nested = field.child if isinstance(field, serializers.ListSerializer) else field
        if isinstance(nested, serializers.Serializer):
            for header, sub, labels in _spread(name, nested):
                columns.append((header, name, sub, None))
                if labels:
                    columns.append((f"{header}_label", name, sub, labels))
        else:
            columns.append((name, name, None, None))
            if labels := _labels(field):
                columns.append((f"{name}_label", name, None, labels))
    return columns


def _value(item, key, sub, labels):
    value = item.get(key)
    if sub is not None:
        if value.__class__ is list:
            return [_value(element, sub, None, labels) for element in value]
        value = (value or {}).get(sub)
    if labels is not None and isinstance(value, list | set):
        return [labels.get(str(element), element) for element in value]
    if labels is not None and value is not None:
        return labels.get(str(value), value)
    return value


def _identity(value):
    """What names a nested object (its id, or code) or a list of them, for ``row_cells``'s
    memory; None for anything else."""
    if value.__class__ is dict:
        return value.get("id", value.get("code"))
    if value.__class__ is list:
        names = tuple(_identity(element) for element in value)
        return None if None in names else names
    return None


# Distinct nested objects (or lists of them) whose cells one export remembers.
REMEMBERED_CELLS = 20_000


def row_cells(columns):
    """A function that turns a row (its list representation) into its CSV cells.

    The columns of one nested object (``lead_body.id``, ``lead_body.name``...) or one list of
    objects (``goals.id``, ``goals.title``...) are made together, and remembered under what
    names the object (its id or code; the ids of the list): within one export, which reads one
    snapshot of the database, an object with the same id has the same representation. A body
    that leads 40 partnerships has its cells made once, not 40 times."""
    # (key, labels, None) for a column of its own; (key, None, [(sub, labels), ...]) for the
    # columns of one nested object or list, made together.
    plan = []
    for _, key, sub, labels in columns:
        if sub is None:
            plan.append((key, labels, None))
        elif plan and plan[-1][2] is not None and plan[-1][0] == key:
            plan[-1][2].append((sub, labels))
        else:
            plan.append((key, None, [(sub, labels)]))
    remembered = {}

    def cells(item):
        row = []
        for key, labels, spread in plan:
            if spread is None:
                row.append(_cell(item.get(key) if labels is None else _value(item, key, None, labels)))
                continue
            identity = _identity(item.get(key))
            made = remembered.get((key, identity)) if identity is not None else None
            if made is None:
                made = [_cell(_value(item, key, sub, labels)) for sub, labels in spread]
                if identity is not None and len(remembered) < REMEMBERED_CELLS:
                    remembered[(key, identity)] = made
            row.extend(made)
        return row

    return cells


def _in_pieces(texts):
    """``texts`` joined into pieces of about ``STREAM_PIECE`` characters: the server sends one
    piece at a time rather than one write per row."""
    size = STREAM_PIECE
    pending, length = [], 0
    for text in texts:
        pending.append(text)
        length += len(text)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


_END = object()


def _chunks(queryset, size: int):
    """The rows of ``queryset`` in lists of ``size``, read as they are asked for."""
    rows = queryset.iterator(chunk_size=size)
    try:
        for chunk in itertools.batched(rows, size):
            yield list(chunk)
    finally:
        rows.close()  # closes the cursor at once, also when the reader stops early


def _chunks_read_ahead(queryset, size: int):
    """The rows of ``queryset`` in lists of ``size``, the next list read by a second thread
    while the caller works on the current one.

    On PostgreSQL a server-side cursor's FETCH waits for the database (about a third of a
    whole export's time); reading ahead overlaps that wait with the representation and the
    writing, which need no database. The thread uses the caller's connection, and so its open
    transaction (psycopg serialises the two threads' use of it); it ends, and closes its cursor,
    before the caller's iteration ends, also when the caller stops early or fails.
    """
    connection = connections[queryset.db]
    handed = queue.Queue(maxsize=1)
    stop = threading.Event()

    def hand(item) -> bool:
        while not stop.is_set():
            try:
                handed.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def read():
        connections[queryset.db] = connection
        chunks = _chunks(queryset, size)
        try:
            for chunk in chunks:
                if not hand(chunk):
                    return
            hand(_END)
        except BaseException as error:  # handed to the caller, who raises it
            hand(error)
        finally:
            try:
                chunks.close()  # closes the cursor, in this thread, while the transaction is open
            finally:
                del connections[queryset.db]  # this thread's name for it; the caller's stays

    connection.inc_thread_sharing()
    reader = threading.Thread(target=read, name="export-read-ahead", daemon=True)
    reader.start()
    try:
        while (item := handed.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()
        connection.dec_thread_sharing()


class ExportMixin:
    """``<list>/export.csv`` and ``<list>/export.json``, routed by ``core.api.routers``."""

    export_chunk_size = CHUNK_SIZE

    def export_queryset(self):
        queryset = self.filter_queryset(self.get_queryset())
        if not queryset.query.order_by:
            queryset = queryset.order_by("pk")
        return queryset

    def export_items(self, serializer, queryset):
        """The representation of every row of ``queryset``, read in one transaction (see
        above) from the first row asked for until the last, or until the generator is closed
        (the response closes its content, also when the client leaves early)."""
        # No savepoint within a transaction already open: the rows only read.
        with transaction.atomic(using=queryset.db, savepoint=False):
            connection = transaction.get_connection(queryset.db)
            if connection.vendor == "postgresql":
                # A whole list's estimated cost is above ``jit_above_cost``: PostgreSQL would
                # spend about 250 ms compiling it before the first row, to save nothing on
                # rows this plain.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL jit = off")
                chunks = _chunks_read_ahead(queryset, self.export_chunk_size)
            else:
                chunks = _chunks(queryset, self.export_chunk_size)
            try:
                for chunk in chunks:
                    yield from serializer.to_representation(self.complete_rows(chunk))
            except GeneratorExit:
                return  # closed early: the reading ends like any other, nothing was written
            finally:
                chunks.close()  # the reading stops (and its thread ends) before the transaction

    def _export_serializer(self):
        return self.get_serializer_class()(many=True, context=self.get_serializer_context())

    def _filename(self, extension):
        return f'attachment; filename="{self.basename}.{extension}"'

    def export_csv(self, request, *args, **kwargs):
        """All matching rows as CSV (UTF-8, header row; lists joined with "; ")."""
        serializer = self._export_serializer()
        columns = csv_columns(serializer.child)
        # The filters are checked here, before the response starts: errors are still 400, not a
        # cut file. The rows are read only once the response streams.
        items = self.export_items(serializer, self.export_queryset())
        writer = csv.writer(_Echo())
        cells = row_cells(columns)

        def lines():
            try:
                # The header goes at once; the rows in pieces as they come.
                yield writer.writerow([header for header, *_ in columns])
                yield from _in_pieces(writer.writerow(cells(item)) for item in items)
            finally:
                items.close()

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = self._filename("csv")
        return response

    def export_xlsx(self, request, *args, **kwargs):
        """All matching rows as an XLSX workbook: the CSV's columns, one sheet."""
        serializer = self._export_serializer()
        columns = csv_columns(serializer.child)
        items = self.export_items(serializer, self.export_queryset())
        spooled = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response)
        workbook = xlsxwriter.Workbook(spooled, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "tmpdir": tempfile.gettempdir(),
        })
        sheet = workbook.add_worksheet(self.basename[:31])
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, [header for header, *_ in columns], bold)
        cells = row_cells(columns)
        for number, item in enumerate(items, start=1):
            sheet.write_row(number, 0, cells(item))
        workbook.close()
        spooled.seek(0)
        return FileResponse(
            spooled, as_attachment=True, filename=f"{self.basename}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    def export_json(self, request, *args, **kwargs):
        """All matching rows as one JSON array of list representations."""
        items = self.export_items(self._export_serializer(), self.export_queryset())

        def rows():
            opening = "[\n"
            for item in items:
                yield opening + _compact(item)
                opening = ",\n"
            yield "[]\n" if opening == "[\n" else "\n]\n"

        def chunks():
            try:
                yield from _in_pieces(rows())
            finally:
                items.close()

        response = StreamingHttpResponse(chunks(), content_type="application/json")
        response["Content-Disposition"] = self._filename("json")
        return response
