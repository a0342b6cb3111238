from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Write one archive holding the database (pg_dump, or SQLite's backup API) and the "
            "uploaded files (MEDIA_ROOT), with a manifest of checksums and row counts.")

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Where to write the archive.")
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, directory, database, **options):
        try:
            archive = backup(directory, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
