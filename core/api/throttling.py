from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class LiveRatesMixin:
    """Read the rates from the current settings on each request; an empty rate means no limit.

    DRF copies ``DEFAULT_THROTTLE_RATES`` into a class attribute at import time, so a deployment's
    environment or a test's settings override would otherwise be ignored.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or None


class AnonThrottle(LiveRatesMixin, AnonRateThrottle):
    """Per client address, for requests without credentials."""


class UserThrottle(LiveRatesMixin, UserRateThrottle):
    """Per signed-in user, whichever token or session they use."""
