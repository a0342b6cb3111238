from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _add_sqlite_functions(sender, connection, **kwargs):
    """SQLite's LIKE folds ASCII letters only: the search fallback compares ``fold``ed text."""
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("efus_fold", 1, fold, deterministic=True)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Registry core"

    def ready(self):
        connection_created.connect(_add_sqlite_functions, dispatch_uid="core_sqlite_functions")
        from knox.models import AuthToken

        from .models import TokenDetails
        from .pagecache import bump_on_writes

        # A token created, revoked or expired, or its scope changed, retires the tokens kept by
        # the API's authentication (core.api.authentication) with everything else kept.
        bump_on_writes([AuthToken, TokenDetails])
