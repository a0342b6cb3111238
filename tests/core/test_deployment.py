"""What a deployer relies on: the compose file, production settings that refuse to start
half-configured, and Django's deployment checks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-deploy-check-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "registry.example.org",
}


def run_python(args, env_overrides, *, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_compose_file_follows_the_compose_specification():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
         str(ROOT / "docker-compose.yml")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_file_runs_the_whole_stack_with_health_checks_and_volumes():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"
        assert service["healthcheck"]["test"], name
    assert "gunicorn" in services["web"]["command"]
    assert "celery -A efus_ppp worker" in services["worker"]["command"]
    assert "celery -A efus_ppp beat" in services["beat"]["command"]
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"
        assert services[name]["environment"]["DJANGO_SETTINGS_MODULE"] == (
            "efus_ppp.settings.production"
        )
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])


def test_compose_file_holds_no_secret():
    text = (ROOT / "docker-compose.yml").read_text()
    assert "DJANGO_SECRET_KEY" not in text
    assert "${POSTGRES_PASSWORD:?" in text


@pytest.mark.parametrize(
    ("missing", "message"),
    [("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY"), ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_its_secrets(missing, message):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("secret", ["short", "x" * 60, "django-insecure-" + "abcdefghij" * 5])
def test_production_refuses_a_weak_secret_key(secret):
    result = run_python(["manage.py", "check"], {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": secret})
    assert result.returncode != 0
    assert "50+ characters" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_health_check_answers(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.text == "ok"


def test_gunicorn_runs_threaded_workers_from_the_committed_config():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "efus_ppp/gunicorn.conf.py",
         "--print-config", "efus_ppp.wsgi:application"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^worker_class\s+= gthread$", result.stdout, re.M)
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert "--config efus_ppp/gunicorn.conf.py" in compose["services"]["web"]["command"]
    assert '"--config", "efus_ppp/gunicorn.conf.py"' in (ROOT / "Dockerfile").read_text()


def test_production_keeps_checked_connections_and_compose_prepares_statements():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    environment = compose["services"]["web"]["environment"]
    script = ("from django.conf import settings; d = settings.DATABASES['default']; "
              "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], d.get('OPTIONS', {}))")
    result = run_python(["manage.py", "shell", "-v", "0", "-c", script], {
        **PRODUCTION_ENV, "DATABASE_URL": "postgres://efus@127.0.0.1:5432/efus",
        "DJANGO_CONN_MAX_AGE": environment["DJANGO_CONN_MAX_AGE"],
        "DATABASE_PREPARED_STATEMENTS": environment["DATABASE_PREPARED_STATEMENTS"],
    })
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 2)[:2] == ["60", "True"]
    assert "'prepare_threshold': 5" in result.stdout
    default = run_python(["manage.py", "shell", "-v", "0", "-c", script], PRODUCTION_ENV)
    assert default.stdout.startswith("60 True"), default.stderr


@pytest.mark.parametrize(("redis_url", "kept"), [("", "False"), ("redis://127.0.0.1:6379/0", "True")])
def test_production_keeps_rendered_reads_only_with_a_shared_cache(redis_url, kept):
    """gunicorn's workers are processes: without Redis, a write in one would not reach what the
    others keep, so nothing is kept."""
    result = run_python(
        ["manage.py", "shell", "-c", "from django.conf import settings; print(settings.KEEP_RENDERED)"],
        {**PRODUCTION_ENV, "REDIS_URL": redis_url}, drop=("REDIS_URL",),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == kept
