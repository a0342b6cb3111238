"""Calls for partners, firms' offers and expressions of interest, with their history.

This one migration stands for the app's first five; a database that has those is up to date.
"""

import calls.models
import django.core.validators
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.migration_parts import auto_id, historical_fk, historical_m2m, historical_model, historical_timestamps, history_user, timestamps
from partnerships.migration_parts import measure_fields


# Columns that a model and its history have alike. The history of an expression of interest
# leaves out the contact's name, e-mail and phone.
CALL = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('description', models.TextField(validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='description')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
    ('contribution_kinds', models.JSONField(default=list, help_text="What the body hopes firms will bring: money, people's time, expertise...", verbose_name='contribution kinds sought')),
    ('opens_on', models.DateField(verbose_name='opens on')),
    ('closes_at', models.DateTimeField(verbose_name='closes at')),
    ('status', models.CharField(choices=[('draft', 'Draft'), ('open', 'Open'), ('closed', 'Closed')], default='draft', editable=False, max_length=10, verbose_name='status')),
    ('closed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='closed at')),
)
PROPOSAL = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('summary', models.TextField(validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='what you propose')),
    ('expectations', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='what you expect from the partnership')),
)
PROGRESS = (
    ('consent_given_at', models.DateTimeField(blank=True, null=True, verbose_name='consent to personal data processing given at')),
    ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('shortlisted', 'Shortlisted'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn')], default='draft', editable=False, max_length=15, verbose_name='status')),
    ('decline_reason', models.TextField(blank=True, help_text='Shown to the firm.', validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='reason for declining')),
    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
    ('review_started_at', models.DateTimeField(blank=True, null=True, verbose_name='review started at')),
    ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
)


class Migration(migrations.Migration):

    replaces = [
        ('calls', '0001_calls_and_expressions_of_interest'),
        ('calls', '0002_offer_measures_not_null'),
        ('calls', '0003_registration_moves_to_accounts'),
        ('calls', '0004_offer_checks_worded_as_contributions'),
        ('calls', '0005_eoi_body_named_public_body'),
    ]

    initial = True

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
        ('goals', '0001_squashed_0004_unaccent_search'),
        ('partnerships', '0001_squashed_0010_defer_search_refresh'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CallForPartners',
            fields=[
                auto_id(),
                *CALL,
                *timestamps(),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('goals', models.ManyToManyField(blank=True, related_name='calls_for_partners', to='goals.goal', verbose_name='goals')),
                ('lead_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='calls_for_partners', to='actors.organisation', verbose_name='lead public body')),
            ],
            options={
                'verbose_name': 'call for partners',
                'verbose_name_plural': 'calls for partners',
                'ordering': ['closes_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ExpressionOfInterest',
            fields=[
                auto_id(),
                *PROPOSAL,
                ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='contact name')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                *PROGRESS,
                *timestamps(),
                ('call', models.ForeignKey(blank=True, help_text='Empty for a spontaneous expression of interest.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='expressions_of_interest', to='calls.callforpartners', verbose_name='call for partners')),
                ('community_groups', models.ManyToManyField(blank=True, related_name='expressions_of_interest', to='goals.communitygroup', verbose_name='community groups you can reach')),
                ('goals', models.ManyToManyField(blank=True, related_name='expressions_of_interest', to='goals.goal', verbose_name='goals of interest')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='expressions_of_interest', to='actors.organisation', verbose_name='organisation')),
                ('party', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='expressions_of_interest', to='partnerships.party', verbose_name='party in partnership')),
                ('public_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='received_expressions_of_interest', to='actors.organisation', verbose_name='addressed to')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='expressions_of_interest', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
            ],
            options={
                'verbose_name': 'expression of interest',
                'verbose_name_plural': 'expressions of interest',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Attachment',
            fields=[
                auto_id(),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identifier')),
                ('file', models.FileField(max_length=200, upload_to=calls.models.attachment_path, verbose_name='file')),
                ('original_name', models.CharField(max_length=200, verbose_name='file name')),
                ('size', models.PositiveIntegerField(verbose_name='size in bytes')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('expression_of_interest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='calls.expressionofinterest', verbose_name='expression of interest')),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['uploaded_at', 'id'],
            },
        ),
        historical_model(
            'HistoricalCallForPartners', 'call for partners', 'calls for partners',
            fields=[*CALL, *historical_timestamps()], relations=[
                ('created_by', historical_fk(settings.AUTH_USER_MODEL, 'created by', editable=False)),
                history_user(),
                ('lead_body', historical_fk('actors.organisation', 'lead public body')),
            ],
        ),
        historical_m2m('HistoricalCallForPartners_goals', owner='calls.callforpartners', target='goals.goal'),
        historical_model(
            'HistoricalExpressionOfInterest', 'expression of interest', 'expressions of interest',
            fields=[*PROPOSAL, *PROGRESS, *historical_timestamps()], relations=[
                ('call', historical_fk(
                    'calls.callforpartners', 'call for partners',
                    help_text='Empty for a spontaneous expression of interest.',
                )),
                history_user(),
                ('organisation', historical_fk('actors.organisation', 'organisation')),
                ('party', historical_fk('partnerships.party', 'party in partnership')),
                ('public_body', historical_fk('actors.organisation', 'addressed to')),
                ('submitted_by', historical_fk(settings.AUTH_USER_MODEL, 'written by')),
            ],
        ),
        historical_m2m(
            'HistoricalExpressionOfInterest_community_groups',
            owner='calls.expressionofinterest', target='goals.communitygroup',
        ),
        historical_m2m(
            'HistoricalExpressionOfInterest_goals', owner='calls.expressionofinterest', target='goals.goal',
        ),
        historical_model(
            'HistoricalOffer', 'offer', 'offers',
            fields=measure_fields(), relations=[
                ('expression_of_interest', historical_fk('calls.expressionofinterest', 'expression of interest')),
                history_user(),
            ],
        ),
        migrations.CreateModel(
            name='InternalComment',
            fields=[
                auto_id(),
                ('text', models.TextField(validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='comment')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('expression_of_interest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='internal_comments', to='calls.expressionofinterest', verbose_name='expression of interest')),
            ],
            options={
                'verbose_name': 'internal comment',
                'verbose_name_plural': 'internal comments',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Offer',
            fields=[
                auto_id(),
                *measure_fields(),
                ('expression_of_interest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='offers', to='calls.expressionofinterest', verbose_name='expression of interest')),
            ],
            options={
                'verbose_name': 'offer',
                'verbose_name_plural': 'offers',
                'ordering': ['expression_of_interest_id', 'id'],
            },
        ),
        migrations.AddIndex(
            model_name='callforpartners',
            index=models.Index(fields=['status', 'closes_at'], name='calls_callf_status_e94ebd_idx'),
        ),
        migrations.AddIndex(
            model_name='callforpartners',
            index=models.Index(fields=['lead_body', 'status'], name='calls_callf_lead_bo_abc837_idx'),
        ),
        migrations.AddConstraint(
            model_name='callforpartners',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'open', 'closed'])), name='call_status_valid'),
        ),
        migrations.AddIndex(
            model_name='expressionofinterest',
            index=models.Index(fields=['organisation', 'status'], name='calls_expre_organis_d7fb71_idx'),
        ),
        migrations.AddIndex(
            model_name='expressionofinterest',
            index=models.Index(fields=['public_body', 'status'], name='calls_expre_public__3e2093_idx'),
        ),
        migrations.AddConstraint(
            model_name='expressionofinterest',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'submitted', 'under_review', 'shortlisted', 'accepted', 'declined', 'withdrawn'])), name='eoi_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='expressionofinterest',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'declined'), _negated=True), models.Q(('decline_reason', ''), _negated=True), _connector='OR'), name='eoi_declined_has_reason', violation_error_message='Give the firm the reason for declining.'),
        ),
        migrations.AddConstraint(
            model_name='expressionofinterest',
            constraint=models.CheckConstraint(condition=models.Q(('status', 'draft'), ('consent_given_at__isnull', False), _connector='OR'), name='eoi_sent_with_consent', violation_error_message="Consent to the processing of the contact's personal data is required."),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['financial', 'human_resources', 'expertise', 'in_kind', 'data'])), name='offer_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(('amount__isnull', True), ('amount__gte', 0), _connector='OR'), name='offer_amount_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'financial'), _negated=True), models.Q(('amount__gt', 0), ('amount__isnull', False), models.Q(('currency', ''), _negated=True)), _connector='OR'), name='offer_financial_has_amount', violation_error_message='A financial contribution needs a positive amount and a currency.'),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'human_resources'), _negated=True), models.Q(('person_days__gt', 0), ('person_days__isnull', False)), _connector='OR'), name='offer_human_resources_has_days', violation_error_message='A human-resources contribution needs a positive number of person-days.'),
        ),
    ]

