"""Bulk loads may refresh the stored search vectors once, themselves.

The triggers of migration 0007 recompute a partnership's vector when its row is inserted and
again after each statement that inserts its parties, goal links or group links: a bulk load
that writes a partnership and then its related rows in several statements computes the same
vector several times. When the transaction has set ``efus.defer_search`` to ``on``
(``SET LOCAL``, so it ends with the transaction), these triggers now do nothing and the loader
calls ``partnership_search_refresh(ids)`` for the partnerships it wrote before it commits
(``partnerships.services.partnership_search_deferred``). Every other write is unchanged: the
setting is unset (or empty, once a transaction that set it has ended) everywhere else. The
triggers on names (organisations, goals, groups) do not read it.

Other databases have no triggers: nothing to do.
"""

from django.db import migrations

LINKS = ("partnerships_party", "partnerships_partnership_goals",
         "partnerships_partnership_community_groups")

DEFERRED = "current_setting('efus.defer_search', true) = 'on'"


def _own_row(guard: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION partnership_search_own_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {guard}
  NEW.search_vector := partnership_search_document(NEW.id, NEW.title, NEW.summary, NEW.territory);
  RETURN NEW;
END $$;
"""


def _link(table: str, guard: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {table}_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {guard}
  IF TG_OP = 'INSERT' THEN
    PERFORM partnership_search_refresh(ARRAY(SELECT DISTINCT partnership_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM partnership_search_refresh(ARRAY(SELECT DISTINCT partnership_id FROM old_rows));
  ELSE
    PERFORM partnership_search_refresh(ARRAY(
      SELECT partnership_id FROM new_rows UNION SELECT partnership_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
"""


def _functions(*, deferrable: bool) -> str:
    own_guard = f"IF {DEFERRED} THEN RETURN NEW; END IF;" if deferrable else ""
    link_guard = f"IF {DEFERRED} THEN RETURN NULL; END IF;" if deferrable else ""
    return _own_row(own_guard) + "".join(_link(table, link_guard) for table in LINKS)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_functions(deferrable=True))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_functions(deferrable=False))


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0009_add_figures_index"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
