import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS

from core.models import TokenDetails, TokenScope

# How often the "last used" time of a token is written: at most once a minute per token.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``; keys are stored hashed and may expire. A read-only token
    is refused every unsafe method (403), except revoking a token of its user."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        _user, token = result
        details = TokenDetails.objects.filter(token=token).first()
        if details is None:
            return result
        now = timezone.now()
        if details.last_used_at is None or now - details.last_used_at > LAST_USED_PRECISION:
            TokenDetails.objects.filter(pk=details.pk).update(last_used_at=now)
        if details.scope == TokenScope.READ and request.method not in SAFE_METHODS:
            view = (getattr(request, "parser_context", None) or {}).get("view")
            if not (request.method == "DELETE" and getattr(view, "revocable_with_read_scope", False)):
                raise exceptions.PermissionDenied(_("This token is read-only."))
        return result

    def authenticate_credentials(self, token):
        try:
            return super().authenticate_credentials(token)
        except UnicodeDecodeError as error:
            # Header bytes arrive as Latin-1; a key is ASCII, so anything else is simply wrong.
            raise exceptions.AuthenticationFailed() from error
