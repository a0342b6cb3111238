from django.core.management.base import BaseCommand

from notifications.delivery import notifications_deliver_due


class Command(BaseCommand):
    help = "Send every pending notification whose time has come (the outbox sweep)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="Send at most this many.")

    def handle(self, *args, limit, **options):
        sent = notifications_deliver_due(limit=limit)
        self.stdout.write(f"{sent} notification(s) sent.")
