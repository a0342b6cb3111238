# Registration now belongs to accounts (its 0001 takes the model over with its table and rows);
# calls forgets it without touching the database.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('calls', '0002_offer_measures_not_null'),
        ('accounts', '0001_registration_from_calls'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Registration')],
            database_operations=[],
        ),
    ]
