# Registration moves here from calls. Its table, made by calls' first migration, stays as it is
# here (state only); 0002 renames it.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('actors', '0001_initial'),
        ('calls', '0001_calls_and_expressions_of_interest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Registration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email_confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='e-mail confirmed at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='registered at')),
                        ('requested_organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='membership_requests', to='actors.organisation', verbose_name='asks to join')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='registration', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'registration',
                        'verbose_name_plural': 'registrations',
                        'ordering': ['-created_at', '-id'],
                        'db_table': 'calls_registration',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
