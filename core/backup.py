"""Backups that hold the database and the uploaded files together, and their restore.

An archive is one tar file:

- ``database.dump``: ``pg_dump`` in custom format (PostgreSQL), or ``database.sqlite3``: a copy
  made with SQLite's online backup API;
- ``media.tar``: every file under ``MEDIA_ROOT`` (the attachments, which live outside the
  database);
- ``manifest.json``: when and from what it was made, the SHA-256 and size of both members, the
  SHA-256 of every uploaded file, and the number of rows of every table, which the restore
  checks.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media.tar"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_checksums(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``root``, by path relative to it."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): sha256_of(path)
        for path in sorted(root.rglob("*")) if path.is_file()
    }


# Databases -----------------------------------------------------------------------------------


def vendor_of(config: dict) -> str:
    engine = config["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite" in engine:
        return "sqlite"
    raise BackupError(f"No backup procedure for {engine}.")


def _pg_arguments(config: dict) -> tuple[list[str], dict]:
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            arguments += [option, str(config[key])]
    env = {**os.environ}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return arguments, env


def _run(command: list[str], env: dict):
    result = subprocess.run(  # noqa: S603 (fixed programs, arguments from the settings)
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def table_counts(alias: str = "default") -> dict[str, int]:
    """Rows per table of the registry; SQLite's own tables (``sqlite_stat1``, which ANALYZE
    writes) are the engine's, not data, and a restore does not bring them back."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return {
            table: _count(cursor, connection.ops.quote_name(table))
            for table in sorted(tables) if not table.startswith("sqlite_")
        }


def _count(cursor, quoted: str) -> int:
    cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 (a table name, quoted)
    return cursor.fetchone()[0]


def dump_database(alias: str, target: Path):
    connection = connections[alias]
    config = connection.settings_dict
    vendor = vendor_of(config)
    if vendor == "postgresql":
        arguments, env = _pg_arguments(config)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", *arguments,
              "--file", str(target), config["NAME"]], env)
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()


def restore_database(config: dict, source: Path):
    """Load ``source`` into the database ``config`` names (a Django DATABASES entry)."""
    vendor = vendor_of(config)
    if vendor == "postgresql":
        arguments, env = _pg_arguments(config)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl",
              "--single-transaction", "--exit-on-error", *arguments, "--dbname", config["NAME"],
              str(source)], env)
    else:
        origin = sqlite3.connect(source)
        destination = sqlite3.connect(config["NAME"])
        try:
            origin.backup(destination)
        finally:
            origin.close()
            destination.close()


def counts_in(config: dict) -> dict[str, int]:
    """The rows of every table of the database ``config`` names, read without Django's ORM so
    that it may be any database, not only the configured one."""
    if vendor_of(config) == "postgresql":
        import psycopg

        with psycopg.connect(
            host=config.get("HOST") or None, port=config.get("PORT") or None,
            user=config.get("USER") or None, password=config.get("PASSWORD") or None,
            dbname=config["NAME"],
        ) as connection:
            tables = [row[0] for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )]
            return {
                table: connection.execute(
                    f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 (a table name, quoted)
                ).fetchone()[0]
                for table in sorted(tables)
            }
    connection = sqlite3.connect(config["NAME"])
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in sorted(tables)
        }
    finally:
        connection.close()


# Archives ------------------------------------------------------------------------------------


def backup(directory: Path, *, alias: str = "default", media_root: Path | None = None) -> Path:
    """Write an archive of the database ``alias`` and of ``MEDIA_ROOT`` into ``directory``."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    config = connections[alias].settings_dict
    vendor = vendor_of(config)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = directory / f"efus-backup-{stamp}.tar"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        dump = work / DUMPS[vendor]
        counts = table_counts(alias)
        dump_database(alias, dump)
        media = work / MEDIA
        with tarfile.open(media, "w") as tar:
            if media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file():
                        tar.add(path, arcname=path.relative_to(media_root).as_posix())
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": {"vendor": vendor, "name": str(config["NAME"])},
            "members": {
                member.name: {"sha256": sha256_of(member), "size": member.stat().st_size}
                for member in (dump, media)
            },
            "media_files": media_checksums(media_root),
            "table_rows": counts,
        }
        partial = archive.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(dump, arcname=dump.name)
            tar.add(media, arcname=MEDIA)
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial.rename(archive)
    return archive


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile(MANIFEST))


def restore(archive: Path, *, config: dict, media_root: Path) -> dict:
    """Check ``archive`` against its manifest, load its database into ``config`` and its files
    into ``media_root``; then check the rows and files restored. Returns the manifest."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("This archive was made by another version of the backup.")
        vendor = manifest["database"]["vendor"]
        if vendor != vendor_of(config):
            raise BackupError(f"This archive holds a {vendor} database.")
        for name, expected in manifest["members"].items():
            if sha256_of(work / name) != expected["sha256"]:
                raise BackupError(f"{name} does not match its checksum: the archive is damaged.")
        files = work / "media"
        with tarfile.open(work / MEDIA) as tar:
            tar.extractall(files, filter="data")
        if media_checksums(files) != manifest["media_files"]:
            raise BackupError("The uploaded files do not match their checksums.")
        restore_database(config, work / DUMPS[vendor])
        media_root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(files, media_root, dirs_exist_ok=True)
    restored = counts_in(config)
    if restored != manifest["table_rows"]:
        different = sorted(
            table for table in set(restored) | set(manifest["table_rows"])
            if restored.get(table) != manifest["table_rows"].get(table)
        )
        raise BackupError(f"Restored rows differ from the backup's in: {', '.join(different)}.")
    restored_files = media_checksums(media_root)
    if any(restored_files.get(path) != digest for path, digest in manifest["media_files"].items()):
        raise BackupError("Restored files differ from the backup's.")
    return manifest
