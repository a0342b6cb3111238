"""Firm sign-ups: who registered, when their e-mail was confirmed, which organisation they ask
to join.

This one migration stands for the app's first two; a database that has those is up to date.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_parts import auto_id


class Migration(migrations.Migration):

    replaces = [
        ('accounts', '0001_registration_from_calls'),
        ('accounts', '0002_registration_table_and_content_type'),
    ]

    initial = True

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Registration',
            fields=[
                auto_id(),
                ('email_confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='e-mail confirmed at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='registered at')),
                ('requested_organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='membership_requests', to='actors.organisation', verbose_name='asks to join')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='registration', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'registration',
                'verbose_name_plural': 'registrations',
                'ordering': ['-created_at', '-id'],
            },
        ),
    ]

