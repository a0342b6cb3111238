"""Safety strategies, goals, indicators and community groups, with their history, and the GIN
indexes of their free-text search (the configurations come from ``actors``).

This one migration stands for the app's first four; a database that has those is up to date.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.api.search_indexes import search_document_index_operation
from core.migration_parts import auto_id, historical_fk, historical_m2m, historical_model, historical_timestamps, history_user, timestamps


# Columns that a model and its history have alike.
GOAL = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('description', models.TextField(blank=True, verbose_name='description')),
    ('area', models.CharField(choices=[('institutional_strength', 'Institutional strength'), ('intervention_projects', 'Intervention projects'), ('production_of_information', 'Production of information'), ('other', 'Other')], max_length=30, verbose_name='area')),
    ('horizon', models.CharField(choices=[('short', 'Short term (under 1 year)'), ('medium', 'Medium term (1 to 3 years)'), ('long', 'Long term (over 3 years)')], max_length=10, verbose_name='horizon')),
    ('priority', models.PositiveSmallIntegerField(choices=[(1, 'High'), (2, 'Medium'), (3, 'Low')], default=2, verbose_name='priority')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
)
TARGET_ON = ('target_on', models.DateField(blank=True, help_text='When the goal should be reached; it must agree with the horizon.', null=True, verbose_name='target date'))
INDICATOR = (
    ('name', models.CharField(max_length=200, verbose_name='name')),
    ('unit', models.CharField(max_length=40, verbose_name='unit')),
    ('baseline', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='baseline')),
    ('baseline_on', models.DateField(verbose_name='baseline date')),
    ('target', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='target')),
    ('target_on', models.DateField(blank=True, null=True, verbose_name='target date')),
    ('direction', models.CharField(choices=[('increase', 'Higher is better'), ('decrease', 'Lower is better')], default='increase', max_length=10, verbose_name='direction')),
)
STRATEGY = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('summary', models.TextField(blank=True, verbose_name='summary')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
    ('starts_on', models.DateField(verbose_name='starts on')),
    ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
)
MEASUREMENT = (
    ('measured_on', models.DateField(verbose_name='measured on')),
    ('value', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='value')),
    ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
)


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
                auto_id(),
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
                auto_id(),
                *GOAL,
                *timestamps(),
                TARGET_ON,
                ('community_groups', models.ManyToManyField(blank=True, related_name='goals', to='goals.communitygroup', verbose_name='community groups')),
            ],
            options={
                'verbose_name': 'shared goal',
                'verbose_name_plural': 'shared goals',
                'ordering': ['priority', 'title', 'id'],
            },
        ),
        historical_model(
            'HistoricalGoal', 'shared goal', 'shared goals',
            fields=[*GOAL, *historical_timestamps()], added=[TARGET_ON], relations=[history_user()],
        ),
        historical_m2m('HistoricalGoal_community_groups', owner='goals.goal', target='goals.communitygroup'),
        historical_model(
            'HistoricalIndicator', 'indicator', 'indicators',
            fields=INDICATOR, relations=[
                ('goal', historical_fk('goals.goal', 'goal')),
                history_user(),
            ],
        ),
        historical_model(
            'HistoricalSafetyStrategy', 'local safety strategy', 'local safety strategies',
            fields=[*STRATEGY, *historical_timestamps()], relations=[
                history_user(),
                ('owner', historical_fk('actors.organisation', 'owner body')),
            ],
        ),
        migrations.CreateModel(
            name='Indicator',
            fields=[
                auto_id(),
                *INDICATOR,
                ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='goals.goal', verbose_name='goal')),
            ],
            options={
                'verbose_name': 'indicator',
                'verbose_name_plural': 'indicators',
                'ordering': ['goal_id', 'name', 'id'],
            },
        ),
        historical_model(
            'HistoricalMeasurement', 'measurement', 'measurements',
            fields=[
                *MEASUREMENT,
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
            ], relations=[
                history_user(),
                ('indicator', historical_fk('goals.indicator', 'indicator')),
            ],
        ),
        migrations.CreateModel(
            name='Measurement',
            fields=[
                auto_id(),
                *MEASUREMENT,
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
                auto_id(),
                *STRATEGY,
                *timestamps(),
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
            field=historical_fk('goals.safetystrategy', 'strategy'),
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
