"""Mail backends are chosen by URL or by name, in every settings module, and each receives only
the options it takes."""

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured

from efus_ppp.settings.mail import FILE, SMTP, mailer_from_env

from .test_deployment import PRODUCTION_ENV, run_python

SEND = (
    "from django.core.mail import send_mail; "
    "print(send_mail('Subject', 'Body', None, ['someone@example.org']))"
)


@pytest.fixture
def mail_env(monkeypatch):
    for name in ("DJANGO_EMAIL_URL", "DJANGO_EMAIL_BACKEND", "DJANGO_EMAIL_HOST", "DJANGO_EMAIL_PORT",
                 "DJANGO_EMAIL_HOST_USER", "DJANGO_EMAIL_HOST_PASSWORD", "DJANGO_EMAIL_USE_TLS",
                 "DJANGO_EMAIL_FILE_PATH"):
        monkeypatch.delenv(name, raising=False)

    def mailer(default="smtp", **variables):
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return mailer_from_env(environ.Env(), default=default)

    return mailer


def test_smtp_gets_its_options(mail_env):
    mailer = mail_env(DJANGO_EMAIL_HOST="smtp.example.org", DJANGO_EMAIL_PORT="587",
                      DJANGO_EMAIL_USE_TLS="true")
    assert mailer["BACKEND"] == SMTP
    assert mailer["OPTIONS"]["host"] == "smtp.example.org"
    assert mailer["OPTIONS"]["port"] == 587 and mailer["OPTIONS"]["use_tls"] is True


@pytest.mark.parametrize("name", ["console", "locmem", "dummy",
                                  "django.core.mail.backends.console.EmailBackend"])
def test_other_backends_get_no_smtp_options(mail_env, name):
    mailer = mail_env(DJANGO_EMAIL_BACKEND=name, DJANGO_EMAIL_HOST="smtp.example.org")
    assert "OPTIONS" not in mailer
    assert mailer["BACKEND"].endswith(".EmailBackend")


def test_the_file_backend_takes_its_folder(mail_env, tmp_path):
    assert mail_env(DJANGO_EMAIL_BACKEND="file", DJANGO_EMAIL_FILE_PATH=str(tmp_path)) == {
        "BACKEND": FILE, "OPTIONS": {"file_path": str(tmp_path)}
    }


def test_the_file_backend_without_a_folder_is_refused_at_start_up(mail_env):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_EMAIL_FILE_PATH"):
        mail_env(DJANGO_EMAIL_BACKEND="file")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://user:p%40ss@mail.example.org:587/?tls=1",
         {"host": "mail.example.org", "port": 587, "username": "user", "password": "p@ss",
          "use_tls": True, "use_ssl": False, "timeout": 30}),
        ("smtps://mail.example.org",
         {"host": "mail.example.org", "port": 465, "username": "", "password": "",
          "use_tls": False, "use_ssl": True, "timeout": 30}),
    ],
)
def test_an_smtp_url(mail_env, url, expected):
    assert mail_env(DJANGO_EMAIL_URL=url) == {"BACKEND": SMTP, "OPTIONS": expected}


def test_other_urls(mail_env):
    assert mail_env(DJANGO_EMAIL_URL="console://") == {
        "BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    assert mail_env(DJANGO_EMAIL_URL="file:///var/mail/registry")["OPTIONS"] == {
        "file_path": "/var/mail/registry"
    }
    with pytest.raises(ImproperlyConfigured, match="unknown scheme"):
        mail_env(DJANGO_EMAIL_URL="gopher://mail.example.org")


@pytest.mark.parametrize("backend", ["console", "locmem", "django.core.mail.backends.console.EmailBackend"])
def test_production_sends_with_a_non_smtp_backend(backend):
    result = run_python(["manage.py", "shell", "-c", SEND],
                        {**PRODUCTION_ENV, "DJANGO_EMAIL_BACKEND": backend})
    assert result.returncode == 0, result.stderr
    assert "Unknown options" not in result.stderr
    assert result.stdout.strip().endswith("1")


def test_production_writes_mail_to_files(tmp_path):
    result = run_python(["manage.py", "shell", "-c", SEND],
                        {**PRODUCTION_ENV, "DJANGO_EMAIL_URL": f"file://{tmp_path}"})
    assert result.returncode == 0, result.stderr
    [written] = tmp_path.iterdir()
    assert "Subject: Subject" in written.read_text()
