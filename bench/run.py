"""Benchmark of every API route family against a raw-psycopg baseline, served as deployed.

1. migrates the PostgreSQL database in BENCH_DATABASE_URL and brings it to N synthetic
   partnerships with ``manage.py seed_demo --partnerships N`` (idempotent: a second run adds none);
   gives the demo analyst a read-only API token and captures the SQL of ``export.csv``;
2. serves the app and ``bench/baseline.py`` on 127.0.0.1 as docker-compose serves the app:
   gunicorn with ``efus_ppp/gunicorn.conf.py`` (the same for both servers), production
   settings, connections kept for a minute, prepared statements; requests come "through the
   proxy" (``X-Forwarded-Proto: https``);
3. checks that both answer the same bytes for every scenario with a baseline, and that the
   public pages answer 200;
4. measures each scenario with wrk in short slices, round robin over scenarios and servers so
   that the machine's other load weighs on both alike, and each round times ``export.csv``
   beside ``COPY`` of the export's own SELECT through psql; prints Markdown tables with the
   median and the spread (min-max) of the rounds.

Every API scenario is asked anonymously and with the analyst's token. Run by hand, not in CI:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_bench .venv/bin/python bench/run.py
"""

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
HOST = "127.0.0.1"
APP_PORT, BASELINE_PORT = 8101, 8102
LIST = "/api/v1/partnerships/"
EXPORT = "/api/v1/partnerships/export.csv"
PUBLISHED = ("active", "suspended", "concluded", "terminated")
ANALYST = "analyst"  # the demo analyst of seed_demo (home/demo/data.py)
TOKEN_NAME = "benchmark"  # noqa: S105 (a token's name, not a secret)
# What the reverse proxy in front of gunicorn sends; the same Host to both servers, so that
# the links in their answers are the same bytes.
PROXY_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}


def environment(database_url: str, prepared: bool) -> dict:
    """Development settings, for seeding and for the in-process tools (profile.py, search.py)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "BENCH_DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.dev",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_CONN_MAX_AGE": "600",
        "DJANGO_LOG_LEVEL": "WARNING",
        # The benchmark measures the API, not its rate limits (an empty rate is no limit).
        "API_THROTTLE_ANON": "",
        "API_THROTTLE_USER": "",
        "REDIS_URL": "",
        # Both servers plan each query shape once (psycopg's prepared statements), or neither.
        "DATABASE_PREPARED_STATEMENTS": "true" if prepared else "false",
    }


def deployed_environment(database_url: str, args) -> dict:
    """What docker-compose.yml gives the web service, but for the rate limits (off)."""
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "BENCH_DATABASE_URL": database_url,
        "DJANGO_CONN_MAX_AGE": "60",
        "DATABASE_PREPARED_STATEMENTS": "false" if args.no_prepared_statements else "true",
        "REDIS_URL": args.redis_url,
        "FORWARDED_ALLOW_IPS": HOST,
        "API_THROTTLE_ANON": "",
        "API_THROTTLE_USER": "",
    }
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    if args.gunicorn_threads:
        env["GUNICORN_THREADS"] = str(args.gunicorn_threads)
    return env


def seed(env: dict, partnerships: int):
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    started = time.monotonic()
    subprocess.run([*manage, "seed_demo", "--partnerships", str(partnerships)], env=env,
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("ANALYZE")
    return time.monotonic() - started


def collectstatic(env: dict):
    """The production settings serve static files from a manifest, as the Dockerfile builds."""
    subprocess.run([PYTHON, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
                   env=env, check=True, cwd=ROOT)


def prepare_in_process(env: dict) -> tuple[str, str]:
    """A fresh read-only token of the demo analyst (older benchmark tokens revoked), and the
    SQL the export sends for its rows, with its parameters in place (captured anonymously)."""
    os.environ.update({**env, "DATABASE_PREPARED_STATEMENTS": "false",
                       "DJANGO_ALLOWED_HOSTS": "testserver"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from knox.models import AuthToken

    from actors.models import User
    from core.api.tokens import token_create

    analyst = User.objects.get(username=ANALYST)
    AuthToken.objects.filter(user=analyst, details__name=TOKEN_NAME).delete()
    _token, key = token_create(user=analyst, name=TOKEN_NAME, expiry_days=1)

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(EXPORT)
        assert response.status_code == 200, response
        for _ in response.streaming_content:
            pass
        response.close()
    # The rows come through a server-side cursor: "DECLARE <name> NO SCROLL CURSOR FOR SELECT".
    rows = next(q["sql"] for q in queries.captured_queries if " CURSOR FOR SELECT " in q["sql"])
    connection.close()
    return key, rows.split(" CURSOR FOR ", 1)[1]


@contextmanager
def serve(env: dict, workers: int):
    """The app and the baseline with gunicorn's sync workers (bench/search.py)."""
    common = ["--workers", str(workers), "--worker-class", "sync", "--log-level", "warning"]
    servers = [
        subprocess.Popen([GUNICORN, *common, "--bind", f"{HOST}:{APP_PORT}",
                          "efus_ppp.wsgi:application"], env=env, cwd=ROOT),
        subprocess.Popen([GUNICORN, *common, "--bind", f"{HOST}:{BASELINE_PORT}",
                          "--chdir", str(ROOT / "bench"), "baseline:application"], env=env,
                         cwd=ROOT),
    ]
    try:
        for port in (APP_PORT, BASELINE_PORT):
            wait_for(f"http://{HOST}:{port}{LIST}")
        yield
    finally:
        _stop(servers)


@contextmanager
def serve_deployed(env: dict, log):
    """Both servers with the project's gunicorn configuration; access logs are discarded (in
    production they go to the container's log), errors go to ``log``."""
    config = ["--config", str(ROOT / "efus_ppp" / "gunicorn.conf.py")]
    servers = [
        subprocess.Popen([GUNICORN, *config, "efus_ppp.wsgi:application"],
                         env={**env, "GUNICORN_BIND": f"{HOST}:{APP_PORT}"}, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=log),
        subprocess.Popen([GUNICORN, *config, "--chdir", str(ROOT / "bench"),
                          "baseline:application"],
                         env={**env, "GUNICORN_BIND": f"{HOST}:{BASELINE_PORT}"}, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=log),
    ]
    try:
        for port in (APP_PORT, BASELINE_PORT):
            wait_for(f"http://{HOST}:{port}{LIST}", PROXY_HEADERS)
        yield
    finally:
        _stop(servers)


def _stop(servers):
    for server in servers:
        server.send_signal(signal.SIGTERM)
    for server in servers:
        server.wait(timeout=60)


def wait_for(url: str, headers: dict | None = None, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while True:
        try:
            request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310 (loopback only)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    reader: str  # "anonymous" or "analyst"
    baseline: bool = True

    @property
    def label(self) -> str:
        return self.name if self.reader == "anonymous" else f"{self.name}, analyst's token"


def scenarios(database_url: str, deep_offset: int, readers: list[str], pages: bool) -> list:
    """The first page, a deep page reached by cursor, a filtered list, three searches (a common
    word, a word of every row, a word of one row), one partnership's detail, the first pages of
    organisations, goals, rules and contributions; the API's root, which sends no query; then
    the public pages."""
    with psycopg.connect(database_url) as connection:
        deep_id = connection.execute(
            "SELECT id FROM partnerships_partnership WHERE status = ANY(%s) "
            "ORDER BY id DESC OFFSET %s LIMIT 1", [list(PUBLISHED), deep_offset],
        ).fetchone()[0]
        detail_id = connection.execute(
            "SELECT id FROM partnerships_partnership WHERE status = 'active' ORDER BY id DESC "
            "LIMIT 1"
        ).fetchone()[0]
    # The app's cursor: the ordering and the last row's position (here "-pk" and an id).
    sys.path.insert(0, str(ROOT / "bench"))
    from baseline import encode_cursor

    api = [
        ("list, first page", LIST),
        (f"list, deep page (after {deep_offset:,} rows)", f"{LIST}?cursor={encode_cursor(deep_id)}"),
        ("filtered list (status=active, country=DE)", f"{LIST}?status=active&country=DE"),
        ("search, common word (q=lighting)", f"{LIST}?q=lighting"),
        ("search, word of every row (q=synthetic)", f"{LIST}?q=synthetic"),
        ("search, word of one row (q=éclairage)", f"{LIST}?q={quote('éclairage')}"),
        ("detail", f"{LIST}{detail_id}/"),
        ("organisations, first page", "/api/v1/organisations/"),
        ("goals, first page", "/api/v1/goals/"),
        ("rules, first page", "/api/v1/rules/"),
        ("contributions, first page", "/api/v1/contributions/"),
    ]
    found = [Scenario(name, path, reader) for reader in readers for name, path in api]
    # No query, no serializer: what Django, DRF and the middleware cost by themselves.
    found.append(Scenario("API root (no query)", "/api/v1/", "anonymous", False))
    if pages:
        found += [
            Scenario("public register page", "/partnerships/public/", "anonymous", False),
            Scenario("public partnership page", f"/partnerships/public/{detail_id}/",
                     "anonymous", False),
        ]
    return found


def fetch(port: int, path: str, headers: dict) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def check_answers(found: list, headers: dict):
    """The same bytes from both servers for every scenario with a baseline; 200 everywhere."""
    for scenario in found:
        status, app = fetch(APP_PORT, scenario.path, headers[scenario.reader])
        if status != 200:
            raise SystemExit(f"{scenario.label}: the app answered {status} for {scenario.path}")
        if not scenario.baseline:
            continue
        status, baseline = fetch(BASELINE_PORT, scenario.path, headers[scenario.reader])
        if app != baseline:
            at = next((i for i, (a, b) in enumerate(zip(app, baseline, strict=False)) if a != b),
                      min(len(app), len(baseline)))
            raise SystemExit(
                f"The baseline's answer differs from the app's for {scenario.label} "
                f"({scenario.path}) at byte {at}:\n app:      {app[max(0, at - 80):at + 80]}\n"
                f" baseline: {baseline[max(0, at - 80):at + 80]}"
            )
        data = json.loads(app)
        if not data.get("results", [data]):
            raise SystemExit(f"No rows for {scenario.label}: the data set is not the benchmark's.")


def wrk(url: str, seconds: int, connections: int, threads: int,
        headers: dict | None = None, timeout: int = 2, *, fresh: bool = False) -> dict:
    """One slice of load; a request slower than ``timeout`` seconds counts as a timeout, not
    in the latencies. ``fresh``: every request asks a new address (``bench/fresh.lua``), so
    that none is answered from what the app keeps."""
    options = [item for name, value in (headers or {}).items()
               for item in ("-H", f"{name}: {value}")]
    if fresh:
        options += ["-s", str(ROOT / "bench" / "fresh.lua")]
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s",
         "--latency", *options, url],
        check=True, capture_output=True, text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# How each server's processes are told apart in /proc (their gunicorn command lines).
SERVER_MARKS = {"app": b"efus_ppp.wsgi:application", "baseline": b"baseline:application"}


def cpu_seconds() -> dict:
    """The CPU time (user and system) used so far by each process of each server, and of
    PostgreSQL: ``{owner: {pid: seconds}}``."""
    used = {owner: {} for owner in (*SERVER_MARKS, "database")}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        owner = next((name for name, mark in SERVER_MARKS.items() if mark in command), None)
        if owner is None and command.startswith(b"postgres"):
            owner = "database"
        if owner:
            used[owner][pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return used


def cpu_between(before: dict, after: dict, owner: str) -> float:
    """Seconds of CPU ``owner``'s processes used between two readings. Per request it is
    steadier than the throughput on a shared machine: time taken by other work slows a slice
    down but is not counted. A process that ended in between is left out (a worker replaced,
    a connection closed): its last moments are not counted, rather than its whole life
    subtracted."""
    return sum(seconds - before[owner].get(pid, 0.0) for pid, seconds in after[owner].items())


def drain(database_url: str, timeout: float = 120):
    """Wait until the database runs none of the servers' queries: a slow route's requests go on
    after wrk has left (the server finishes them), and would otherwise weigh on the next slice."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(database_url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            busy = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state <> 'idle' AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).fetchone()[0]
            if not busy:
                return
            time.sleep(0.2)


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def time_export(path: str, headers: dict) -> dict:
    """Seconds to the first byte (the CSV's header line), to the first row, and to the end."""
    connection = http.client.HTTPConnection(HOST, APP_PORT, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    first_byte = first_row = None
    size = lines = 0
    while chunk := response.read1(1 << 16):
        now = time.perf_counter()
        if first_byte is None:
            first_byte = now - started
        size += len(chunk)
        lines += chunk.count(b"\n")
        if first_row is None and lines >= 2:
            first_row = now - started
    total = time.perf_counter() - started
    connection.close()
    return {"first_byte": first_byte, "first_row": first_row, "total": total, "bytes": size,
            "rows": lines - 1}


def time_copy(database_url: str, sql: str) -> dict:
    """``COPY`` of the export's SELECT to psql's standard output, with JIT off as the export
    turns it off; the time includes psql's start and connection."""
    started = time.perf_counter()
    output = subprocess.run(
        ["psql", "-X", "-q", "-d", database_url, "-c", "SET jit = off",
         "-c", f"COPY ({sql}) TO STDOUT WITH CSV HEADER"],
        check=True, capture_output=True,
    ).stdout
    return {"total": time.perf_counter() - started, "bytes": len(output),
            "rows": output.count(b"\n") - 1}


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    with psycopg.connect(os.environ["BENCH_DATABASE_URL"]) as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    return (f"{cpu}, {os.cpu_count()} CPUs, {memory} GiB RAM; {platform.platform()}; "
            f"Python {platform.python_version()}; PostgreSQL {postgres}")


def _spread(values: list[float], digits: int) -> str:
    """The median, and the lowest and highest of the rounds."""
    if len(values) == 1:
        return f"{values[0]:,.{digits}f}"
    return (f"{statistics.median(values):,.{digits}f} "
            f"({min(values):,.{digits}f}–{max(values):,.{digits}f})")


def _cells(measured: list[dict]) -> list[str]:
    answered = [m for m in measured if m["requests"]]
    rps = [m["rps"] for m in measured]
    cells = [_spread(rps, 1 if max(rps) < 10 else 0)]
    if len(answered) < len(measured):
        cells[0] += f", {len(measured) - len(answered)} with no answer"
    if not answered:
        return [*cells, "–", "–"]
    return [*cells, _spread([m["p50"] for m in answered], 1),
            _spread([m["p99"] for m in answered], 1)]


def _cpu(measured: list[dict]) -> str:
    """The median CPU time per request of the server, and of PostgreSQL, over the rounds."""
    return (f"{statistics.median(m['cpu'] for m in measured):.2f} + "
            f"{statistics.median(m['database_cpu'] for m in measured):.2f}")


def _load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def report(args, found, rounds, exports, copies, seeding, load_before):
    print(f"\nMachine: {machine()}")
    print(f"Load average (1, 5, 15 min): {load_before} before, {_load()} after the measurements.")
    gunicorn = "gunicorn -c efus_ppp/gunicorn.conf.py (gthread"
    gunicorn += f", {args.workers} workers" if args.workers else ", WEB_CONCURRENCY default"
    gunicorn += (f", {args.gunicorn_threads} threads" if args.gunicorn_threads
                 else ", GUNICORN_THREADS default")
    print(f"Data: {args.partnerships:,} synthetic partnerships (seed_demo, {seeding:.0f} s this "
          f"run); wrk -t{args.threads} -c{args.connections} -d{args.seconds}s "
          f"--timeout {args.timeout}s, {args.rounds} interleaved rounds; each cell: median "
          f"(min–max of the rounds); API / baseline: "
          f"ratio of the median req/s. Both servers: {gunicorn}), production settings, "
          f"CONN_MAX_AGE=60, prepared statements "
          f"{'off' if args.no_prepared_statements else 'on'}, throttling off, "
          f"cache {'Redis' if args.redis_url else 'none (nothing kept)'}"
          f"{'; every request to the app a new address (--fresh)' if args.fresh else ''}.\n")
    print("| scenario | API req/s | API p50 ms | API p99 ms | baseline req/s | baseline p50 ms "
          "| baseline p99 ms | API / baseline | CPU ms per request: API + database "
          "| baseline + database |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    timeouts = []
    for scenario in found:
        app = rounds[(scenario, "app")]
        cells = [scenario.label, *_cells(app)]
        base = rounds.get((scenario, "baseline"))
        if base:
            base_rps = statistics.median(m["rps"] for m in base)
            ratio = statistics.median(m["rps"] for m in app) / base_rps if base_rps else None
            cells += [*_cells(base), f"{ratio:.2f}" if ratio is not None else "–"]
        else:
            cells += ["–", "–", "–", "–"]
        cells += [_cpu(app), _cpu(base) if base else "–"]
        print("| " + " | ".join(cells) + " |")
        for server, measured in (("app", app), ("baseline", base or [])):
            if sum(m["timeouts"] for m in measured):
                timeouts.append(f"{scenario.label} ({server}): "
                                f"{sum(m['timeouts'] for m in measured)}")
    if timeouts:
        print(f"\nwrk timeouts (requests over {args.timeout} s, not in the latencies): "
              f"{'; '.join(timeouts)}")
    for reader in ("anonymous", "analyst"):
        first = [s for s in found if s.reader == reader and s.name == "list, first page"]
        deep = [s for s in found if s.reader == reader and s.name.startswith("list, deep")]
        if first and deep:
            ratio = (statistics.median(m["p50"] for m in rounds[(deep[0], "app")])
                     / statistics.median(m["p50"] for m in rounds[(first[0], "app")]))
            print(f"\nDeep page p50 / first page p50 ({reader}): {ratio:.2f}")
    if exports:
        rows = exports[0]["rows"]
        print(f"\n`export.csv`, anonymous ({rows:,} published partnerships, "
              f"{exports[0]['bytes'] / 1e6:.1f} MB), beside `COPY (<its SELECT>) TO STDOUT WITH "
              f"CSV HEADER` through psql ({copies[0]['rows']:,} rows, "
              f"{copies[0]['bytes'] / 1e6:.1f} MB), one of each per round:\n")
        print("| | first byte s | first row s | whole file s |")
        print("| --- | ---: | ---: | ---: |")
        print(f"| `export.csv` | {_spread([e['first_byte'] for e in exports], 3)} "
              f"| {_spread([e['first_row'] for e in exports], 3)} "
              f"| {_spread([e['total'] for e in exports], 2)} |")
        print(f"| `COPY`, jit off | | | {_spread([c['total'] for c in copies], 2)} |")
        ratio = (statistics.median(e["total"] for e in exports)
                 / statistics.median(c["total"] for c in copies))
        print(f"\nWhole export / COPY (medians): {ratio:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=4, help="per scenario, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--timeout", type=int, default=10,
                        help="seconds after which wrk counts a request as a timeout")
    parser.add_argument("--workers", type=int, help="gunicorn workers per server "
                        "(WEB_CONCURRENCY; the configuration's default otherwise)")
    parser.add_argument("--gunicorn-threads", type=int, help="threads per worker "
                        "(GUNICORN_THREADS; the configuration's default otherwise)")
    parser.add_argument("--deep-offset", type=int, default=60_000)
    parser.add_argument("--no-prepared-statements", action="store_true",
                        help="plan every query anew in both servers (Django's default)")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", ""),
                        help="the app's cache, as deployed (default: BENCH_REDIS_URL, or none)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="measure only the scenarios whose name contains TEXT (repeatable)")
    parser.add_argument("--no-analyst", action="store_true", help="anonymous requests only")
    parser.add_argument("--no-pages", action="store_true", help="skip the public pages")
    parser.add_argument("--no-export", action="store_true", help="skip export.csv and COPY")
    parser.add_argument("--fresh", action="store_true",
                        help="every request to the app asks a new address (an ignored parameter),"
                             " so none is answered from the responses it keeps")
    args = parser.parse_args()
    for tool in ("wrk", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install wrk postgresql-client")
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url or not database_url.startswith("postgres"):
        raise SystemExit("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill.")

    seeding = seed(environment(database_url, prepared=False), args.partnerships)
    deployed = deployed_environment(database_url, args)
    collectstatic(deployed)
    key, export_sql = prepare_in_process(environment(database_url, prepared=False))
    readers = ["anonymous"] if args.no_analyst else ["anonymous", "analyst"]
    found = [s for s in scenarios(database_url, args.deep_offset, readers, not args.no_pages)
             if not args.only or any(text in s.label for text in args.only)]
    headers = {"anonymous": PROXY_HEADERS,
               "analyst": {**PROXY_HEADERS, "Authorization": f"Token {key}"}}
    targets = [(s, "app", APP_PORT) for s in found]
    targets += [(s, "baseline", BASELINE_PORT) for s in found if s.baseline]
    slices = len(targets) * args.rounds * args.seconds + len(targets)
    print(f"{len(found)} scenarios, {len(targets)} servers x scenarios: about "
          f"{slices / 60:.0f} min of wrk, plus {'no ' if args.no_export else ''}exports.",
          file=sys.stderr)
    rounds = {(s, server): [] for s, server, _ in targets}
    exports, copies = [], []
    load_before = _load()
    with tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log",
                                     delete=False) as log, \
            tempfile.NamedTemporaryFile("w", prefix="bench-slices-", suffix=".jsonl",
                                        delete=False) as slices, \
            serve_deployed(deployed, log):
        check_answers(found, headers)
        for scenario, _, port in targets:  # warm up every worker's connection and caches
            wrk(f"http://{HOST}:{port}{scenario.path}", 1, 2, 1, headers[scenario.reader],
                args.timeout)
            drain(database_url)
        # Round robin over every (scenario, server) pair, so that a change in the machine's
        # load during the run touches the app and the baseline alike.
        for number in range(args.rounds):
            for scenario, server, port in targets:
                before = cpu_seconds()
                started = time.time()
                measured = wrk(
                    f"http://{HOST}:{port}{scenario.path}", args.seconds, args.connections,
                    args.threads, headers[scenario.reader], args.timeout,
                    fresh=args.fresh and server == "app",
                )
                drain(database_url)  # the slice's last queries count with it
                after = cpu_seconds()
                requests = max(measured["requests"], 1)
                measured["cpu"] = cpu_between(before, after, server) * 1000 / requests
                measured["database_cpu"] = cpu_between(before, after, "database") * 1000 / requests
                # A worker replaced during the slice (gunicorn's max_requests) starts cold.
                measured.update(started=started, ended=time.time(),
                                new_processes=len(after[server].keys() - before[server].keys()))
                rounds[(scenario, server)].append(measured)
                slices.write(json.dumps({"scenario": scenario.label, "server": server,
                                         "round": number + 1, **measured}) + "\n")
                slices.flush()
            if not args.no_export:
                exports.append(time_export(EXPORT, PROXY_HEADERS))
                copies.append(time_copy(database_url, export_sql))
            print(f"round {number + 1} of {args.rounds} done, load average {_load()}",
                  file=sys.stderr)
    print(f"gunicorn's log: {log.name}; each slice, with its times (Unix time): "
          f"{slices.name}", file=sys.stderr)
    report(args, found, rounds, exports, copies, seeding, load_before)


if __name__ == "__main__":
    main()
