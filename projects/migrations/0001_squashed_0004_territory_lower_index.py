"""The projects register: cities' projects, their needs, firms' offers to them, invitations and
the digests of suggested partners.

This one migration stands for the app's first four; a database that has those is up to date.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

from core.migration_parts import auto_id, historical_fk, historical_m2m, historical_model, historical_timestamps, history_user, timestamps
from partnerships.migration_parts import measure_fields


# Columns that a model and its history have alike.
OFFER = (
    *measure_fields(),
    ('area', models.CharField(blank=True, choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], help_text='The goal area the offer serves; empty for any.', max_length=30, verbose_name='area')),
    ('territory', models.CharField(help_text='Where the organisation can act.', max_length=120, verbose_name='territory')),
    ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='capacity')),
    ('expectations', models.TextField(blank=True, verbose_name='what it expects in return')),
    ('is_active', models.BooleanField(default=True, verbose_name='active')),
)
NEED = (
    ('kind', models.CharField(choices=[('financial', 'Financial'), ('human_resources', 'Human resources'), ('expertise', 'Expertise'), ('in_kind', 'In kind'), ('data', 'Data')], max_length=20, verbose_name='contribution sought')),
    ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='order of magnitude')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
    ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
    ('is_open', models.BooleanField(default=True, verbose_name='still open')),
)
PROJECT = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('summary', models.TextField(verbose_name='summary')),
    ('area', models.CharField(choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], max_length=30, verbose_name='area')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
    ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts on')),
    ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
    ('state', models.CharField(choices=[('planned', 'Planned'), ('running', 'Running'), ('completed', 'Completed'), ('abandoned', 'Abandoned')], default='planned', max_length=12, verbose_name='state')),
    ('budget_band', models.CharField(blank=True, choices=[('', 'Not said'), ('under_50k', 'Under €50,000'), ('50k_250k', '€50,000 to €250,000'), ('250k_1m', '€250,000 to €1 million'), ('over_1m', 'Over €1 million')], max_length=12, verbose_name='budget')),
    ('results', models.TextField(blank=True, verbose_name='results')),
    ('lessons_learned', models.TextField(blank=True, verbose_name='lessons learned')),
    ('visibility', models.CharField(choices=[('public', 'Public: everyone, also in the open data'), ('network', 'Network: signed-in coordinators, analysts and verified organisations'), ('own', 'Own organisation only')], default='public', max_length=10, verbose_name='who may read it')),
)


class Migration(migrations.Migration):

    replaces = [
        ('projects', '0001_projects_register'),
        ('projects', '0002_needs_offers_invitations'),
        ('projects', '0003_suggestion_digests'),
        ('projects', '0004_territory_lower_index'),
    ]

    initial = True

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
        ('calls', '0001_squashed_0005_eoi_body_named_public_body'),
        ('goals', '0001_squashed_0004_unaccent_search'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DigestSubscription',
            fields=[
                auto_id(),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('last_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='last sent at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='suggestion_digest', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'digest of suggestions',
                'verbose_name_plural': 'digests of suggestions',
                'ordering': ['user_id'],
            },
        ),
        historical_model(
            'HistoricalContributionOffer', 'contribution offer', 'contribution offers',
            fields=[*OFFER, *historical_timestamps()], relations=[
                history_user(),
                ('organisation', historical_fk('actors.organisation', 'organisation')),
            ],
        ),
        historical_model(
            'HistoricalInvitation', 'invitation', 'invitations',
            fields=[
                ('reasons', models.JSONField(blank=True, default=list, verbose_name='reasons')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
            ], relations=[
                ('call', historical_fk('calls.callforpartners', 'call for partners')),
                ('goal', historical_fk('goals.goal', 'goal')),
                history_user(),
                ('invited_by', historical_fk(settings.AUTH_USER_MODEL, 'invited by')),
                ('organisation', historical_fk('actors.organisation', 'organisation')),
            ],
        ),
        historical_model(
            'HistoricalNeed', 'need', 'needs',
            fields=[*NEED, *historical_timestamps()], relations=[
                ('goal', historical_fk('goals.goal', 'goal')),
                history_user(),
            ],
        ),
        historical_model(
            'HistoricalProject', 'project', 'projects',
            fields=[*PROJECT, *historical_timestamps()], relations=[
                history_user(),
                ('organisation', historical_fk('actors.organisation', 'run by')),
            ],
        ),
        migrations.CreateModel(
            name='Project',
            fields=[
                auto_id(),
                *PROJECT,
                *timestamps(),
                ('community_groups', models.ManyToManyField(blank=True, related_name='projects', to='goals.communitygroup', verbose_name='community groups served')),
                ('goals', models.ManyToManyField(blank=True, help_text='For a public body: the goals of its own strategies the project serves.', related_name='projects', to='goals.goal', verbose_name='goals served')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='projects', to='actors.organisation', verbose_name='run by')),
                ('partners', models.ManyToManyField(blank=True, related_name='projects_joined', to='actors.organisation', verbose_name='partners already involved')),
            ],
            options={
                'verbose_name': 'project',
                'verbose_name_plural': 'projects',
                'ordering': ['-updated_at', 'id'],
            },
        ),
        historical_m2m('HistoricalProject_partners', owner='projects.project', target='actors.organisation'),
        historical_m2m('HistoricalProject_goals', owner='projects.project', target='goals.goal'),
        historical_m2m(
            'HistoricalProject_community_groups', owner='projects.project', target='goals.communitygroup',
        ),
        migrations.CreateModel(
            name='ContributionOffer',
            fields=[
                auto_id(),
                *OFFER,
                *timestamps(),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contribution_offers', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'contribution offer',
                'verbose_name_plural': 'contribution offers',
                'ordering': ['organisation_id', 'id'],
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['financial', 'human_resources', 'expertise', 'in_kind', 'data'])), name='contributionoffer_kind_valid'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'financial'), _negated=True), models.Q(('amount__gt', 0), ('amount__isnull', False), models.Q(('currency', ''), _negated=True)), _connector='OR'), name='contributionoffer_financial_has_amount', violation_error_message='A financial contribution needs a positive amount and a currency.'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'human_resources'), _negated=True), models.Q(('person_days__gt', 0), ('person_days__isnull', False)), _connector='OR'), name='contributionoffer_human_resources_has_days', violation_error_message='A human-resources contribution needs a positive number of person-days.'), models.CheckConstraint(condition=models.Q(('amount__isnull', True), ('amount__gte', 0), _connector='OR'), name='contributionoffer_amount_not_negative')],
            },
        ),
        migrations.CreateModel(
            name='Dismissal',
            fields=[
                auto_id(),
                ('kind', models.CharField(choices=[('organisation', 'Organisation'), ('project', 'Project'), ('call', 'Call for partners')], max_length=12, verbose_name='kind')),
                ('target_id', models.PositiveBigIntegerField(verbose_name='suggested object')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('dismissed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dismissed by')),
                ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dismissals', to='goals.goal', verbose_name='goal')),
            ],
            options={
                'verbose_name': 'dismissed suggestion',
                'verbose_name_plural': 'dismissed suggestions',
                'ordering': ['-created_at', 'id'],
                'constraints': [models.UniqueConstraint(fields=('goal', 'kind', 'target_id'), name='dismissal_once_per_goal')],
            },
        ),
        migrations.CreateModel(
            name='Invitation',
            fields=[
                auto_id(),
                ('reasons', models.JSONField(blank=True, default=list, verbose_name='reasons')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='calls.callforpartners', verbose_name='call for partners')),
                ('goal', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='goals.goal', verbose_name='goal')),
                ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'invitation',
                'verbose_name_plural': 'invitations',
                'ordering': ['-created_at', 'id'],
                'constraints': [models.UniqueConstraint(fields=('call', 'organisation'), name='invitation_once_per_call')],
            },
        ),
        migrations.CreateModel(
            name='Need',
            fields=[
                auto_id(),
                *NEED,
                *timestamps(),
                ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='needs', to='goals.goal', verbose_name='goal')),
            ],
            options={
                'verbose_name': 'need',
                'verbose_name_plural': 'needs',
                'ordering': ['goal_id', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['financial', 'human_resources', 'expertise', 'in_kind', 'data'])), name='need_kind_valid')],
            },
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['area', 'territory'], name='projects_pr_area_7be305_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['visibility'], name='projects_pr_visibil_b48d7f_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(django.db.models.functions.text.Lower('territory'), name='project_territory_lower'),
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('starts_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='project_ends_after_start', violation_error_message='A project cannot end before it starts.'),
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['planned', 'running', 'completed', 'abandoned'])), name='project_state_valid'),
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.CheckConstraint(condition=models.Q(('visibility__in', ['public', 'network', 'own'])), name='project_visibility_valid'),
        ),
    ]

