from django.core.management.base import BaseCommand

from core.services import idempotency_keys_purge


class Command(BaseCommand):
    help = "Delete the expired keys of retried writes (Celery beat does it every hour)."

    def handle(self, *args, **options):
        self.stdout.write(f"{idempotency_keys_purge()} expired keys deleted.")
