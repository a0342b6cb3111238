"""GIN indexes for free-text search, and the text search configurations they use, created by
each app's migrations.

The indexed expression is ``core.search.SearchDocument(*fields)``, the very expression
``text_search`` filters on, so PostgreSQL answers ``q=`` (pages and API alike) from the index.
Other databases get no index: their search is a portable fallback.
"""

from django.db import migrations

from core.search import SEARCH_CONFIGS, SearchDocument


def search_document_index_operation(model: str, name: str, fields: tuple[str, ...]):
    """(Re)create the GIN index ``name`` on ``SearchDocument(*fields)`` of ``model``
    ("app.Model") on PostgreSQL, in place of an index of the same name; nothing elsewhere.
    Undone, it drops the index."""

    def forwards(apps, schema_editor):
        from django.contrib.postgres.indexes import GinIndex

        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")
            schema_editor.add_index(
                apps.get_model(model), GinIndex(SearchDocument(*fields), name=name)
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(forwards, backwards, elidable=False)


def search_configurations_operation():
    """The ``french_unaccent`` and ``english_unaccent`` text search configurations: each
    language's own parser, stop words and stemmer, with accents taken off first (the
    ``unaccent`` extension must exist). ``to_tsvector`` with a fixed configuration is
    immutable, so an index or a stored column can hold it."""
    language = {config: config.removesuffix("_unaccent") for config in SEARCH_CONFIGS}

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for config, base in language.items():
            schema_editor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.{base})"
            )
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR hword, hword_part, "
                f"word WITH unaccent, {base}_stem"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for config in language:
                schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")

    return migrations.RunPython(forwards, backwards, elidable=False)
