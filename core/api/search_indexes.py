"""GIN indexes for free-text search, created by each app's search-index migrations.

The indexed expression is ``core.search.SearchDocument(*fields)``, the very expression
``text_search`` filters on, so PostgreSQL answers ``q=`` (pages and API alike) from the index.
Other databases get no index: their search is a portable fallback.
"""

from django.db import migrations

from core.search import SEARCH_CONFIGS, SearchDocument


def search_index_operation(model: str, name: str, fields: tuple[str, ...]):
    """The first search indexes (``simple`` configuration), as the 0002/0003 migrations made
    them; ``search_document_index_operation`` replaces them."""

    def gin_index(apps):
        from django.contrib.postgres.indexes import GinIndex
        from django.contrib.postgres.search import SearchVector

        return apps.get_model(model), GinIndex(SearchVector(*fields, config="simple"), name=name)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(*gin_index(apps))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(*gin_index(apps))

    return migrations.RunPython(forwards, backwards, elidable=False)


def search_document_index_operation(model: str, name: str, fields: tuple[str, ...]):
    """(Re)create the GIN index ``name`` on ``SearchDocument(*fields)`` of ``model``
    ("app.Model") on PostgreSQL, in place of an index of the same name; nothing elsewhere."""

    def forwards(apps, schema_editor):
        from django.contrib.postgres.indexes import GinIndex

        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")
            schema_editor.add_index(
                apps.get_model(model), GinIndex(SearchDocument(*fields), name=name)
            )

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)


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
