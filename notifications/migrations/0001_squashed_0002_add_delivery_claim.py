"""The outbox: every message the registry sends, kept until delivered, with the claim a
delivery holds while it sends one.

This one migration stands for the app's first two; a database that has those is up to date.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.migration_parts import auto_id


class Migration(migrations.Migration):

    replaces = [
        ('notifications', '0001_outbox_and_language'),
        ('notifications', '0002_add_delivery_claim'),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LanguagePreference',
            fields=[
                auto_id(),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French')], max_length=8, verbose_name='language')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='language_preference', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'language preference',
                'verbose_name_plural': 'language preferences',
                'ordering': ['user_id'],
            },
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                auto_id(),
                ('key', models.CharField(blank=True, help_text='Set for notifications that must exist once only, such as reminders.', max_length=200, null=True, unique=True, verbose_name='key')),
                ('kind', models.CharField(max_length=50, verbose_name='kind')),
                ('to_email', models.EmailField(max_length=254, verbose_name='to')),
                ('language', models.CharField(max_length=8, verbose_name='language')),
                ('subject', models.CharField(max_length=200, verbose_name='subject')),
                ('body', models.TextField(verbose_name='body')),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('sent', 'Sent'), ('failed', 'Failed'), ('cancelled', 'Cancelled')], default='pending', max_length=10, verbose_name='status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('last_error', models.CharField(blank=True, max_length=500, verbose_name='last error')),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='next attempt at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                ('claimed_until', models.DateTimeField(blank=True, help_text='A delivery is sending it; past this time it is tried again.', null=True, verbose_name='claimed until')),
                ('recipient', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
            ],
            options={
                'verbose_name': 'notification',
                'verbose_name_plural': 'notifications',
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='notificatio_status_444bb6_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'sent', 'failed', 'cancelled'])), name='notification_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='notification_sent_has_time')],
            },
        ),
    ]

