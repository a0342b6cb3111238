"""The projects register: cities' projects, their needs, firms' offers to them, invitations and
the digests of suggested partners.

This one migration stands for the app's first four; a database that has those is up to date.
"""

import django.db.models.deletion
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.db import migrations, models


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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
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
        migrations.CreateModel(
            name='HistoricalContributionOffer',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('financial', 'Financial'), ('human_resources', 'Human resources'), ('expertise', 'Expertise'), ('in_kind', 'In kind'), ('data', 'Data')], max_length=20, verbose_name='kind')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount')),
                ('currency', models.CharField(blank=True, max_length=3, verbose_name='currency')),
                ('person_days', models.DecimalField(blank=True, decimal_places=1, max_digits=9, null=True, verbose_name='person-days')),
                ('area', models.CharField(blank=True, choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], help_text='The goal area the offer serves; empty for any.', max_length=30, verbose_name='area')),
                ('territory', models.CharField(help_text='Where the organisation can act.', max_length=120, verbose_name='territory')),
                ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='capacity')),
                ('expectations', models.TextField(blank=True, verbose_name='what it expects in return')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical contribution offer',
                'verbose_name_plural': 'historical contribution offers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalInvitation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('reasons', models.JSONField(blank=True, default=list, verbose_name='reasons')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('call', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='calls.callforpartners', verbose_name='call for partners')),
                ('goal', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.goal', verbose_name='goal')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('invited_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical invitation',
                'verbose_name_plural': 'historical invitations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalNeed',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('financial', 'Financial'), ('human_resources', 'Human resources'), ('expertise', 'Expertise'), ('in_kind', 'In kind'), ('data', 'Data')], max_length=20, verbose_name='contribution sought')),
                ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='order of magnitude')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('is_open', models.BooleanField(default=True, verbose_name='still open')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('goal', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.goal', verbose_name='goal')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical need',
                'verbose_name_plural': 'historical needs',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
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
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation', verbose_name='run by')),
            ],
            options={
                'verbose_name': 'historical project',
                'verbose_name_plural': 'historical projects',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Project',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
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
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
        migrations.CreateModel(
            name='HistoricalProject_partners',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='projects.historicalproject')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_partners',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject_goals',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('goal', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.goal')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='projects.historicalproject')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_goals',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProject_community_groups',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('communitygroup', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.communitygroup')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='projects.historicalproject')),
                ('project', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='projects.project')),
            ],
            options={
                'verbose_name': 'HistoricalProject_community_groups',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ContributionOffer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('financial', 'Financial'), ('human_resources', 'Human resources'), ('expertise', 'Expertise'), ('in_kind', 'In kind'), ('data', 'Data')], max_length=20, verbose_name='kind')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount')),
                ('currency', models.CharField(blank=True, max_length=3, verbose_name='currency')),
                ('person_days', models.DecimalField(blank=True, decimal_places=1, max_digits=9, null=True, verbose_name='person-days')),
                ('area', models.CharField(blank=True, choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], help_text='The goal area the offer serves; empty for any.', max_length=30, verbose_name='area')),
                ('territory', models.CharField(help_text='Where the organisation can act.', max_length=120, verbose_name='territory')),
                ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='capacity')),
                ('expectations', models.TextField(blank=True, verbose_name='what it expects in return')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('financial', 'Financial'), ('human_resources', 'Human resources'), ('expertise', 'Expertise'), ('in_kind', 'In kind'), ('data', 'Data')], max_length=20, verbose_name='contribution sought')),
                ('magnitude', models.CharField(choices=[('small', 'Small (under €10,000 or 20 person-days)'), ('medium', 'Medium (up to €100,000 or 200 person-days)'), ('large', 'Large (more)')], default='medium', max_length=10, verbose_name='order of magnitude')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('is_open', models.BooleanField(default=True, verbose_name='still open')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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

