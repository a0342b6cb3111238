"""What the figures across partnerships read, one narrow row per partnership and per
contribution, kept by the database whatever writes the rows.

``analytics_partnership_figures``: a partnership's status, city, start year, the day whose
exchange rates apply (its start date, or the day it was registered in ``TIME_ZONE``), the goal
areas of its goals (a bit each, ``AREA_BITS``) and the ids of the community groups it serves.
``analytics_contribution_figures``: each contribution with its kind, its party's sector, its
partnership's columns above, and its amount in euros at the rate in force on that day.

On PostgreSQL they are tables. Statement triggers, as for the search vector, rebuild the rows
of the partnerships a statement touched (once per statement: a bulk load rebuilds each
partnership once per batch): partnerships (status, city, dates), their parties, contributions,
goal and group links, an organisation's sector, a goal's area; a change to the exchange rates
converts again the amounts in the currencies it concerns. On other databases they are views
that compute the same columns when read, so the figures take the same path everywhere.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


from analytics.models import AREA_BITS
from core.migration_parts import TRANSITION_TABLES, statement_refresh_function, statement_triggers

AREAS = "CASE g.area {} ELSE 0 END".format(
    " ".join(f"WHEN '{area}' THEN {bit}" for area, bit in AREA_BITS.items())
)

POSTGRESQL_TABLES = """
CREATE TABLE analytics_partnership_figures (
  partnership_id bigint PRIMARY KEY,
  status varchar(12) NOT NULL,
  territory varchar(120) NOT NULL,
  year integer,
  day date NOT NULL,
  areas integer NOT NULL,
  community_groups text NOT NULL
);
CREATE TABLE analytics_contribution_figures (
  contribution_id bigint PRIMARY KEY,
  partnership_id bigint NOT NULL,
  kind varchar(20) NOT NULL,
  sector varchar(20) NOT NULL,
  currency varchar(3) NOT NULL,
  city varchar(120) NOT NULL,
  year integer,
  day date NOT NULL,
  areas integer NOT NULL,
  amount numeric(14, 2),
  euros numeric,
  person_days numeric(9, 1)
);
CREATE INDEX analytics_contribution_figures_partnership
  ON analytics_contribution_figures (partnership_id);
-- How many groups the figures make: without these, PostgreSQL multiplies the columns' distinct
-- values, expects several times the groups there are, and sorts on disk instead of hashing.
CREATE STATISTICS analytics_contribution_grid (ndistinct)
  ON kind, sector, city, year, currency, areas FROM analytics_contribution_figures;
CREATE STATISTICS analytics_partnership_grid (ndistinct)
  ON status, territory, year, areas FROM analytics_partnership_figures;
"""

POSTGRESQL_FUNCTIONS = """
CREATE FUNCTION analytics_rate(cur text, day date) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT rate_to_eur FROM analytics_exchangerate
  WHERE currency = cur AND valid_from <= day ORDER BY valid_from DESC LIMIT 1
$$;

CREATE FUNCTION analytics_figures_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM analytics_partnership_figures WHERE partnership_id = ANY(ids);
  DELETE FROM analytics_contribution_figures WHERE partnership_id = ANY(ids);
  INSERT INTO analytics_partnership_figures
  SELECT p.id, p.status, p.territory, EXTRACT(YEAR FROM p.starts_on)::integer,
    COALESCE(p.starts_on, (p.created_at AT TIME ZONE '{zone}')::date),
    COALESCE((SELECT bit_or({areas}) FROM partnerships_partnership_goals l
              JOIN goals_goal g ON g.id = l.goal_id WHERE l.partnership_id = p.id), 0),
    COALESCE((SELECT string_agg(l.communitygroup_id::text, ',' ORDER BY l.communitygroup_id)
              FROM partnerships_partnership_community_groups l
              WHERE l.partnership_id = p.id), '')
  FROM partnerships_partnership p WHERE p.id = ANY(ids)
  ON CONFLICT (partnership_id) DO UPDATE SET status = EXCLUDED.status,
    territory = EXCLUDED.territory, year = EXCLUDED.year, day = EXCLUDED.day,
    areas = EXCLUDED.areas, community_groups = EXCLUDED.community_groups;
  INSERT INTO analytics_contribution_figures
  SELECT c.id, f.partnership_id, c.kind, o.sector, c.currency, f.territory, f.year, f.day,
    f.areas, c.amount,
    CASE WHEN c.amount IS NOT NULL AND c.currency <> 'EUR'
      THEN c.amount * analytics_rate(c.currency, f.day) END,
    c.person_days
  FROM partnerships_contribution c
  JOIN partnerships_party pa ON pa.id = c.party_id
  JOIN actors_organisation o ON o.id = pa.organisation_id
  JOIN analytics_partnership_figures f ON f.partnership_id = pa.partnership_id
  WHERE pa.partnership_id = ANY(ids)
  ON CONFLICT (contribution_id) DO UPDATE SET partnership_id = EXCLUDED.partnership_id,
    kind = EXCLUDED.kind, sector = EXCLUDED.sector, currency = EXCLUDED.currency,
    city = EXCLUDED.city, year = EXCLUDED.year, day = EXCLUDED.day, areas = EXCLUDED.areas,
    amount = EXCLUDED.amount, euros = EXCLUDED.euros, person_days = EXCLUDED.person_days;
$$;

CREATE FUNCTION analytics_figures_of_partnerships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_figures_refresh(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM analytics_partnership_figures WHERE partnership_id IN (SELECT id FROM old_rows);
    DELETE FROM analytics_contribution_figures WHERE partnership_id IN (SELECT id FROM old_rows);
  ELSE
    PERFORM analytics_figures_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IS DISTINCT FROM o.status OR n.territory IS DISTINCT FROM o.territory
         OR n.starts_on IS DISTINCT FROM o.starts_on
         OR n.created_at IS DISTINCT FROM o.created_at));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_figures_of_contributions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM analytics_contribution_figures WHERE contribution_id IN (SELECT id FROM old_rows);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_figures_refresh(ARRAY(
      SELECT DISTINCT pa.partnership_id FROM new_rows n
      JOIN partnerships_party pa ON pa.id = n.party_id));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM analytics_figures_refresh(ARRAY(
      SELECT DISTINCT pa.partnership_id FROM new_rows n
      JOIN partnerships_party pa ON pa.id = n.party_id));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_figures_of_rates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE analytics_contribution_figures
    SET euros = amount * analytics_rate(currency, day)
    WHERE amount IS NOT NULL AND currency IN (SELECT currency FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE analytics_contribution_figures
    SET euros = amount * analytics_rate(currency, day)
    WHERE amount IS NOT NULL AND currency IN (SELECT currency FROM old_rows);
  ELSE
    UPDATE analytics_contribution_figures
    SET euros = amount * analytics_rate(currency, day)
    WHERE amount IS NOT NULL
      AND currency IN (SELECT currency FROM new_rows UNION SELECT currency FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
"""

# Tables whose rows belong to one partnership (``partnership_id``).
LINKS = ("partnerships_party", "partnerships_partnership_goals",
         "partnerships_partnership_community_groups")

# Columns of other tables that the figures copy: (table, column, the function that rebuilds the
# partnerships that reach a changed row ``n``, how they reach it: a join and its alias).
COPIED = (
    ("actors_organisation", "sector", "analytics_figures_of_organisations",
     "partnerships_party pa ON pa.organisation_id = n.id", "pa"),
    ("goals_goal", "area", "analytics_figures_of_goals",
     "partnerships_partnership_goals l ON l.goal_id = n.id", "l"),
)


def _copied_function(table: str, column: str, function: str, join: str, alias: str) -> str:
    return f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_figures_refresh(ARRAY(
    SELECT DISTINCT {alias}.partnership_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN {join}
    WHERE n.{column} IS DISTINCT FROM o.{column}));
  RETURN NULL;
END $$;
"""


# (table, function, events)
TRIGGERS = (
    ("partnerships_partnership", "analytics_figures_of_partnerships", TRANSITION_TABLES),
    ("partnerships_contribution", "analytics_figures_of_contributions", TRANSITION_TABLES),
    *((table, function, ("UPDATE",)) for table, _, function, *_ in COPIED),
    ("analytics_exchangerate", "analytics_figures_of_rates", TRANSITION_TABLES),
    *((table, f"{table}_figures", TRANSITION_TABLES) for table in LINKS),
)

# Elsewhere, views that compute the same columns (SQLite: Django's function for the day of a
# moment in a time zone, as ``TruncDate`` uses; the areas as a sum of tests rather than an
# aggregate, which SQLite refuses inside the figures' own grouping).
SQLITE_AREAS = " + ".join(
    f"{bit} * EXISTS (SELECT 1 FROM partnerships_partnership_goals l JOIN goals_goal g "
    f"ON g.id = l.goal_id WHERE l.partnership_id = p.id AND g.area = '{area}')"
    for area, bit in AREA_BITS.items()
)
SQLITE_VIEWS = """
CREATE VIEW analytics_partnership_figures AS
SELECT p.id AS partnership_id, p.status, p.territory,
  CAST(strftime('%Y', p.starts_on) AS integer) AS year,
  COALESCE(p.starts_on, django_datetime_cast_date(p.created_at, '{zone}', 'UTC')) AS day,
  {area_flags} AS areas,
  COALESCE((SELECT group_concat(l.communitygroup_id, ',')
            FROM partnerships_partnership_community_groups l
            WHERE l.partnership_id = p.id), '') AS community_groups
FROM partnerships_partnership p;

CREATE VIEW analytics_contribution_figures AS
SELECT c.id AS contribution_id, f.partnership_id, c.kind, o.sector, c.currency,
  f.territory AS city, f.year, f.day, f.areas, c.amount,
  CASE WHEN c.amount IS NOT NULL AND c.currency <> 'EUR' THEN c.amount * (
    SELECT r.rate_to_eur FROM analytics_exchangerate r
    WHERE r.currency = c.currency AND r.valid_from <= f.day
    ORDER BY r.valid_from DESC LIMIT 1) END AS euros,
  c.person_days
FROM partnerships_contribution c
JOIN partnerships_party pa ON pa.id = c.party_id
JOIN actors_organisation o ON o.id = pa.organisation_id
JOIN analytics_partnership_figures f ON f.partnership_id = pa.partnership_id;
"""


def forwards(apps, schema_editor):
    zone = settings.TIME_ZONE
    if schema_editor.connection.vendor != "postgresql":
        for statement in SQLITE_VIEWS.format(zone=zone, area_flags=SQLITE_AREAS).split(";"):
            if statement.strip():
                schema_editor.execute(statement)
        return
    schema_editor.execute(POSTGRESQL_TABLES)
    schema_editor.execute(POSTGRESQL_FUNCTIONS.replace("{zone}", zone).replace("{areas}", AREAS))
    for copied in COPIED:
        schema_editor.execute(_copied_function(*copied))
    for table in LINKS:
        schema_editor.execute(statement_refresh_function(
            f"{table}_figures", refresh="analytics_figures_refresh", key="partnership_id"
        ))
    for table, function, events in TRIGGERS:
        schema_editor.execute(statement_triggers("analytics_figures", table, function, events))
    schema_editor.execute(
        "SELECT analytics_figures_refresh(ARRAY(SELECT id FROM partnerships_partnership))"
    )
    schema_editor.execute("ANALYZE analytics_partnership_figures")
    schema_editor.execute("ANALYZE analytics_contribution_figures")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute("DROP VIEW analytics_contribution_figures")
        schema_editor.execute("DROP VIEW analytics_partnership_figures")
        return
    for table, function, events in TRIGGERS:
        for event in events:
            schema_editor.execute(f"DROP TRIGGER analytics_figures_{event.lower()} ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    schema_editor.execute("DROP FUNCTION analytics_figures_refresh(bigint[])")
    schema_editor.execute("DROP FUNCTION analytics_rate(text, date)")
    schema_editor.execute("DROP TABLE analytics_contribution_figures")
    schema_editor.execute("DROP TABLE analytics_partnership_figures")


class Migration(migrations.Migration):

    dependencies = [
        ('analytics', '0001_add_exchange_rate'),
        ('partnerships', '0001_squashed_0010_defer_search_refresh'),
        ('goals', '0001_squashed_0004_unaccent_search'),
        ('actors', '0001_squashed_0004_unaccent_search'),
    ]

    operations = [
        migrations.CreateModel(
            name='ContributionFigures',
            fields=[
                ('contribution', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='partnerships.contribution')),
                ('kind', models.CharField(max_length=20)),
                ('sector', models.CharField(max_length=20)),
                ('currency', models.CharField(max_length=3)),
                ('city', models.CharField(max_length=120)),
                ('year', models.IntegerField(null=True)),
                ('day', models.DateField()),
                ('areas', models.IntegerField()),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, null=True)),
                ('euros', models.DecimalField(decimal_places=10, max_digits=30, null=True)),
                ('person_days', models.DecimalField(decimal_places=1, max_digits=9, null=True)),
            ],
            options={
                'db_table': 'analytics_contribution_figures',
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='PartnershipFigures',
            fields=[
                ('partnership', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='partnerships.partnership')),
                ('status', models.CharField(max_length=12)),
                ('territory', models.CharField(max_length=120)),
                ('year', models.IntegerField(null=True)),
                ('day', models.DateField()),
                ('areas', models.IntegerField()),
                ('community_groups', models.TextField()),
            ],
            options={
                'db_table': 'analytics_partnership_figures',
                'managed': False,
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
