"""Release and record packages, written as a stream of bytes: a chunk of partnerships at a
time, so that memory does not grow with the register."""

import datetime
from collections.abc import Iterator

import orjson
from django.conf import settings
from django.utils import timezone

from .ocds import EXTENSIONS, OCDS_VERSION, record, releases
from .selectors import ocds_sources, published_ids


def _envelope(uri: str) -> dict:
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "extensions": EXTENSIONS,
        "publishedDate": timezone.now().astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
        "publisher": {"name": settings.OPENDATA_PUBLISHER, "uri": settings.REGISTRY_BASE_URL},
        "license": settings.OPENDATA_LICENSE_URL,
        "publicationPolicy": settings.REGISTRY_BASE_URL.rstrip("/") + "/open-data/",
    }


def _in_period(date: str, since: datetime.date | None, until: datetime.date | None) -> bool:
    day = date[:10]
    return (since is None or day >= since.isoformat()) and (until is None or day <= until.isoformat())


def _stream(uri: str, key: str, items: Iterator[dict], extra: dict | None = None) -> Iterator[bytes]:
    head = orjson.dumps({**_envelope(uri), **(extra or {})})
    yield head[:-1] + b',"' + key.encode() + b'":['
    first = True
    for item in items:
        yield (b"" if first else b",") + orjson.dumps(item)
        first = False
    yield b"]}"


def release_items(*, partnership_ids=None, since=None, until=None) -> Iterator[dict]:
    for ids in published_ids(partnership_ids=partnership_ids):
        for sources in ocds_sources(ids):
            for release in releases(sources):
                if _in_period(release["date"], since, until):
                    yield release


def record_items(*, partnership_ids=None, since=None, until=None) -> Iterator[dict]:
    for ids in published_ids(partnership_ids=partnership_ids):
        for sources in ocds_sources(ids):
            compiled = record(sources)
            if any(_in_period(r["date"], since, until) for r in compiled["releases"]):
                yield compiled


def release_package(uri: str, **filters) -> Iterator[bytes]:
    return _stream(uri, "releases", release_items(**filters))


def record_package(uri: str, *, release_package_uri: str, **filters) -> Iterator[bytes]:
    return _stream(uri, "records", record_items(**filters), {"packages": [release_package_uri]})
