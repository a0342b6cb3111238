"""GIN indexes for free-text search, created by each app's ``search_indexes`` migration.

The indexed expression is ``core.search.search_vector(*fields)``, the very expression
``text_search`` filters on, so PostgreSQL answers ``q=`` (pages and API alike) from the index.
Other databases get no index: their search is a portable ``icontains`` fallback.
"""

from django.db import migrations

from core.search import search_vector


def search_index_operation(model: str, name: str, fields: tuple[str, ...]):
    """Add the GIN index on ``search_vector(*fields)`` of ``model`` ("app.Model") on PostgreSQL;
    do nothing on other databases."""

    def gin_index(apps):
        from django.contrib.postgres.indexes import GinIndex

        return apps.get_model(model), GinIndex(search_vector(*fields), name=name)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(*gin_index(apps))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(*gin_index(apps))

    return migrations.RunPython(forwards, backwards, elidable=False)
