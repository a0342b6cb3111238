import binascii
import datetime
from hmac import compare_digest

from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS

from core.models import TokenDetails, TokenScope
from core.pagecache import data_version

from .readcache import ALIAS as KEPT_TOKENS
from .readcache import SECONDS as KEPT_SECONDS

# How often the "last used" time of a token is written: at most once a minute per token.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``; keys are stored hashed and may expire. A read-only token
    is refused every unsafe method (403), except revoking a token of its user.

    One query finds the token by its clear prefix, with its user and its details. An expired
    token is refused and deleted when it is presented; the others that expire are deleted by
    the hourly ``core.tasks.purge_expired_tokens``, not on every request.

    On a read, the token found is kept in the process's memory under its digest and the version
    of the data (``core.pagecache``), which any write to a token, its details or a user
    replaces: the next read with the same token needs no query until then. Its expiry is
    checked each time. A write reads the token from the database."""

    def authenticate(self, request):
        self._request = request
        self._kept_key = None
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
            details.last_used_at = now
            if self._kept_key:
                caches[KEPT_TOKENS].set(self._kept_key, token, KEPT_SECONDS)
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
        now = timezone.now()
        kept = self._kept(digest)
        if kept is not None and (kept.expiry is None or kept.expiry >= now):
            return self.validate_user(kept)
        candidates = AuthToken.objects.filter(
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH]
        ).select_related("user", "details")
        for candidate in candidates:
            if not compare_digest(digest, candidate.digest):
                continue
            if candidate.expiry is not None and candidate.expiry < now:
                candidate.delete()
                break
            if knox_settings.AUTO_REFRESH and candidate.expiry:
                self.renew_token(candidate)
            result = self.validate_user(candidate)
            if self._kept_key:
                caches[KEPT_TOKENS].set(self._kept_key, candidate, KEPT_SECONDS)
            return result
        raise exceptions.AuthenticationFailed(_("Invalid token."))

    def _kept(self, digest: str):
        """The token kept for ``digest`` under the current version of the data, if any; on a
        read, remember where to keep the one about to be found."""
        request = getattr(self, "_request", None)
        if request is None or request.method not in SAFE_METHODS:
            return None
        version = data_version(request)
        if version is None:
            return None
        self._kept_key = f"api-token:{version}:{digest}"
        return caches[KEPT_TOKENS].get(self._kept_key)
