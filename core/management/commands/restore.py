from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, counts_in, restore
from core.pagecache import bump


class Command(BaseCommand):
    help = ("Restore an archive made by `manage.py backup`: check its checksums, load the "
            "database and the uploaded files, then check the rows and files restored.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--database-url",
            help="Restore into this database (default: the configured one, DATABASE_URL). "
                 "PostgreSQL: the database must exist; create it empty first.",
        )
        parser.add_argument("--media-root", type=Path,
                            help="Put the files here (default: MEDIA_ROOT).")
        parser.add_argument("--replace", action="store_true",
                            help="Allow replacing a database that already holds tables.")

    def handle(self, *args, archive, database_url, media_root, replace, **options):
        config = (environ.Env.db_url_config(database_url) if database_url
                  else settings.DATABASES["default"])
        try:
            if not replace and any(counts_in(config)):
                raise CommandError(
                    f"{config['NAME']} already holds tables: restore into an empty database, "
                    "or pass --replace."
                )
            manifest = restore(archive, config=config,
                               media_root=Path(media_root or settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from error
        # The servers must not answer pages and API reads they kept from the data replaced.
        bump()
        self.stdout.write(
            f"Restored {sum(manifest['table_rows'].values())} rows in "
            f"{len(manifest['table_rows'])} tables and {len(manifest['media_files'])} files "
            f"from a backup made {manifest['created_at']}."
        )
