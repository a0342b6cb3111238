"""Safety strategies, goals, indicators and community groups, with their history, and the GIN
indexes of their free-text search (the configurations come from ``actors``).

This one migration stands for the app's first four; a database that has those is up to date.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from core.api.search_indexes import search_document_index_operation


class Migration(migrations.Migration):

    replaces = [
        ('goals', '0001_initial'),
        ('goals', '0002_search_indexes'),
        ('goals', '0003_goal_target_date'),
        ('goals', '0004_unaccent_search'),
    ]

    initial = True

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CommunityGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(unique=True, verbose_name='code')),
                ('name_en', models.CharField(max_length=100, verbose_name='name (English)')),
                ('name_fr', models.CharField(max_length=100, verbose_name='name (French)')),
                ('partners_customers', models.BooleanField(default=False, help_text="Marks a group made only of the private partners' own clients: a partnership cannot serve such groups alone.", verbose_name="private partners' own customers")),
            ],
            options={
                'verbose_name': 'community group',
                'verbose_name_plural': 'community groups',
                'ordering': ['name_en'],
            },
        ),
        migrations.CreateModel(
            name='Goal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('area', models.CharField(choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], max_length=30, verbose_name='area')),
                ('horizon', models.CharField(choices=[('short', 'Short term (under 1 year)'), ('medium', 'Medium term (1 to 3 years)'), ('long', 'Long term (over 3 years)')], max_length=10, verbose_name='horizon')),
                ('priority', models.PositiveSmallIntegerField(choices=[(1, 'High'), (2, 'Medium'), (3, 'Low')], default=2, verbose_name='priority')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('target_on', models.DateField(blank=True, help_text='When the goal should be reached; it must agree with the horizon.', null=True, verbose_name='target date')),
                ('community_groups', models.ManyToManyField(blank=True, related_name='goals', to='goals.communitygroup', verbose_name='community groups')),
            ],
            options={
                'verbose_name': 'shared goal',
                'verbose_name_plural': 'shared goals',
                'ordering': ['priority', 'title', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalGoal',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('area', models.CharField(choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], max_length=30, verbose_name='area')),
                ('horizon', models.CharField(choices=[('short', 'Short term (under 1 year)'), ('medium', 'Medium term (1 to 3 years)'), ('long', 'Long term (over 3 years)')], max_length=10, verbose_name='horizon')),
                ('priority', models.PositiveSmallIntegerField(choices=[(1, 'High'), (2, 'Medium'), (3, 'Low')], default=2, verbose_name='priority')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('target_on', models.DateField(blank=True, help_text='When the goal should be reached; it must agree with the horizon.', null=True, verbose_name='target date')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical shared goal',
                'verbose_name_plural': 'historical shared goals',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalGoal_community_groups',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('communitygroup', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.communitygroup')),
                ('goal', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.goal')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='goals.historicalgoal')),
            ],
            options={
                'verbose_name': 'HistoricalGoal_community_groups',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalIndicator',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('unit', models.CharField(max_length=40, verbose_name='unit')),
                ('baseline', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='baseline')),
                ('baseline_on', models.DateField(verbose_name='baseline date')),
                ('target', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='target')),
                ('target_on', models.DateField(blank=True, null=True, verbose_name='target date')),
                ('direction', models.CharField(choices=[('increase', 'Higher is better'), ('decrease', 'Lower is better')], default='increase', max_length=10, verbose_name='direction')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('goal', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.goal', verbose_name='goal')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical indicator',
                'verbose_name_plural': 'historical indicators',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSafetyStrategy',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('starts_on', models.DateField(verbose_name='starts on')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('owner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation', verbose_name='owner body')),
            ],
            options={
                'verbose_name': 'historical local safety strategy',
                'verbose_name_plural': 'historical local safety strategies',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Indicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('unit', models.CharField(max_length=40, verbose_name='unit')),
                ('baseline', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='baseline')),
                ('baseline_on', models.DateField(verbose_name='baseline date')),
                ('target', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='target')),
                ('target_on', models.DateField(blank=True, null=True, verbose_name='target date')),
                ('direction', models.CharField(choices=[('increase', 'Higher is better'), ('decrease', 'Lower is better')], default='increase', max_length=10, verbose_name='direction')),
                ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='goals.goal', verbose_name='goal')),
            ],
            options={
                'verbose_name': 'indicator',
                'verbose_name_plural': 'indicators',
                'ordering': ['goal_id', 'name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalMeasurement',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('measured_on', models.DateField(verbose_name='measured on')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='value')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.indicator', verbose_name='indicator')),
            ],
            options={
                'verbose_name': 'historical measurement',
                'verbose_name_plural': 'historical measurements',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Measurement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('measured_on', models.DateField(verbose_name='measured on')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='value')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='measurements', to='goals.indicator', verbose_name='indicator')),
            ],
            options={
                'verbose_name': 'measurement',
                'verbose_name_plural': 'measurements',
                'ordering': ['indicator_id', 'measured_on'],
            },
        ),
        migrations.CreateModel(
            name='SafetyStrategy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('territory', models.CharField(max_length=120, verbose_name='territory')),
                ('starts_on', models.DateField(verbose_name='starts on')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='strategies', to='actors.organisation', verbose_name='owner body')),
            ],
            options={
                'verbose_name': 'local safety strategy',
                'verbose_name_plural': 'local safety strategies',
                'ordering': ['-starts_on', 'title', 'id'],
            },
        ),
        migrations.AddField(
            model_name='historicalgoal',
            name='strategy',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='goals.safetystrategy', verbose_name='strategy'),
        ),
        migrations.AddField(
            model_name='goal',
            name='strategy',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='goals', to='goals.safetystrategy', verbose_name='strategy'),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.CheckConstraint(condition=models.Q(('baseline', models.F('target')), _negated=True), name='indicator_target_differs_from_baseline', violation_error_message='The target must differ from the baseline.'),
        ),
        migrations.AddConstraint(
            model_name='measurement',
            constraint=models.UniqueConstraint(fields=('indicator', 'measured_on'), name='measurement_one_per_day', violation_error_message='This indicator already has a measurement on that date.'),
        ),
        migrations.AddConstraint(
            model_name='safetystrategy',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='strategy_ends_after_start', violation_error_message='A strategy cannot end before it starts.'),
        ),
        migrations.AddIndex(
            model_name='goal',
            index=models.Index(fields=['area', 'horizon'], name='goals_goal_area_782783_idx'),
        ),
        migrations.AddConstraint(
            model_name='goal',
            constraint=models.CheckConstraint(condition=models.Q(('area__in', ['institutional_strength', 'intervention_projects', 'production_of_information', 'other'])), name='goal_area_valid'),
        ),
        migrations.AddConstraint(
            model_name='goal',
            constraint=models.CheckConstraint(condition=models.Q(('horizon__in', ['short', 'medium', 'long'])), name='goal_horizon_valid'),
        ),
        migrations.AddConstraint(
            model_name='goal',
            constraint=models.CheckConstraint(condition=models.Q(('priority__in', [1, 2, 3])), name='goal_priority_valid'),
        ),
        search_document_index_operation(
            "goals.SafetyStrategy", "strategy_search", ("title", "summary", "territory")
        ),
        search_document_index_operation(
            "goals.Goal", "goal_search", ("title", "description", "territory")
        ),
        search_document_index_operation("goals.Indicator", "indicator_search", ("name", "unit")),
        search_document_index_operation(
            "goals.CommunityGroup", "community_group_search", ("code", "name_en", "name_fr")
        ),
    ]
