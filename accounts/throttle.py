"""A per-client limit on the public forms, kept in the cache shared by every web process."""

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"10/h"`` -> (10 requests, 3600 seconds)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip()[0].lower()]


def client_address(request) -> str:
    # The connection's address only: a client writes whatever it likes in forwarded headers.
    return request.META.get("REMOTE_ADDR", "unknown")


def throttled(request, scope: str) -> int | None:
    """Count one use of ``scope`` by this client; the seconds to wait when over the limit."""
    limit, period = parse_rate(settings.PUBLIC_FORM_THROTTLE)
    key = f"throttle:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=period)
    try:
        uses = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period)
        uses = 1
    return period if uses > limit else None
