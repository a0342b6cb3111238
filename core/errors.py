"""What the site answers when something breaks: the API's one error shape under /api/, a page
elsewhere; 503 with Retry-After when the database cannot be reached. Neither reads the database
or the request's user, which may be what failed."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


def database_unreachable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


@requires_csrf_token
def server_error(request):
    """handler500: Django calls it while the failing exception is being handled."""
    unavailable = database_unreachable(sys.exc_info()[1])
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        if unavailable:
            code, detail = "unavailable", _("The service is unavailable for a moment: try again shortly.")
        else:
            code, detail = "server_error", _("Something went wrong on our side; it has been recorded.")
        response = JsonResponse({"status": status, "code": code, "detail": detail, "errors": {}},
                                status=status)
    else:
        response = HttpResponse(loader.get_template(f"{status}.html").render(), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
