"""Where an API request spends its CPU: routes asked in-process (Django's test client, no
server, no network), profiled with pyinstrument.

The figures do not depend much on the machine's other load: the SQL each request sends is
counted, the CPU time of this process (not the wall clock) is measured, and the profile's
shares are of this process's samples. For each route it prints the queries per request, the
CPU milliseconds per request (median of ``--rounds``), and the functions that take the most
time, by own time and by time including what they call.

Run by hand, on a database seeded as ``bench/run.py`` does:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_bench \\
        .venv/bin/python bench/profile.py [--requests 200] [--top 12] [route ...]
"""

import argparse
import itertools
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from run import ANALYST, environment  # noqa: E402

VIEW = "dispatch (rest_framework/views.py"
ROUTES = {
    "root": "/api/v1/",
    "organisations": "/api/v1/organisations/?page_size=100",
    "partnerships": "/api/v1/partnerships/?page_size=100",
    "partnership-detail": "/api/v1/partnerships/{partnership}/",
    "organisation-detail": "/api/v1/organisations/{organisation}/",
    "partnerships-export": "/api/v1/partnerships/export.csv",
    "goals": "/api/v1/goals/?page_size=100",
    "rules": "/api/v1/rules/?page_size=100",
    "rules-one-row": "/api/v1/rules/?page_size=1",
    "contributions": "/api/v1/contributions/?page_size=100",
}


def _paths(names: list[str]) -> dict[str, str]:
    from actors.models import Organisation
    from partnerships.models import Partnership

    ids = {
        "partnership": Partnership.objects.published().order_by("-id").values_list(
            "id", flat=True
        ).first(),
        "organisation": Organisation.objects.order_by("-id").values_list("id", flat=True).first(),
    }
    return {name: ROUTES[name].format(**ids) for name in names}


def _key(frame) -> str:
    return f"{frame.function} ({frame.file_path_short}:{frame.line_no})"


def _functions(frame, own, inclusive, seen=()):
    """Add each function's own time, and its time with what it calls (counted once when it
    recurses), to the two tallies. Only frames under the view count in the second: the chain
    of callers above it (client, handler, middleware) would head it at 100 %."""
    if frame.is_synthetic:
        return  # its time is its parent's own time, counted there
    key = _key(frame)
    own[key] += frame.total_self_time
    if seen or key.startswith(VIEW):
        seen = (*seen, key)
        if key not in seen[:-1]:
            inclusive[key] += frame.time
    for child in frame.children:
        _functions(child, own, inclusive, seen)


_asked = itertools.count()


def _get(client, path: str, fresh: bool = False):
    if fresh:  # a parameter the API ignores: a new address each time, so nothing kept answers
        path = f"{path}{'&' if '?' in path else '?'}n={next(_asked)}"
    response = client.get(path)
    assert response.status_code == 200, path
    if response.streaming:
        for _ in response.streaming_content:
            pass
    return response


def profile(client, path: str, requests: int, rounds: int, top: int, fresh: bool) -> str:
    from django.db import connection
    from pyinstrument import Profiler

    for _ in range(min(20, requests)):
        _get(client, path, fresh)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(
        sql, *args
    )):
        _get(client, path, fresh)
    cpu = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(requests):
            _get(client, path, fresh)
        cpu.append((time.process_time() - started) * 1000 / requests)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(requests):
        _get(client, path, fresh)
    profiler.stop()
    root = profiler.last_session.root_frame()
    own, inclusive = defaultdict(float), defaultdict(float)
    _functions(root, own, inclusive)
    lines = [f"## {path}", "",
             f"{len(queries)} queries per request; CPU "
             f"{statistics.median(cpu):.2f} ms per request (median of {rounds} rounds of "
             f"{requests}: {', '.join(f'{c:.2f}' for c in cpu)})", ""]
    for title, tally in (("own time", own), ("with what it calls", inclusive)):
        lines += [f"| {title} | % |", "| --- | ---: |"]
        for key, seconds in sorted(tally.items(), key=lambda item: -item[1])[:top]:
            lines.append(f"| `{key}` | {100 * seconds / root.time:.1f} |")
        lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("routes", nargs="*", help=f"some of: {', '.join(ROUTES)} (all by default)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--analyst", action="store_true",
                        help="ask with a read-only token of the demo analyst (made for the run)")
    parser.add_argument("--fresh", action="store_true",
                        help="a new address each request, so that no kept response answers")
    args = parser.parse_args()
    os.environ.update(environment(os.environ["BENCH_DATABASE_URL"], prepared=True))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.test import Client

    client = Client()
    if args.analyst:
        from actors.models import User
        from core.api.tokens import token_create

        analyst = User.objects.get(username=ANALYST)
        _token, key = token_create(user=analyst, name="profile", expiry_days=1)
        client = Client(headers={"Authorization": f"Token {key}"})
    for path in _paths(args.routes or list(ROUTES)).values():
        print(profile(client, path, args.requests, args.rounds, args.top, args.fresh))


if __name__ == "__main__":
    main()
