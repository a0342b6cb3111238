"""A stored search vector for partnerships, kept by PostgreSQL triggers.

``partnerships_partnership.search_vector`` holds the partnership's title, summary and territory
and the names of its parties' organisations, its goals' titles and its community groups' names
(English and French), each run through ``french_unaccent`` and ``english_unaccent``. Triggers
refresh it whatever writes the rows (services, admin, bulk loads, SQL):

- a partnership's own row: before it is inserted, or updated with its title, summary or
  territory in the SET list (every ``save()``);
- its parties and its goal and group links: after each statement that inserts, updates or
  deletes some, for the partnerships those rows belong to (once per statement, so a bulk load
  refreshes each partnership once per batch rather than once per row);
- an organisation's name, a goal's title, a group's names: after each statement that changes
  them, for the partnerships that name them.

Other databases get the column, always empty: their search is the portable fallback.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

from core.api.search_indexes import search_document_index_operation
from core.search import SEARCH_CONFIGS

DOCUMENT = " || ".join(f"to_tsvector('{config}'::regconfig, doc)" for config in SEARCH_CONFIGS)

FUNCTIONS = f"""
CREATE FUNCTION partnership_search_document(pid bigint, title text, summary text, territory text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT {DOCUMENT} FROM (SELECT concat_ws(' ', title, summary, territory,
    (SELECT string_agg(o.name, ' ') FROM partnerships_party pa
       JOIN actors_organisation o ON o.id = pa.organisation_id WHERE pa.partnership_id = pid),
    (SELECT string_agg(g.title, ' ') FROM partnerships_partnership_goals pg
       JOIN goals_goal g ON g.id = pg.goal_id WHERE pg.partnership_id = pid),
    (SELECT string_agg(c.name_en || ' ' || c.name_fr, ' ')
       FROM partnerships_partnership_community_groups pc
       JOIN goals_communitygroup c ON c.id = pc.communitygroup_id WHERE pc.partnership_id = pid)
  )) AS document(doc)
$$;

CREATE FUNCTION partnership_search_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE partnerships_partnership p
  SET search_vector = partnership_search_document(p.id, p.title, p.summary, p.territory)
  WHERE p.id = ANY(ids)
$$;

CREATE FUNCTION partnership_search_own_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := partnership_search_document(NEW.id, NEW.title, NEW.summary, NEW.territory);
  RETURN NEW;
END $$;

CREATE TRIGGER partnership_search BEFORE INSERT OR UPDATE OF title, summary, territory
ON partnerships_partnership FOR EACH ROW EXECUTE FUNCTION partnership_search_own_row();
"""

# Tables whose rows belong to one partnership (partnership_id): inserted, updated, deleted.
LINKS = ("partnerships_party", "partnerships_partnership_goals",
         "partnerships_partnership_community_groups")

# Tables whose names appear in partnerships: (table, names, how partnerships reach them).
NAMED = (
    ("actors_organisation", ("name",),
     "partnerships_party l ON l.organisation_id = n.id"),
    ("goals_goal", ("title",), "partnerships_partnership_goals l ON l.goal_id = n.id"),
    ("goals_communitygroup", ("name_en", "name_fr"),
     "partnerships_partnership_community_groups l ON l.communitygroup_id = n.id"),
)


def _link_triggers(table: str) -> str:
    function = f"{table}_search_refresh"
    # PL/pgSQL plans a statement when it first runs it, so each branch names only the
    # transition tables that its event has.
    sql = f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    tables = {"INSERT": "NEW TABLE AS new_rows", "DELETE": "OLD TABLE AS old_rows",
              "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}
    for event, referencing in tables.items():
        sql += (f"CREATE TRIGGER search_refresh_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n")
    return sql


def _name_trigger(table: str, names: tuple[str, ...], join: str) -> str:
    function = f"{table}_search_refresh"
    changed = " OR ".join(f"n.{name} IS DISTINCT FROM o.{name}" for name in names)
    return f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM partnership_search_refresh(ARRAY(
    SELECT DISTINCT l.partnership_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN {join} WHERE {changed}));
  RETURN NULL;
END $$;
CREATE TRIGGER search_refresh_update AFTER UPDATE ON {table}
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION {function}();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS partnership_search")
    schema_editor.execute(FUNCTIONS)
    for table in LINKS:
        schema_editor.execute(_link_triggers(table))
    for named in NAMED:
        schema_editor.execute(_name_trigger(*named))
    schema_editor.execute(
        "UPDATE partnerships_partnership SET search_vector = "
        "partnership_search_document(id, title, summary, territory)"
    )
    schema_editor.execute(
        "CREATE INDEX partnership_search ON partnerships_partnership USING gin (search_vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in (*LINKS, *(named[0] for named in NAMED)):
        for event in ("insert", "update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS search_refresh_{event} ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_refresh()")
    schema_editor.execute("DROP TRIGGER partnership_search ON partnerships_partnership")
    schema_editor.execute("DROP FUNCTION partnership_search_own_row()")
    schema_editor.execute("DROP FUNCTION partnership_search_refresh(bigint[])")
    schema_editor.execute("DROP FUNCTION partnership_search_document(bigint, text, text, text)")
    schema_editor.execute("DROP INDEX partnership_search")
    schema_editor.execute(
        "CREATE INDEX partnership_search ON partnerships_partnership USING gin "
        "(to_tsvector('simple'::regconfig, COALESCE(title, '') || ' ' || COALESCE(summary, '') "
        "|| ' ' || COALESCE(territory, '')))"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_add_documents"),
        ("goals", "0004_unaccent_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="search_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
        search_document_index_operation("partnerships.Rule", "rule_search", ("title", "text")),
        search_document_index_operation(
            "partnerships.Contribution", "contribution_search", ("description",)
        ),
    ]
