"""``manage.py backup`` and ``manage.py restore``: the database and the uploaded files leave
together and come back together, checked row by row and file by file."""

import io
import sqlite3
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from calls.models import Attachment, ExpressionOfInterest
from core.backup import counts_in, media_checksums, read_manifest, table_counts
from core.pagecache import data_version
from tests.calls.pdf import small_pdf

pytestmark = pytest.mark.django_db(transaction=True)

RESTORE_DATABASE = "efus_retries_restore"


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files on disk, as in production (the tests otherwise keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT


@pytest.fixture
def target(tmp_path):
    """A fresh database to restore into, named as a database URL."""
    if connection.vendor == "postgresql":
        import psycopg

        config = connection.settings_dict
        with psycopg.connect(host=config["HOST"], port=config["PORT"] or 5432,
                             user=config["USER"], dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DATABASE}"')
            admin.execute(f'CREATE DATABASE "{RESTORE_DATABASE}"')
        user = config["USER"] or "postgres"
        yield (f"postgres://{user}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/"
               f"{RESTORE_DATABASE}")
        connection.close()
        with psycopg.connect(host=config["HOST"], port=config["PORT"] or 5432,
                             user=config["USER"], dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DATABASE}" WITH (FORCE)')
    else:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"


def config_of(url: str) -> dict:
    import environ

    return environ.Env.db_url_config(url)


def test_a_backup_restores_the_same_rows_and_files(media, target, tmp_path):
    call_command("seed_demo", stdout=StringIO())
    eoi = ExpressionOfInterest.objects.order_by("pk").first()
    attachment = Attachment(expression_of_interest=eoi, original_name="offer.pdf",
                            size=len(small_pdf()))
    attachment.file.save("upload.pdf", ContentFile(small_pdf("Backed up")), save=False)
    attachment.save()
    rows, files = table_counts(), media_checksums(media)
    # The attachment and the demo partnerships' documents.
    assert rows["calls_attachment"] == 1
    assert len(files) == 1 + rows["partnerships_document"] > 1
    assert rows["partnerships_partnership"] > 10

    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    manifest = read_manifest(archive)
    restored_media = tmp_path / "restored-media"
    version = data_version()
    call_command("restore", str(archive), "--database-url", target,
                 "--media-root", str(restored_media), stdout=StringIO())

    assert data_version() != version  # what servers kept from before is not answered again
    assert manifest["table_rows"] == rows
    assert counts_in(config_of(target)) == rows
    assert media_checksums(restored_media) == files
    restored_file = restored_media / attachment.file.name
    assert restored_file.read_bytes() == small_pdf("Backed up")


def test_a_database_with_planner_statistics_backs_up_and_restores(media, target, tmp_path):
    """ANALYZE writes the database's own statistics (SQLite keeps them in ``sqlite_stat1``, a
    table of its own): they are not registry rows, and the restore's check does not count them."""
    call_command("seed_demo", stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    rows = table_counts()
    assert not [table for table in rows if table.startswith("sqlite_")]

    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    call_command("restore", out.getvalue().strip(), "--database-url", target,
                 "--media-root", str(tmp_path / "restored-media"), stdout=StringIO())

    assert counts_in(config_of(target)) == rows


def test_a_damaged_archive_is_refused_and_restores_nothing(media, target, tmp_path):
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media.tar":
                data = data[:-1] + b"!"
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(damaged), "--database-url", target,
                     "--media-root", str(tmp_path / "nothing"), stdout=StringIO())
    assert not counts_in(config_of(target))


def test_restore_refuses_a_database_that_holds_tables(media, tmp_path):
    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    occupied = tmp_path / "occupied.sqlite3"
    with sqlite3.connect(occupied) as database:
        database.execute("CREATE TABLE kept (id integer)")

    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", out.getvalue().strip(), "--database-url",
                     f"sqlite:///{occupied}", stdout=StringIO())
