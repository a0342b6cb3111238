import binascii
import datetime
from hmac import compare_digest

from django.utils import timezone
from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS

from core.models import TokenDetails, TokenScope

# How often the "last used" time of a token is written: at most once a minute per token.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``; keys are stored hashed and may expire. A read-only token
    is refused every unsafe method (403), except revoking a token of its user.

    One query finds the token by its clear prefix, with its user and its details. An expired
    token is refused and deleted when it is presented; the others that expire are deleted by
    the hourly ``core.tasks.purge_expired_tokens``, not on every request."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        _user, token = result
        details = getattr(token, "details", None)
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
            key = token.decode("utf-8")
            digest = hash_token(key)
        except (UnicodeDecodeError, TypeError, binascii.Error) as error:
            # Header bytes arrive as Latin-1; a key is ASCII hex, so anything else is wrong.
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from error
        candidates = AuthToken.objects.filter(
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH]
        ).select_related("user", "details")
        now = timezone.now()
        for candidate in candidates:
            if not compare_digest(digest, candidate.digest):
                continue
            if candidate.expiry is not None and candidate.expiry < now:
                candidate.delete()
                break
            if knox_settings.AUTO_REFRESH and candidate.expiry:
                self.renew_token(candidate)
            return self.validate_user(candidate)
        raise exceptions.AuthenticationFailed(_("Invalid token."))
