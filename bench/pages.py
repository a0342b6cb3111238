"""The public pages under load: the register, one partnership's public page and a coordinator's
dashboard, served by gunicorn as deployed (``efus_ppp/gunicorn.conf.py``, production settings
as docker-compose.yml sets them), measured with wrk.

One or more checkouts of the code may be served side by side (``--tree label=path``), each on
its own port, and measured in interleaved rounds: a burst of other work on a shared machine
lands on all of them alike. Each page is first asked once in-process (Django's test client) to
count its queries. Run by hand, not in CI, on a seeded database:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_pages \\
        .venv/bin/python bench/pages.py --tree before=/path/to/main --tree after=.

Static files are collected into each tree (production serves them through WhiteNoise's
manifest). The API's rate limits do not apply to pages; sign-in (axes) is not exercised.
"""

import argparse
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from run import _ms  # noqa: E402

HOST = "127.0.0.1"
FIRST_PORT = 8711
# gunicorn sees requests from its proxy: HTTPS is said by X-Forwarded-Proto, as in production.
HEADERS = ["-H", "X-Forwarded-Proto: https"]


def environment(database_url: str, redis_url: str, secret: str) -> dict:
    """docker-compose.yml's settings for the web service, on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.production",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_CONN_MAX_AGE": "60",
        "DATABASE_PREPARED_STATEMENTS": "true",
        "FORWARDED_ALLOW_IPS": "*",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def pages(database_url: str) -> dict:
    with psycopg.connect(database_url) as connection:
        detail = connection.execute(
            "SELECT p.id FROM partnerships_partnership p WHERE p.status = 'active' "
            "ORDER BY p.id DESC LIMIT 1"
        ).fetchone()[0]
    return {
        "public register": "/partnerships/public/",
        "public register, page 3, French": "/partnerships/public/?page=3",
        "public partnership": f"/partnerships/public/{detail}/",
        "coordinator dashboard": "/",
    }


def coordinator_session(tree: Path, env: dict) -> str:
    """A signed-in coordinator's session key, created as a sign-in would."""
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, SESSION_KEY, "
        "HASH_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "user = get_user_model().objects.get(username='coordinator')\n"
        "s = SessionStore(); s[SESSION_KEY] = str(user.pk); "
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'; "
        "s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create(); print(s.session_key)\n"
    )
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=tree, check=True,
                          capture_output=True, text=True).stdout.strip()


@contextmanager
def serve(tree: Path, env: dict, port: int):
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env,
                   cwd=tree, check=True)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "efus_ppp/gunicorn.conf.py",
         "efus_ppp.wsgi:application"],
        env={**env, "GUNICORN_BIND": f"{HOST}:{port}"}, cwd=tree,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                check(f"http://{HOST}:{port}/healthz/", HEADERS)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def wrk(url: str, headers: list[str], seconds: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", *headers, url],
        check=True, capture_output=True, text=True,
    ).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
    }


def check(url: str, headers: list[str]):
    request = urllib.request.Request(url, headers=dict(  # noqa: S310 (loopback only)
        h.split(": ", 1) for h in headers[1::2]
    ))
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
        if response.status != 200 or response.url != url:
            raise SystemExit(f"{url} did not answer the page: {response.status} {response.url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", default=[],
                        help="label=path of a checkout to serve (default: this one)")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", ""),
                        help="REDIS_URL for the servers (empty: local-memory cache)")
    parser.add_argument("--pages", nargs="*", help="names of pages to measure (default: all)")
    args = parser.parse_args()
    database_url = os.environ["BENCH_DATABASE_URL"]
    trees = [t.split("=", 1) for t in args.tree] or [["this", str(Path(__file__).parents[1])]]
    env = environment(database_url, args.redis, secrets.token_urlsafe(48))
    urls = {k: v for k, v in pages(database_url).items() if not args.pages or k in args.pages}
    with ExitStack() as stack:
        ports = {}
        for number, (label, path) in enumerate(trees):
            ports[label] = FIRST_PORT + number
            stack.enter_context(serve(Path(path).resolve(), env, ports[label]))
        session = coordinator_session(Path(trees[0][1]).resolve(), env)
        headers = {name: [*HEADERS, *(["-H", "Accept-Language: fr"] if "French" in name else []),
                          *(["-H", f"Cookie: __Host-sessionid={session}"]
                            if "dashboard" in name else [])] for name in urls}
        for port in ports.values():
            for name, path in urls.items():
                check(f"http://{HOST}:{port}{path}", headers[name])
        results = {(label, name): [] for label in ports for name in urls}
        loads = []
        for _ in range(args.rounds):
            loads.append(os.getloadavg()[0])
            for name, path in urls.items():
                for label, port in ports.items():
                    results[label, name].append(
                        wrk(f"http://{HOST}:{port}{path}", headers[name], args.seconds)
                    )
    print(f"wrk -t2 -c8 -d{args.seconds}s, {args.rounds} interleaved rounds (req/s: median; "
          f"latencies: median of the rounds); load average at each round's start: "
          f"{', '.join(f'{load:.1f}' for load in loads)}\n")
    print("| page | tree | req/s | p50 ms | p99 ms | req/s of each round |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for name in urls:
        for label in ports:
            runs = results[label, name]
            print(f"| {name} | {label} | {statistics.median(r['rps'] for r in runs):.0f} "
                  f"| {statistics.median(r['p50'] for r in runs):.1f} "
                  f"| {statistics.median(r['p99'] for r in runs):.1f} "
                  f"| {', '.join(f'{r['rps']:.0f}' for r in runs)} |")


if __name__ == "__main__":
    main()
