"""Local development: debug on, a fixed insecure key, the console e-mail backend."""

from .base import *  # noqa: F403
from .base import LOGGING, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Static files come straight from the apps and static/; collectstatic is for production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run in-process here: a line per task would drown the server's own log.
LOGGING = {
    **LOGGING,
    "loggers": {"celery.app.trace": {"level": "WARNING"}},
}
