"""Benchmark of the cooperation finder: the suggestions for one goal (organisations, projects
and calls, each ranked by the database) with a large projects register.

1. migrates the PostgreSQL database in BENCH_DATABASE_URL and brings it to the demo data plus N
   synthetic projects and N/10 standing offers (``seed_demo --projects N``, idempotent);
2. signs in as the demo coordinator and asks ``GET /api/v1/goals/<id>/suggestions/`` through
   Django's test client (the whole view: access, three ranked queries, serialisation), round
   robin over the demo goals, and prints the latency percentiles.

Run by hand, not in CI:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_finder_bench \
        .venv/bin/python bench/finder.py --projects 100000
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare(database_url: str, projects: int) -> float:
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": "",
           "DJANGO_SETTINGS_MODULE": "efus_ppp.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    started = time.monotonic()
    subprocess.run([*manage, "seed_demo", "--projects", str(projects)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def measure(rounds: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "efus_ppp.settings.dev")
    from django.db import connection
    from django.test import Client

    import efus_ppp.wsgi  # noqa: F401 (the app loaded and settled as gunicorn's workers load it)
    from actors.models import User
    from goals.models import Goal
    from projects.models import ContributionOffer, Project

    with connection.cursor() as cursor:  # fresh statistics after the bulk seeding
        cursor.execute("ANALYZE")
    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    goals = list(Goal.objects.order_by("pk").values_list("pk", flat=True))
    for goal in goals:  # warm the connection and the plans
        client.get(f"/api/v1/goals/{goal}/suggestions/")
    timings = []
    for number in range(rounds):
        goal = goals[number % len(goals)]
        started = time.perf_counter()
        response = client.get(f"/api/v1/goals/{goal}/suggestions/")
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
    timings.sort()
    return {
        "projects": Project.objects.count(),
        "offers": ContributionOffer.objects.count(),
        "goals": len(goals),
        "rounds": rounds,
        "p50": statistics.median(timings),
        "p90": timings[int(len(timings) * 0.9) - 1],
        "p99": timings[int(len(timings) * 0.99) - 1],
        "max": timings[-1],
        "postgres": connection.cursor().connection.info.server_version,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url or not database_url.startswith("postgres"):
        sys.exit("Set BENCH_DATABASE_URL to a PostgreSQL database (it will be filled).")
    seeding = prepare(database_url, args.projects)
    os.environ.update(DATABASE_URL=database_url, REDIS_URL="", DJANGO_ALLOWED_HOSTS="testserver",
                      DJANGO_DEBUG="false", DJANGO_LOG_LEVEL="WARNING", AXES_ENABLED="false")
    figures = measure(args.rounds)
    print(f"seed_demo --projects {args.projects}: {seeding:.0f} s")
    print(f"{figures['projects']:,} projects, {figures['offers']:,} offers, "
          f"{figures['goals']} goals, {figures['rounds']} requests, PostgreSQL "
          f"{figures['postgres']}")
    print(f"suggestions for one goal: p50 {figures['p50']:.1f} ms, p90 {figures['p90']:.1f} ms, "
          f"p99 {figures['p99']:.1f} ms, max {figures['max']:.1f} ms")


if __name__ == "__main__":
    main()
