"""Parsers that answer bad input with 400 rather than fail: JSON nested too deep (Python's
parser would exhaust the stack), and NUL characters, which PostgreSQL cannot store in text and
which no field of the registry means to hold."""

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError

MAX_JSON_DEPTH = 64
NUL = "\x00"
# What a multipart body holds besides the file itself: boundaries, part headers, a file name and
# the form's other fields.
MULTIPART_OVERHEAD = 64 * 1024


def check_content(data, depth: int = 1, field: str | None = None):
    """Refuse nesting deeper than ``MAX_JSON_DEPTH`` and NUL characters in keys and strings; a
    NUL is reported on the top-level field that holds it."""
    if depth > MAX_JSON_DEPTH:
        raise ParseError(_("The JSON is nested more than %(depth)s levels deep.")
                         % {"depth": MAX_JSON_DEPTH})
    if isinstance(data, str):
        if NUL in data:
            message = _("Text may not contain NUL characters.")
            if field is None:
                raise ParseError(message)
            raise ValidationError({field: [message]})
    elif isinstance(data, dict):
        for key, value in data.items():
            name = key if field is None and NUL not in key else field
            check_content(key, depth, field)
            check_content(value, depth + 1, name)
    elif isinstance(data, list):
        for value in data:
            check_content(value, depth + 1, field)


class RegistryJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("The JSON is nested more than %(depth)s levels deep.")
                             % {"depth": MAX_JSON_DEPTH}) from None
        check_content(data)
        return data


def multipart_body_limit(max_file_bytes: int) -> int:
    """The largest multipart body a route reads when it takes one file of ``max_file_bytes``."""
    return max_file_bytes + MULTIPART_OVERHEAD


class RegistryMultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        for key, values in result.data.lists():
            check_content(key)
            for value in values:
                check_content(value, field=key)
        for key, uploaded in result.files.items():
            check_content(uploaded.name, field=key)
        return result
