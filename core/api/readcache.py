"""API reads answered again from what was rendered, until the next write.

A list page or a detail is kept, rendered, in the process's own cache under the version of the
data (``core.pagecache``: any write to a model of the registry bumps it, at once and again
after its transaction commits), the reader, and everything else the bytes depend on: the
address (host, path and query), the media type asked for and the language. The next identical
read skips the queryset, the serialisers and the renderer; authentication, permissions and
throttling still run first, so a revoked token or a spent rate answers as before.

The version is read before the data, so a response built from rows older than a write is
kept under a version that write has already replaced, and nobody reads it again.

Only what stored data alone decides may be kept: a viewset whose representation moves with the
clock (a call that closes at a given time) or with data outside the registry's versioned models
sets ``cache_reads = False``. The browsable API is never kept (its forms carry a CSRF token),
nor a response that is not a 200, nor one larger than ``LARGEST``. When the shared cache is
down there is no version, and every read is built afresh.
"""

import hashlib

from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone, translation
from rest_framework.response import Response

from core.pagecache import data_version

ALIAS = "responses"
# A kept response outlives no write; this only bounds what an unused key keeps in memory.
SECONDS = 60 * 60
# Larger bodies (a page of hundreds of rows) are rebuilt each time rather than crowd out the
# rest: with the cache's 300 entries, a process keeps 75 MiB at most.
LARGEST = 256 * 1024
CACHED_ACTIONS = {"list", "retrieve"}
# What a response's headers may carry into a kept copy; the middleware adds the rest each time.
KEPT_HEADERS = ("Content-Type", "ETag", "Vary", "Allow", "Link")


class CachedReadsMixin:
    cache_reads = True

    def read_cache_key(self, request) -> str | None:
        """The key of this read's rendered response, or None when it must be built afresh."""
        if not self.cache_reads or self.action not in CACHED_ACTIONS:
            return None
        if request.method not in ("GET", "HEAD") or request.accepted_renderer.format != "json":
            return None
        version = data_version(request)
        if version is None:
            return None
        user = request.user
        reader = f"user:{user.pk}" if user.is_authenticated else "anonymous"
        parts = (
            version, reader, request.build_absolute_uri(), request.accepted_media_type,
            translation.get_language() or "", timezone.get_current_timezone_name(),
        )
        return "api-read:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def cached_read(self) -> HttpResponse | None:
        """The kept response for this read, if there is one; otherwise remember where to keep
        the one about to be built."""
        key = self.read_cache_key(self.request)
        if key is None:
            return None
        kept = caches[ALIAS].get(key)
        if kept is None:
            self._read_cache_key = key
            return None
        content, headers = kept
        return HttpResponse(content, headers=headers)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(self, "_read_cache_key", None)
        if key and isinstance(response, Response) and response.status_code == 200:
            response.render()
            if len(response.content) <= LARGEST:
                headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
                caches[ALIAS].set(key, (response.content, headers), SECONDS)
        return response
