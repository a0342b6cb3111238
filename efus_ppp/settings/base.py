"""Settings shared by every environment, all read from the environment.

With nothing set, the registry runs on SQLite with Celery tasks executed in-process, so a
newcomer needs no server. ``DATABASE_URL`` selects PostgreSQL (psycopg 3) and ``REDIS_URL``
(or ``CELERY_BROKER_URL``) selects a real Celery broker and a shared cache.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .mail import mailer_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "health_check",
    "core",
    "actors",
    "accounts",
    "goals",
    "partnerships",
    "calls",
    "projects",
    "opendata",
    "analytics",
    "notifications",
    "home",
]

MIDDLEWARE = [
    "core.middleware.RequestInputMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "efus_ppp.urls"
WSGI_APPLICATION = "efus_ppp.wsgi.application"
ASGI_APPLICATION = "efus_ppp.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.registry",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Production keeps connections (production.py); a kept connection is checked before each request
# reuses it, so one the database or a network cut closed is replaced instead of failing the request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=0))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DJANGO_CONN_HEALTH_CHECKS", default=True)
# Prepared statements spare PostgreSQL planning the same few query shapes again and again (about
# 2 ms per API page). Off by default: poolers in transaction mode (PgBouncer) cannot keep them.
if env.bool("DATABASE_PREPARED_STATEMENTS", default=False) and "postgresql" in DATABASES[
    "default"
]["ENGINE"]:
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 5}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "actors.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "home:home"

# Sessions expire: two weeks at most, and after the browser closes.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Brute-force protection on sign-in.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploaded files are never served from a public URL: views check access first.
MEDIA_URL = "/media-not-public/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

MAILERS = {"default": mailer_from_env(env, default="console")}
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="registry@efus-ppp.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REDIS_URL = env("REDIS_URL", default="")
# "local" counts per process where the shared cache is down (the API rate limits fall back to it).
CACHES = {
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
    # Rendered API reads and the tokens found, per process, under the version of the data
    # (core.api.readcache, core.api.authentication).
    "responses": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "responses",
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # A Redis that does not answer fails fast instead of holding the request.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
else:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# Keep rendered page fragments and API reads under the version of the data (core.pagecache).
# Every process that serves must read the same version: one process (the development server),
# or a shared cache; production without Redis says False.
KEEP_RENDERED = True
# Sessions live in the database only (Django's default, said here so nobody moves them to Redis
# by accident): a sign-in or a form must not depend on the cache.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Celery: a real broker when one is configured, otherwise tasks run in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://")
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 90
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 2}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "write-ocds-bulk-file": {
        "task": "opendata.tasks.write_ocds_bulk",
        "schedule": 60 * 60 * 24,
    },
    "partnership-review-reminders": {
        "task": "partnerships.tasks.send_review_reminders",
        "schedule": 60 * 60 * 6,
    },
    "deliver-due-notifications": {
        "task": "notifications.tasks.deliver_due_notifications",
        "schedule": 60 * 5,
    },
    "close-calls-at-deadline": {
        "task": "calls.tasks.close_calls_at_deadline",
        "schedule": 60,
    },
    "call-deadline-reminders": {
        "task": "calls.tasks.send_call_deadline_reminders",
        "schedule": 60 * 60,
    },
    "suggestion-digests": {
        "task": "projects.tasks.send_suggestion_digests",
        "schedule": 60 * 60 * 24 * 7,
    },
    "security-licence-reminders": {
        "task": "actors.tasks.send_licence_reminders",
        "schedule": 60 * 60 * 12,
    },
    "purge-idempotency-keys": {
        "task": "core.tasks.purge_idempotency_keys",
        "schedule": 60 * 60,
    },
    "purge-expired-tokens": {
        "task": "core.tasks.purge_expired_tokens",
        "schedule": 60 * 60,
    },
}
# The outbox: how long a delivery holds its row before it is tried again (beyond the task's hard
# time limit), how long one sweep sends before handing the rest to the next, and how old a
# pending notification may grow before readiness reports a backlog.
NOTIFICATIONS_CLAIM_SECONDS = env.int(
    "NOTIFICATIONS_CLAIM_SECONDS", default=max(300, CELERY_TASK_TIME_LIMIT + 60)
)
NOTIFICATIONS_SWEEP_SECONDS = env.int(
    "NOTIFICATIONS_SWEEP_SECONDS", default=CELERY_TASK_SOFT_TIME_LIMIT * 2 // 3
)
NOTIFICATIONS_BACKLOG_MINUTES = env.int("NOTIFICATIONS_BACKLOG_MINUTES", default=30)
# Links in e-mails point here; set it to the address users reach the registry at.
REGISTRY_BASE_URL = env("REGISTRY_BASE_URL", default="http://127.0.0.1:8000")
# Open data: the OCDS identifier prefix (register one with the Open Contracting Partnership),
# the publisher and licence named in every package and in the DCAT catalogue, and where the
# nightly bulk file is written.
OCDS_OCID_PREFIX = env("OCDS_OCID_PREFIX", default="ocds-xxxxxx-efus")
# The language of a release whose partnership does not say which its texts are in (ISO 639-1).
OCDS_LANGUAGE = env("OCDS_LANGUAGE", default=LANGUAGE_CODE)
OPENDATA_PUBLISHER = env("OPENDATA_PUBLISHER", default="Efus partnership registry")
OPENDATA_LICENSE_NAME = env("OPENDATA_LICENSE_NAME", default="Creative Commons Attribution 4.0 (CC BY 4.0)")
OPENDATA_LICENSE_URL = env("OPENDATA_LICENSE_URL", default="https://creativecommons.org/licenses/by/4.0/")
OPENDATA_ROOT = Path(env("OPENDATA_ROOT", default=str(MEDIA_ROOT / "opendata")))
# Calls for partners: attachments and reminders.
CALLS_ATTACHMENT_MAX_BYTES = env.int("CALLS_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
CALLS_DEADLINE_REMINDER_DAYS = env.int("CALLS_DEADLINE_REMINDER_DAYS", default=3)
PARTNERSHIP_DOCUMENT_MAX_BYTES = env.int("PARTNERSHIP_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# The largest body any route reads (an attachment or a partnership's document with its form);
# each API route then applies its own limit, DATA_UPLOAD_MAX_MEMORY_SIZE for all but files.
REQUEST_BODY_MAX_BYTES = max(DATA_UPLOAD_MAX_MEMORY_SIZE, CALLS_ATTACHMENT_MAX_BYTES + 64 * 1024,
                             PARTNERSHIP_DOCUMENT_MAX_BYTES + 64 * 1024)
PARTNERSHIP_REVIEW_REMINDER_DAYS = env.int("PARTNERSHIP_REVIEW_REMINDER_DAYS", default=14)
# Private security companies hear that their licence expires this many days ahead.
LICENCE_REMINDER_DAYS = env.int("LICENCE_REMINDER_DAYS", default=60)
# Accounts: where a firm representative's work is, once registered, confirmed or accepted (a
# setting, as accounts sits below calls and names none of its pages); and the limit on the
# public forms per client address ("10/h"; empty for none), counted by django-ratelimit in the
# cache.
FIRM_HOME_URL = "calls:eoi_list"
PUBLIC_FORM_THROTTLE = env("PUBLIC_FORM_THROTTLE", default="10/h")
# Without the cache (Redis down), the public forms work unlimited rather than refuse everyone:
# the limit slows form-filling software down, it is not what keeps the registry safe.
RATELIMIT_FAIL_OPEN = True

# Content Security Policy, with a per-request nonce for the few inline scripts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["core.api.permissions.RegistryPermission"],
    "DEFAULT_FILTER_BACKENDS": ["core.api.filters.RegistryFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "core.api.renderers.RegistryJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.RegistryPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.RegistryAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.api.throttling.AnonThrottle",
        "core.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/min"),
        "user": env("API_THROTTLE_USER", default="600/min"),
    },
    "DEFAULT_VERSIONING_CLASS": None,
    "EXCEPTION_HANDLER": "core.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Efus partnership registry API",
    "DESCRIPTION": (
        "Public-private partnerships for urban safety: organisations, local safety strategies, "
        "shared goals and indicators, partnership agreements with their parties, roles and rules."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_guide",
        "calls.api.schema.require_call_or_body",
    ],
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "actors.choices.OrganisationKind",
        "VerificationStatusEnum": "actors.choices.VerificationStatus",
        "PartnershipStatusEnum": "partnerships.choices.Status",
        "ContributionKindEnum": "partnerships.choices.ContributionKind",
        "DocumentKindEnum": "partnerships.choices.DocumentKind",
        "DocumentVisibilityEnum": "partnerships.choices.DocumentVisibility",
        # The projects' own, under the name it had before documents had a visibility too.
        "VisibilityEnum": "projects.choices.Visibility",
        "CallStatusEnum": "calls.choices.CallStatus",
        "ExpressionOfInterestStatusEnum": "calls.choices.EoiStatus",
        "AreaEnum": "goals.choices.Area",
    },
}

# Named so that a model can point at knox's token (``core.TokenDetails``): knox's is swappable.
KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 (a model name, not a secret)
REST_KNOX = {
    "TOKEN_TTL": None,
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# Demo and benchmark data never reach production: the command refuses there.
REGISTRY_ALLOW_DEMO_DATA = env.bool("REGISTRY_ALLOW_DEMO_DATA", default=True)
