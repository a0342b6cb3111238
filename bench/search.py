"""Benchmark of the partnership search at 100 000 partnerships: the SQL alone, then the route.

1. migrates the PostgreSQL database in BENCH_DATABASE_URL and brings it to N synthetic
   partnerships, as ``bench/run.py`` does (``seed_demo --partnerships N``, idempotent);
2. asks the app (Django's test client, anonymous) for the first page of
   ``/api/v1/partnerships/?q=<words>`` and keeps the SQL it sends;
3. runs that SQL (the probe of the index, then the page query) again and again with psycopg
   and reports p50 and p99 of the pair (``--runs`` times, after a warm-up), with the page
   query's first scan;
4. unless ``--sql-only``, serves the app with gunicorn on 127.0.0.1 and loads each search URL
   with ``wrk`` (requests per second, p50 and p99).

Run by hand, not in CI:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_bench .venv/bin/python bench/search.py
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from run import APP_PORT, HOST, LIST, environment, machine, seed, serve, wrk  # noqa: E402

# (what the words stand for, the words): common words first, the target of the benchmark.
SEARCHES = [
    ("common word, 8 % of rows", "lighting"),
    ("common word, 37 % of rows", "night"),
    ("word of every row", "synthetic"),
    ("party name", "Sécurilux"),
    ("goal title, French stem, no accent", "securiser abords"),
    ("two common words", "night police"),
    ("word of one row", "éclairage"),
    ("word found nowhere", "mediation"),
]


def page_sql(env: dict, words: str) -> list[str]:
    """The SQL the API sends for the first page of ``q=words``: the probe of the index (see
    ``core.search``) and the page query."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(LIST, {"q": words})
    assert response.status_code == 200, response.content
    return [q["sql"] for q in queries.captured_queries]


def time_sql(database_url: str, statements: list[str], runs: int) -> dict:
    """p50 and p99 of the statements run one after the other; the page query's plan."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        plan = [row[0] for row in connection.execute(f"EXPLAIN {statements[-1]}").fetchall()]
        rows = len(connection.execute(statements[-1]).fetchall())
        for _ in range(max(5, runs // 20)):
            for sql in statements:
                connection.execute(sql).fetchall()
        durations = []
        for _ in range(runs):
            started = time.perf_counter()
            for sql in statements:
                connection.execute(sql).fetchall()
            durations.append((time.perf_counter() - started) * 1000)
    centiles = statistics.quantiles(durations, n=100, method="inclusive")
    scan = next(
        (re.sub(r"\s+\(cost.*", "", line).strip(" ->") for line in plan if "Scan" in line), "?"
    )
    return {"p50": centiles[49], "p99": centiles[98], "rows": rows, "scan": scan,
            "queries": len(statements)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=400, help="executions of each query")
    parser.add_argument("--sql-only", action="store_true", help="skip the gunicorn/wrk part")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url or not database_url.startswith("postgres"):
        raise SystemExit("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill.")
    env = environment(database_url, prepared=True)
    env["DJANGO_ALLOWED_HOSTS"] = f"{HOST},testserver"
    seed(env, args.partnerships)

    sql = {words: time_sql(database_url, page_sql(env, words), args.runs)
           for _, words in SEARCHES}
    served = {}
    if not args.sql_only:
        with serve(env, args.workers):
            urls = {words: f"http://{HOST}:{APP_PORT}{LIST}?{urlencode({'q': words})}"
                    for _, words in SEARCHES}
            for url in urls.values():
                wrk(url, 2, 2, 1)
            measured = {words: [] for words in urls}
            for _ in range(args.rounds):
                for words, url in urls.items():
                    measured[words].append(
                        wrk(url, args.seconds, args.connections, args.threads))
            served = {words: {key: statistics.median(m[key] for m in runs)
                              for key in ("rps", "p50", "p99")}
                      for words, runs in measured.items()}

    print(f"\nMachine: {machine()}")
    print(f"Data: {args.partnerships:,} synthetic partnerships; SQL: what the API sends for a "
          f"first page (anonymous, 50 rows: the probe and the page query), {args.runs} runs "
          f"on one connection after a warm-up; API: wrk -t{args.threads} "
          f"-c{args.connections} -d{args.seconds}s, "
          f"{args.rounds} rounds (medians), gunicorn {args.workers} sync workers, prepared "
          f"statements on.\n")
    print("| search | q | rows | queries | SQL p50 ms | SQL p99 ms | page query's first scan "
          "| API req/s | API p50 ms | API p99 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for label, words in SEARCHES:
        timed, api = sql[words], served.get(words)
        cells = [label, f"`{words}`", str(timed["rows"]), str(timed["queries"]),
                 f"{timed['p50']:.1f}",
                 f"{timed['p99']:.1f}", timed["scan"]]
        cells += ([f"{api['rps']:.0f}", f"{api['p50']:.1f}", f"{api['p99']:.1f}"] if api
                  else ["–", "–", "–"])
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
