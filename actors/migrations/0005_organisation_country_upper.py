"""An index of UPPER(country), which the country filters compare: PostgreSQL then keeps
statistics of the expression (gathered at once here on PostgreSQL, rather than at autovacuum's next pass), and
a prepared statement's generic plan knows how many rows a country has."""

import django.db.models.functions.text
from django.db import migrations, models


def analyse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE actors_organisation")


class Migration(migrations.Migration):

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(django.db.models.functions.text.Upper('country'), name='organisation_country_upper'),
        ),
        migrations.RunPython(analyse, migrations.RunPython.noop, elidable=True),
    ]
