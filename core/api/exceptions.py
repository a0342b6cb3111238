"""One JSON shape for every API error, documented in the schema as ``Error``.

``{"status": 400, "code": "invalid", "detail": "A sentence for people.", "errors": {"field": ["..."]}}``
``errors`` is empty except for invalid input, where it maps each field (or ``non_field_errors``)
to its messages.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _(
        "The object has changed since you read it (If-Match does not match its ETag): "
        "read it again and retry."
    )
    default_code = "precondition_failed"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"non_field_errors": exc.messages})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        general = errors.get("non_field_errors")
        detail = " ".join(str(m) for m in general) if isinstance(general, list) else ""
        detail = detail or str(_("Invalid input: see the messages for each field."))
        code = "invalid"
    else:
        errors = {}
        detail = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
        code = getattr(exc, "default_code", "error")
        if isinstance(exc, exceptions.APIException):
            codes = exc.get_codes()
            if isinstance(codes, str):
                code = codes
    response.data = {"status": response.status_code, "code": code, "detail": detail,
                     "errors": errors}
    return response


def page_not_found(request, exception):
    """Django's 404 for a URL no route matches: the one JSON shape under /api/, the site's page
    elsewhere."""
    if request.path.startswith("/api/"):
        detail = str(_("No such resource."))
        return JsonResponse(
            {"status": 404, "code": "not_found", "detail": detail, "errors": {}}, status=404
        )
    return defaults.page_not_found(request, exception)


@csrf_exempt  # it changes nothing, and answers every method alike
def api_route_not_found(request, *args, **kwargs):
    """The last route under /api/v1/: a path no resource matches answers in the one JSON shape
    even with ``DEBUG`` on, where Django would show its debug page listing every URL."""
    return page_not_found(request, None)
