"""What the figures across partnerships (``analytics.selectors``) need from PostgreSQL.

- A narrow covering index of the columns they group and filter by, for index-only scans.
- An index of the goal links by goal then partnership: the figures ask which partnerships
  have a goal in each area, and read only that area's links from it.
- Statistics on the start year, which they group by: without them PostgreSQL guesses 200
  distinct years, expects hundreds of thousands of groups, and sorts every contribution on
  disk instead of hashing into the few thousand groups there are. Other databases skip them.
"""

from django.db import migrations, models

STATISTICS = "partnership_start_year"


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS {STATISTICS} ON (EXTRACT(YEAR FROM starts_on)) "
            "FROM partnerships_partnership"
        )
        schema_editor.execute("ANALYZE partnerships_partnership")


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0008_partnership_language"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="partnership",
            index=models.Index(
                fields=["status", "territory", "starts_on", "created_at", "lead_body", "id"],
                name="partnership_figures",
            ),
        ),
        migrations.RunSQL(
            "CREATE INDEX partnership_goals_by_goal "
            "ON partnerships_partnership_goals (goal_id, partnership_id)",
            "DROP INDEX partnership_goals_by_goal",
        ),
        migrations.RunPython(create_statistics, drop_statistics, elidable=False),
    ]
