from pathlib import Path

from django.core.management.base import BaseCommand

from opendata.bulk import bulk_write


class Command(BaseCommand):
    help = "Write the bulk OCDS file of the published register (a gzip-compressed record package)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Where to write it (default: OPENDATA_ROOT).")

    def handle(self, *args, output=None, **options):
        path = bulk_write(path=output)
        self.stdout.write(f"Wrote {path} ({path.stat().st_size} bytes).")
