import logging

from django.core.cache import caches
from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)

# Counted per process when the shared cache cannot be reached (settings: CACHES["local"]).
FALLBACK_CACHE = "local"


class LiveRatesMixin:
    """Read the rates from the current settings on each request; an empty rate means no limit.

    DRF copies ``DEFAULT_THROTTLE_RATES`` into a class attribute at import time, so a deployment's
    environment or a test's settings override would otherwise be ignored.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or None


class FallbackCacheMixin:
    """Count in the shared cache, or in this process's memory while the shared cache is down.

    A rate limit slows clients down; it must not take the API down with Redis. Without Redis
    each process counts on its own, so a client may get up to one rate per process.
    """

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError) as error:
            logger.warning("API rate limit counted per process: the shared cache is down (%s).", error)
            self.cache = caches[FALLBACK_CACHE]
            return super().allow_request(request, view)


class AnonThrottle(FallbackCacheMixin, LiveRatesMixin, AnonRateThrottle):
    """Per client address, for requests without credentials."""


class UserThrottle(FallbackCacheMixin, LiveRatesMixin, UserRateThrottle):
    """Per signed-in user, whichever token or session they use."""
