"""The mailer, from the environment, the same way in every settings module.

``DJANGO_EMAIL_URL`` says it all in one value (``smtp://user:password@host:587/?tls=1``,
``smtps://…``, ``console://``, ``file:///var/mail/registry``, ``locmem://``, ``dummy://``).
Otherwise ``DJANGO_EMAIL_BACKEND`` names a backend (``smtp``, ``console``, ``file``, ``locmem``,
``dummy`` or a dotted path), with ``DJANGO_EMAIL_HOST``, ``_PORT``, ``_HOST_USER``,
``_HOST_PASSWORD``, ``_USE_TLS``, ``_USE_SSL``, ``_TIMEOUT`` for SMTP and
``DJANGO_EMAIL_FILE_PATH`` for files. Each backend receives only the options it takes.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
FILE = "django.core.mail.backends.filebased.EmailBackend"
BACKENDS = {
    "smtp": SMTP,
    "smtps": SMTP,
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": FILE,
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
TRUE = {"1", "true", "yes", "on"}


def mailer_from_env(env, *, default: str) -> dict:
    """``MAILERS["default"]``: ``default`` names the backend when the environment does not."""
    url = env("DJANGO_EMAIL_URL", default="")
    if url:
        return mailer_from_url(url)
    name = env("DJANGO_EMAIL_BACKEND", default="") or default
    backend = BACKENDS.get(name, name)
    if backend == SMTP:
        return {
            "BACKEND": SMTP,
            "OPTIONS": {
                "host": env("DJANGO_EMAIL_HOST", default="localhost"),
                "port": env.int("DJANGO_EMAIL_PORT", default=25),
                "username": env("DJANGO_EMAIL_HOST_USER", default=""),
                "password": env("DJANGO_EMAIL_HOST_PASSWORD", default=""),
                "use_tls": env.bool("DJANGO_EMAIL_USE_TLS", default=False),
                "use_ssl": env.bool("DJANGO_EMAIL_USE_SSL", default=False),
                "timeout": env.int("DJANGO_EMAIL_TIMEOUT", default=30),
            },
        }
    if backend == FILE:
        path = env("DJANGO_EMAIL_FILE_PATH", default="")
        if not path:
            raise ImproperlyConfigured("The file mail backend needs DJANGO_EMAIL_FILE_PATH.")
        return {"BACKEND": FILE, "OPTIONS": {"file_path": path}}
    return {"BACKEND": backend}


def mailer_from_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        raise ImproperlyConfigured(
            f"DJANGO_EMAIL_URL: unknown scheme {scheme!r}; use one of {', '.join(BACKENDS)}."
        )
    backend = BACKENDS[scheme]
    if backend == FILE:
        if not parts.path:
            raise ImproperlyConfigured("DJANGO_EMAIL_URL: file:///path names the folder.")
        return {"BACKEND": FILE, "OPTIONS": {"file_path": unquote(parts.path)}}
    if backend != SMTP:
        return {"BACKEND": backend}
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    ssl = scheme == "smtps" or query.get("ssl", "").lower() in TRUE
    return {
        "BACKEND": SMTP,
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if ssl else 25),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": query.get("tls", "").lower() in TRUE,
            "use_ssl": ssl,
            "timeout": int(query.get("timeout", 30)),
        },
    }
