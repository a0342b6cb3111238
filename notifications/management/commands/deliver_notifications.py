from django.core.management.base import BaseCommand

from notifications.delivery import notifications_deliver_due


class Command(BaseCommand):
    help = "Send every pending notification whose time has come (the outbox sweep)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Try at most this many.")

    def handle(self, *args, limit, **options):
        sweep = notifications_deliver_due(limit=limit)
        self.stdout.write(f"{sweep.sent} notification(s) sent, {sweep.failed} failed.")
        if sweep.more:
            self.stdout.write("More are due: run the command again.")
