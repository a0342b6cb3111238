"""Request input every route refuses the same way, before any view reads it."""

import io

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _api_error(status: int, code: str, detail: str, errors=None) -> JsonResponse:
    return JsonResponse(
        {"status": status, "code": code, "detail": detail, "errors": errors or {}}, status=status
    )


def _too_large(request):
    detail = _("The request body is too large.")
    if request.path.startswith("/api/"):
        return _api_error(413, "too_large", detail)
    return HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")


def _with_nul(params) -> str | None:
    for key, values in params.lists():
        if NUL in key or any(isinstance(v, str) and NUL in v for v in values):
            return key.replace(NUL, "")
    return None


class RequestInputMiddleware:
    """Three refusals, each a 4xx rather than a 500 or a silent loss:

    - a body larger than any route reads (``REQUEST_BODY_MAX_BYTES``) is 413; the API's routes
      then apply their own limits;
    - a chunked body (no ``Content-Length``; gunicorn marks the input terminated with
      ``wsgi.input_terminated``) is read here, up to that limit, so that the views see it
      rather than an empty body;
    - a NUL character in a query parameter or a page form's field is 400: PostgreSQL cannot
      store it, and a lookup with it (a slug, for one) would fail in the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_BODY_MAX_BYTES
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isdigit() and int(length) > limit:
            return _too_large(request)
        if not length and request.META.get("wsgi.input_terminated"):
            body = request.META["wsgi.input"].read(limit + 1)
            if len(body) > limit:
                return _too_large(request)
            request.META["CONTENT_LENGTH"] = str(len(body))
            request._stream = LimitedStream(io.BytesIO(body), len(body))
        field = _with_nul(request.GET)
        if field is None and not request.path.startswith("/api/") and request.method == "POST" \
                and request.content_type in FORM_TYPES:
            field = _with_nul(request.POST)
            if field is None and any(NUL in f.name for f in request.FILES.values()):
                field = next(iter(request.FILES))
        if field is not None:
            message = _("Text may not contain NUL characters.")
            if request.path.startswith("/api/"):
                return _api_error(400, "invalid", message, {field: [message]})
            raise BadRequest(message)
        return self.get_response(request)
