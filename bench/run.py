"""Benchmark of the partnership API against a raw-psycopg baseline, on loopback, in one run.

1. migrates the PostgreSQL database in BENCH_DATABASE_URL and brings it to N synthetic
   partnerships with ``manage.py seed_demo --partnerships N`` (idempotent: a second run adds none);
2. serves the app and ``bench/baseline.py`` with gunicorn on 127.0.0.1, same workers for both;
3. checks that both answer the same JSON for every list scenario;
4. measures each scenario with wrk in short slices, round robin over scenarios and servers so
   that the machine's other load weighs on both alike, and prints a Markdown table.

Anonymous requests, as the public and a first-time analyst make them; the lists show published
partnerships, 50 per page. Run by hand, not in CI:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_bench .venv/bin/python bench/run.py
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
APP_PORT, BASELINE_PORT = 8101, 8102
LIST = "/api/v1/partnerships/"
PUBLISHED = ("active", "suspended", "concluded", "terminated")


def environment(database_url: str, prepared: bool) -> dict:
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


def seed(env: dict, partnerships: int):
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    started = time.monotonic()
    subprocess.run([*manage, "seed_demo", "--partnerships", str(partnerships)], env=env,
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("ANALYZE")
    return time.monotonic() - started


@contextmanager
def serve(env: dict, workers: int):
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    common = ["--workers", str(workers), "--worker-class", "sync", "--log-level", "warning"]
    servers = [
        subprocess.Popen([gunicorn, *common, "--bind", f"{HOST}:{APP_PORT}",
                          "efus_ppp.wsgi:application"], env=env, cwd=ROOT),
        subprocess.Popen([gunicorn, *common, "--bind", f"{HOST}:{BASELINE_PORT}",
                          "--chdir", str(ROOT / "bench"), "baseline:application"], env=env,
                         cwd=ROOT),
    ]
    try:
        for port in (APP_PORT, BASELINE_PORT):
            wait_for(f"http://{HOST}:{port}{LIST}")
        yield
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)


def wait_for(url: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback only)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def fetch(port: int, path: str):
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=30) as response:
        return json.load(response)


def scenarios(database_url: str, deep_offset: int) -> dict:
    """The URLs to measure: the first page, a deep page reached by cursor, a filtered list, a
    search, one partnership's detail and the first page of organisations."""
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

    return {
        "list, first page": f"{LIST}",
        f"list, deep page (after {deep_offset:,} rows)": f"{LIST}?cursor={encode_cursor(deep_id)}",
        "filtered list (status=active, country=DE)": f"{LIST}?status=active&country=DE",
        "search (q=lighting)": f"{LIST}?q=lighting",
        "detail": f"{LIST}{detail_id}/",
        "organisations, first page": "/api/v1/organisations/",
    }


def normalised(data):
    """Links differ only by the server's port and the order of query parameters."""
    def link(url):
        if url is None:
            return None
        parts = urlsplit(url)
        return parts.path, sorted(parse_qs(parts.query).items())

    if "results" not in data:  # a detail
        return {**data, "url": urlsplit(data["url"]).path}
    rows = [{**row, "url": urlsplit(row["url"]).path} for row in data["results"]]
    return link(data["next"]), link(data["previous"]), rows


def check_same_json(urls: dict):
    for name, path in urls.items():
        app, baseline = fetch(APP_PORT, path), fetch(BASELINE_PORT, path)
        if normalised(app) != normalised(baseline):
            raise SystemExit(f"The baseline's JSON differs from the app's for {name}: {path}")
        if not app.get("results", [app]):
            raise SystemExit(f"No rows for {name}: the data set is not the benchmark's.")


def wrk(url: str, seconds: int, connections: int, threads: int) -> dict:
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
    }


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=6, help="per scenario, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--deep-offset", type=int, default=60_000)
    parser.add_argument("--no-prepared-statements", action="store_true",
                        help="plan every query anew in both servers (Django's default)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url or not database_url.startswith("postgres"):
        raise SystemExit("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill.")
    env = environment(database_url, prepared=not args.no_prepared_statements)

    seeding = seed(env, args.partnerships)
    urls = scenarios(database_url, args.deep_offset)
    targets = [(name, "app", f"http://{HOST}:{APP_PORT}{path}") for name, path in urls.items()]
    targets += [(name, "baseline", f"http://{HOST}:{BASELINE_PORT}{path}")
                for name, path in urls.items()]
    rounds = {target: [] for target in targets}
    with serve(env, args.workers):
        check_same_json(urls)
        for _, _, url in targets:
            wrk(url, 2, 2, 1)  # warm up every worker's connection and caches
        # Round robin over every (scenario, server) pair, so that a change in the machine's
        # load during the run touches the app and the baseline alike.
        for _ in range(args.rounds):
            for target in targets:
                rounds[target].append(
                    wrk(target[2], args.seconds, args.connections, args.threads)
                )
    results = {}
    for (name, server, _), measured in rounds.items():
        results.setdefault(name, {})[server] = {
            "rps": statistics.fmean(m["rps"] for m in measured),
            "p50": statistics.median(m["p50"] for m in measured),
            "p99": statistics.median(m["p99"] for m in measured),
        }

    print(f"\nMachine: {machine()}")
    print(f"Data: {args.partnerships:,} synthetic partnerships (seed_demo, {seeding:.0f} s this run); "
          f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, {args.rounds} rounds "
          f"per line (req/s: mean; latencies: median of the rounds); gunicorn "
          f"{args.workers} sync workers per server; prepared statements "
          f"{'off' if args.no_prepared_statements else 'on'} in both.\n")
    print("| scenario | API req/s | API p50 ms | API p99 ms | baseline req/s | baseline p50 ms "
          "| baseline p99 ms | API / baseline |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, measured in results.items():
        app, base = measured["app"], measured.get("baseline")
        cells = [name, f"{app['rps']:.0f}", f"{app['p50']:.1f}", f"{app['p99']:.1f}"]
        if base:
            cells += [f"{base['rps']:.0f}", f"{base['p50']:.1f}", f"{base['p99']:.1f}",
                      f"{app['rps'] / base['rps']:.2f}"]
        else:
            cells += ["–", "–", "–", "–"]
        print("| " + " | ".join(cells) + " |")
    first, deep = results["list, first page"]["app"], next(
        value["app"] for key, value in results.items() if key.startswith("list, deep"))
    print(f"\nDeep page p50 / first page p50: {deep['p50'] / first['p50']:.2f}")


if __name__ == "__main__":
    main()
