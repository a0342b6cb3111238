import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from core.pagecache import bump as invalidate_cached_pages
from home.demo.seed import demo_accounts, seed_demo
from home.demo.synthetic import SYNTHETIC_PREFIX, generate_synthetic, synthetic_partnerships
from home.demo.synthetic_projects import generate_synthetic_projects

SITE_URL = "http://127.0.0.1:8000/"
DEMO_MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class Command(BaseCommand):
    help = (
        "Fill the registry with realistic demo data (European cities, their public bodies, "
        "firms and intermediaries, safety strategies, goals with indicators, partnerships in "
        "every state) and one demo account per kind of user. Safe to run again: only what is "
        "missing is created. Refused when REGISTRY_ALLOW_DEMO_DATA is off (production)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnerships",
            type=int,
            default=0,
            metavar="N",
            help=(
                f"Also bring the number of synthetic partnerships (titles starting with "
                f"'{SYNTHETIC_PREFIX.strip()}') up to N, with their parties, contributions, "
                "rules, goals and community groups, for benchmarks. They are written with "
                "bulk inserts, so they have no change history."
            ),
        )

        parser.add_argument(
            "--projects",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Also bring the number of synthetic projects up to N, with a standing "
                "contribution offer for every ten, for the cooperation finder's benchmark."
            ),
        )

    def handle(self, *args, partnerships: int, projects: int = 0, **options):
        if not settings.REGISTRY_ALLOW_DEMO_DATA:
            raise CommandError(
                "Demo data are disabled here (REGISTRY_ALLOW_DEMO_DATA is off, as in "
                "production): seed_demo only runs on development and test databases."
            )
        if partnerships < 0 or projects < 0:
            raise CommandError("--partnerships and --projects take a number, 0 or more.")
        started = time.monotonic()
        try:
            # The demo's notifications go to made-up addresses: when they are delivered
            # in-process, keep them in memory rather than printing dozens of e-mails.
            with override_settings(MAILERS=DEMO_MAILERS):
                created = seed_demo()
        except ValidationError as error:
            raise CommandError(
                "The demo data clash with what this database already holds, so none were "
                f"loaded: {' '.join(error.messages)}"
            ) from error
        if created:
            made = ", ".join(f"{count} {name}" for name, count in created.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data created: {made}."))
        else:
            self.stdout.write("Demo data already present: nothing to add.")
        if partnerships:
            added = generate_synthetic(partnerships, progress=self._progress)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Synthetic partnerships: {added} added, "
                    f"{synthetic_partnerships().count()} in total "
                    f"({time.monotonic() - started:.1f} s)."
                )
            )
        if projects:
            added, offers = generate_synthetic_projects(projects)
            self.stdout.write(self.style.SUCCESS(
                f"Synthetic projects: {added} added, {offers} standing offers added."))
        # The synthetic rows are written in bulk, past the signals that invalidate the cached
        # public pages: a server already running shows them at its next request all the same.
        invalidate_cached_pages()
        self._print_accounts()

    def _progress(self, done: int, todo: int):
        if done == todo or done % 10_000 == 0:
            self.stdout.write(f"  {done} / {todo} synthetic partnerships written")

    def _print_accounts(self):
        accounts = demo_accounts()
        width = max(len(account["username"]) for account in accounts)
        self.stdout.write("\nDemo accounts (same password for all: "
                          f"{accounts[0]['password']}):")
        for account in accounts:
            where = f" — {account['organisation']}" if account["organisation"] else ""
            self.stdout.write(f"  {account['username']:<{width}}  {account['kind']}{where}")
        self.stdout.write(f"\nOpen {SITE_URL} (administration at {SITE_URL}admin/).")
