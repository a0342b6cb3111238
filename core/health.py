"""Liveness (``/healthz/``: the process answers, nothing else is asked) and readiness
(``/readyz/``: PostgreSQL, Redis when configured, and the checks the project adds, such as the
outbox's backlog), the latter with django-health-check."""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from health_check.checks import Database
from health_check.contrib.redis import Redis
from health_check.exceptions import ServiceWarning
from health_check.views import HealthCheckView
from redis.asyncio import Redis as RedisClient


@never_cache
@require_GET
def healthz(request):
    """For restarts: the app answers. It reads no database, so a database outage does not get
    every web process restarted."""
    return HttpResponse("ok", content_type="text/plain")


class Broker(Redis):
    """The Redis check under a plain name: the page is public, so it does not tell where the
    broker lives (the library's own name carries its host, port and database)."""

    def __repr__(self):
        return "Redis"

    @property
    def labels(self):
        return {"check": "Redis"}


class ReadinessView(HealthCheckView):
    """503 when something the registry needs is down, with what it is; warnings (a failed
    notification) are shown but keep it at 200: they need a person, not a restart."""

    checks = ()

    def get_checks(self):
        yield Database()
        if settings.REDIS_URL:
            yield Broker(client_factory=functools.partial(
                RedisClient.from_url, settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
            ))
        yield from super().get_checks()

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code in (200, 500):
            down = any(r.error and not isinstance(r.error, ServiceWarning) for r in self.results)
            response.status_code = 503 if down else 200
        return response
