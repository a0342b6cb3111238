"""Latency of the figures across partnerships (``/api/v1/stats/...``) on a large registry.

    createdb -h 127.0.0.1 -U postgres efus_analysts_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/efus_analysts_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py seed_demo --partnerships 100000
    psql "$DATABASE_URL" -c "VACUUM ANALYZE"  # what autovacuum does after a bulk load
    .venv/bin/python bench/stats.py --requests 200

Each scenario is requested in-process through Django's test client (the whole stack: URL
routing, authentication, filters, the grouped queries, JSON rendering; no network), after a few
warm-up requests; the script prints the p50, p95 and p99 wall-clock latencies in milliseconds.
Requests are made as the demo analyst (who reads every published partnership) and anonymously.
When the table of exchange rates is empty, the script first adds a rate per month from 2020 to
2026 for pounds (the synthetic partnerships' other currency) and five other currencies, so that
the conversion is part of what is measured.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "efus_ppp.settings.dev")
os.environ.setdefault("API_THROTTLE_ANON", "")
os.environ.setdefault("API_THROTTLE_USER", "")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from actors.models import User  # noqa: E402
from analytics.models import ExchangeRate  # noqa: E402
from partnerships.models import Partnership  # noqa: E402

SCENARIOS = [
    ("partnerships", "/api/v1/stats/partnerships/", {}),
    ("partnerships, by city filter", "/api/v1/stats/partnerships/", {"territory": "Lyon"}),
    ("contributions", "/api/v1/stats/contributions/", {}),
    ("contributions, filtered", "/api/v1/stats/contributions/",
     {"status": "active", "area": "intervention_projects"}),
    ("indicators", "/api/v1/stats/indicators/", {}),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


BENCH_CURRENCIES = {"GBP": "1.15", "CHF": "1.02", "SEK": "0.088", "PLN": "0.23", "CZK": "0.04",
                    "DKK": "0.134"}


def add_rates():
    """A rate per month and currency, drifting by a tenth of a percent a month."""
    if ExchangeRate.objects.exists():
        return
    ExchangeRate.objects.bulk_create(
        ExchangeRate(currency=currency, valid_from=datetime.date(year, month, 1),
                     rate_to_eur=Decimal(base) * (1 + Decimal(month + 12 * (year - 2020)) / 1000))
        for currency, base in BENCH_CURRENCIES.items()
        for year in range(2020, 2027)
        for month in range(1, 13)
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=5)
    options = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    add_rates()
    cities = list(Partnership.objects.values_list("territory", flat=True).distinct()[:1])
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"{Partnership.objects.count():,} partnerships; {options.requests} requests per line")
    print("| scenario | user | p50 ms | p95 ms | p99 ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    analyst = User.objects.get(username="analyst")
    for user_name, user in (("analyst", analyst), ("anonymous", None)):
        client = Client()
        if user:
            client.force_login(user)
        for name, url, params in SCENARIOS:
            if params.get("territory") and cities:
                params = {**params, "territory": cities[0]}
            for _ in range(options.warm_up):
                assert client.get(url, params).status_code == 200
            timings = []
            for _ in range(options.requests):
                start = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.content[:200]
            print(f"| {name} | {user_name} | {statistics.median(timings):.1f} | "
                  f"{percentile(timings, 0.95):.1f} | {percentile(timings, 0.99):.1f} |")


if __name__ == "__main__":
    main()
