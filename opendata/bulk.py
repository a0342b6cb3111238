"""The bulk OCDS file of the whole register: a gzip-compressed record package, written to a
temporary file and moved into place, so that readers never see half a file."""

import gzip
import os
import tempfile
from pathlib import Path

from django.conf import settings

from .packages import record_package

BULK_NAME = "ocds-records.json.gz"


def bulk_path() -> Path:
    return Path(settings.OPENDATA_ROOT) / BULK_NAME


def bulk_write(*, path: Path | None = None) -> Path:
    path = path or bulk_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    base = settings.REGISTRY_BASE_URL.rstrip("/")
    chunks = record_package(
        f"{base}/open-data/{BULK_NAME}", release_package_uri=f"{base}/api/v1/ocds/releases/"
    )
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ocds-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as out:
            for chunk in chunks:
                out.write(chunk)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
