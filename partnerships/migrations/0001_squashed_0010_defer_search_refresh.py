"""Partnerships, their parties, contributions, rules, documents and history; their stored
search vector and what the figures across partnerships need from PostgreSQL.

The search vector (``partnerships_partnership.search_vector``) holds the partnership's title,
summary and territory and the names of its parties' organisations, its goals' titles and its
community groups' names (English and French), each run through ``french_unaccent`` and
``english_unaccent``. Triggers refresh it whatever writes the rows (services, admin, bulk loads,
SQL):

- a partnership's own row: before it is inserted, or updated with its title, summary or
  territory in the SET list (every ``save()``);
- its parties and its goal and group links: after each statement that inserts, updates or
  deletes some, for the partnerships those rows belong to (once per statement);
- an organisation's name, a goal's title, a group's names: after each statement that changes
  them, for the partnerships that name them.

A bulk load may set ``efus.defer_search`` to ``on`` for its transaction (``SET LOCAL``): the
partnership and link triggers then do nothing and the loader calls
``partnership_search_refresh(ids)`` itself before it commits
(``partnerships.services.partnership_search_deferred``). The triggers on names do not read it.

For the figures (``analytics.selectors``): a narrow covering index of the columns they group
and filter by; the goal links indexed by goal then partnership; statistics on the start year,
without which PostgreSQL guesses 200 distinct years and sorts every contribution on disk.

Other databases get the tables and an always empty ``search_vector``: their search is the
portable fallback.

This one migration stands for the app's first ten; a database that has those is up to date.
"""

import django.contrib.postgres.search
import django.db.models.deletion
import partnerships.models
import uuid
from django.conf import settings
from django.db import migrations, models

from core.api.search_indexes import search_document_index_operation
from core.migration_parts import auto_id, historical_fk, historical_m2m, historical_model, historical_timestamps, history_user, statement_refresh_function, statement_triggers, timestamps
from partnerships.migration_parts import measure_fields
from core.search import SEARCH_CONFIGS

DOCUMENT = " || ".join(f"to_tsvector('{config}'::regconfig, doc)" for config in SEARCH_CONFIGS)
DEFERRED = "current_setting('efus.defer_search', true) = 'on'"

FUNCTIONS = f"""
CREATE FUNCTION partnership_search_document(pid bigint, title text, summary text, territory text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT {DOCUMENT} FROM (SELECT concat_ws(' ', title, summary, territory,
    (SELECT string_agg(o.name, ' ') FROM partnerships_party pa
       JOIN actors_organisation o ON o.id = pa.organisation_id WHERE pa.partnership_id = pid),
    (SELECT string_agg(g.title, ' ') FROM partnerships_partnership_goals pg
       JOIN goals_goal g ON g.id = pg.goal_id WHERE pg.partnership_id = pid),
    (SELECT string_agg(c.name_en || ' ' || c.name_fr, ' ')
       FROM partnerships_partnership_community_groups pc
       JOIN goals_communitygroup c ON c.id = pc.communitygroup_id WHERE pc.partnership_id = pid)
  )) AS document(doc)
$$;

CREATE FUNCTION partnership_search_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE partnerships_partnership p
  SET search_vector = partnership_search_document(p.id, p.title, p.summary, p.territory)
  WHERE p.id = ANY(ids)
$$;

CREATE FUNCTION partnership_search_own_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF {DEFERRED} THEN RETURN NEW; END IF;
  NEW.search_vector := partnership_search_document(NEW.id, NEW.title, NEW.summary, NEW.territory);
  RETURN NEW;
END $$;

CREATE TRIGGER partnership_search BEFORE INSERT OR UPDATE OF title, summary, territory
ON partnerships_partnership FOR EACH ROW EXECUTE FUNCTION partnership_search_own_row();

CREATE INDEX partnership_search ON partnerships_partnership USING gin (search_vector);
"""

# Tables whose rows belong to one partnership (partnership_id): inserted, updated, deleted.
LINKS = ("partnerships_party", "partnerships_partnership_goals",
         "partnerships_partnership_community_groups")

# Tables whose names appear in partnerships: (table, names, how partnerships reach them).
NAMED = (
    ("actors_organisation", ("name",),
     "partnerships_party l ON l.organisation_id = n.id"),
    ("goals_goal", ("title",), "partnerships_partnership_goals l ON l.goal_id = n.id"),
    ("goals_communitygroup", ("name_en", "name_fr"),
     "partnerships_partnership_community_groups l ON l.communitygroup_id = n.id"),
)

STATISTICS = "partnership_start_year"


def _link_triggers(table: str) -> str:
    function = f"{table}_search_refresh"
    return statement_refresh_function(
        function,
        refresh="partnership_search_refresh",
        key="partnership_id",
        guard=f"IF {DEFERRED} THEN RETURN NULL; END IF;",
    ) + statement_triggers("search_refresh", table, function)


def _name_trigger(table: str, names: tuple[str, ...], join: str) -> str:
    function = f"{table}_search_refresh"
    changed = " OR ".join(f"n.{name} IS DISTINCT FROM o.{name}" for name in names)
    return f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM partnership_search_refresh(ARRAY(
    SELECT DISTINCT l.partnership_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN {join} WHERE {changed}));
  RETURN NULL;
END $$;
""" + statement_triggers("search_refresh", table, function, ("UPDATE",))


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS)
    for table in LINKS:
        schema_editor.execute(_link_triggers(table))
    for named in NAMED:
        schema_editor.execute(_name_trigger(*named))
    schema_editor.execute(
        f"CREATE STATISTICS {STATISTICS} ON (EXTRACT(YEAR FROM starts_on)) "
        "FROM partnerships_partnership"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")
    for table, *_ in NAMED:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS search_refresh_update ON {table}")
    for table in (*LINKS, *(named[0] for named in NAMED)):
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_refresh() CASCADE")
    schema_editor.execute("DROP FUNCTION partnership_search_own_row() CASCADE")
    schema_editor.execute("DROP FUNCTION partnership_search_refresh(bigint[])")
    schema_editor.execute("DROP FUNCTION partnership_search_document(bigint, text, text, text)")


# Columns that a model and its history have alike.
PARTNERSHIP = (
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('summary', models.TextField(blank=True, verbose_name='summary')),
    ('status', models.CharField(choices=[('draft', 'Draft'), ('negotiation', 'In negotiation'), ('active', 'Active'), ('suspended', 'Suspended'), ('concluded', 'Concluded'), ('terminated', 'Terminated')], default='draft', editable=False, max_length=12, verbose_name='status')),
    ('territory', models.CharField(max_length=120, verbose_name='territory')),
    ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts on')),
    ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
    ('next_review_on', models.DateField(blank=True, null=True, verbose_name='next review on')),
    ('activated_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='activated at')),
    ('internal_notes', models.TextField(blank=True, verbose_name='internal notes')),
)
STATUS_CHANGE = (
    ('status_changed_on', models.DateField(blank=True, editable=False, null=True, verbose_name='status changed on')),
    ('status_reason', models.TextField(blank=True, editable=False, verbose_name='reason for the status')),
)
LANGUAGE = ('language', models.CharField(blank=True, choices=[('en', 'English'), ('fr', 'French'), ('de', 'German'), ('es', 'Spanish'), ('it', 'Italian'), ('nl', 'Dutch'), ('pt', 'Portuguese'), ('other', 'Other')], default='', max_length=8, verbose_name='language'))
RULE = (
    ('category', models.CharField(choices=[('governance', 'Governance and decision-making'), ('data_protection', 'Data sharing and confidentiality'), ('conflict_of_interest', 'Conflict of interest'), ('funding', 'Funding'), ('evaluation', 'Evaluation and reporting'), ('exit', 'Termination and exit'), ('transparency', 'Transparency')], max_length=30, verbose_name='category')),
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('text', models.TextField(verbose_name='text')),
)
PARTY = (
    ('role', models.CharField(choices=[('lead_authority', 'Lead authority'), ('regulatory_authority', 'Police or regulatory authority'), ('co_funder', 'Co-funder'), ('operational_partner', 'Operational partner'), ('service_provider', 'Service provider'), ('data_provider', 'Data provider'), ('expert_adviser', 'Expert adviser'), ('facilitator', 'Facilitator'), ('evaluator', 'Evaluator')], max_length=30, verbose_name='role')),
    ('responsibilities', models.TextField(help_text='What this party undertakes to do, in plain words.', verbose_name='responsibilities')),
    ('joined_on', models.DateField(blank=True, null=True, verbose_name='joined on')),
)
DOCUMENT_DESCRIPTION = (
    ('kind', models.CharField(choices=[('signed_agreement', 'Signed agreement'), ('amendment', 'Amendment'), ('minutes', 'Minutes'), ('evaluation_report', 'Evaluation report')], max_length=20, verbose_name='kind')),
    ('title', models.CharField(max_length=200, verbose_name='title')),
    ('issued_on', models.DateField(verbose_name='date')),
    ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('de', 'German'), ('es', 'Spanish'), ('it', 'Italian'), ('nl', 'Dutch'), ('pt', 'Portuguese'), ('other', 'Other')], max_length=8, verbose_name='language')),
    ('visibility', models.CharField(choices=[('public', 'Public'), ('parties', 'Parties only'), ('internal', 'Lead body only')], default='public', max_length=10, verbose_name='visibility')),
)
DOCUMENT_FILE = (
    ('original_name', models.CharField(max_length=200, verbose_name='file name')),
    ('size', models.PositiveIntegerField(verbose_name='size in bytes')),
)


class Migration(migrations.Migration):

    replaces = [
        ('partnerships', '0001_initial'),
        ('partnerships', '0002_contribution_measures_not_null'),
        ('partnerships', '0003_search_indexes'),
        ('partnerships', '0004_one_lead_authority'),
        ('partnerships', '0005_add_status_reason'),
        ('partnerships', '0006_add_documents'),
        ('partnerships', '0007_partnership_search_vector'),
        ('partnerships', '0008_partnership_language'),
        ('partnerships', '0009_add_figures_index'),
        ('partnerships', '0010_defer_search_refresh'),
    ]

    initial = True

    dependencies = [
        ('actors', '0001_squashed_0004_unaccent_search'),
        ('goals', '0001_squashed_0004_unaccent_search'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        historical_model(
            'HistoricalPartnership', 'partnership', 'partnerships',
            fields=[*PARTNERSHIP, *historical_timestamps()], added=[*STATUS_CHANGE, LANGUAGE], relations=[
                ('created_by', historical_fk(settings.AUTH_USER_MODEL, 'created by', editable=False)),
                history_user(),
                ('lead_body', historical_fk('actors.organisation', 'lead public body')),
            ],
        ),
        migrations.CreateModel(
            name='Partnership',
            fields=[
                auto_id(),
                *PARTNERSHIP,
                *timestamps(),
                *STATUS_CHANGE,
                ('search_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                LANGUAGE,
                ('community_groups', models.ManyToManyField(blank=True, related_name='partnerships', to='goals.communitygroup', verbose_name='community groups served')),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('goals', models.ManyToManyField(blank=True, related_name='partnerships', to='goals.goal', verbose_name='goals')),
                ('lead_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='led_partnerships', to='actors.organisation', verbose_name='lead public body')),
            ],
            options={
                'verbose_name': 'partnership',
                'verbose_name_plural': 'partnerships',
                'ordering': ['-created_at', '-id'],
            },
        ),
        historical_model(
            'HistoricalRule', 'rule', 'rules',
            fields=RULE, relations=[
                history_user(),
                ('partnership', historical_fk('partnerships.partnership', 'partnership')),
            ],
        ),
        historical_model(
            'HistoricalParty', 'party', 'parties',
            fields=PARTY, relations=[
                history_user(),
                ('organisation', historical_fk('actors.organisation', 'organisation')),
                ('partnership', historical_fk('partnerships.partnership', 'partnership')),
            ],
        ),
        historical_m2m('HistoricalPartnership_goals', owner='partnerships.partnership', target='goals.goal'),
        historical_m2m(
            'HistoricalPartnership_community_groups',
            owner='partnerships.partnership', target='goals.communitygroup',
        ),
        historical_model(
            'HistoricalDocument', 'document', 'documents',
            fields=[
                ('uuid', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name='identifier')),
                *DOCUMENT_DESCRIPTION,
                ('file', models.TextField(max_length=200, verbose_name='file')),
                *DOCUMENT_FILE,
                ('uploaded_at', models.DateTimeField(blank=True, editable=False, verbose_name='uploaded at')),
            ], relations=[
                history_user(),
                ('uploaded_by', historical_fk(settings.AUTH_USER_MODEL, 'uploaded by')),
                ('partnership', historical_fk('partnerships.partnership', 'partnership')),
            ],
        ),
        migrations.CreateModel(
            name='Document',
            fields=[
                auto_id(),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identifier')),
                *DOCUMENT_DESCRIPTION,
                ('file', models.FileField(max_length=200, upload_to=partnerships.models.document_path, verbose_name='file')),
                *DOCUMENT_FILE,
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('partnership', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='partnerships.partnership', verbose_name='partnership')),
            ],
            options={
                'verbose_name': 'document',
                'verbose_name_plural': 'documents',
                'ordering': ['partnership_id', '-issued_on', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Party',
            fields=[
                auto_id(),
                *PARTY,
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='parties', to='actors.organisation', verbose_name='organisation')),
                ('partnership', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parties', to='partnerships.partnership', verbose_name='partnership')),
            ],
            options={
                'verbose_name': 'party',
                'verbose_name_plural': 'parties',
                'ordering': ['partnership_id', 'id'],
            },
        ),
        historical_model(
            'HistoricalContribution', 'contribution', 'contributions',
            fields=measure_fields(), relations=[
                history_user(),
                ('party', historical_fk('partnerships.party', 'party')),
            ],
        ),
        migrations.CreateModel(
            name='Contribution',
            fields=[
                auto_id(),
                *measure_fields(),
                ('party', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='partnerships.party', verbose_name='party')),
            ],
            options={
                'verbose_name': 'contribution',
                'verbose_name_plural': 'contributions',
                'ordering': ['party_id', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Rule',
            fields=[
                auto_id(),
                *RULE,
                ('partnership', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rules', to='partnerships.partnership', verbose_name='partnership')),
            ],
            options={
                'verbose_name': 'rule',
                'verbose_name_plural': 'rules',
                'ordering': ['partnership_id', 'category', 'id'],
            },
        ),
        migrations.AddIndex(
            model_name='partnership',
            index=models.Index(fields=['status', '-created_at'], name='partnership_status_bfd987_idx'),
        ),
        migrations.AddIndex(
            model_name='partnership',
            index=models.Index(fields=['lead_body', 'status'], name='partnership_lead_bo_b244aa_idx'),
        ),
        migrations.AddIndex(
            model_name='partnership',
            index=models.Index(fields=['next_review_on'], name='partnership_next_re_ea17ac_idx'),
        ),
        migrations.AddIndex(
            model_name='partnership',
            index=models.Index(fields=['status', 'territory', 'starts_on', 'created_at', 'lead_body', 'id'], name='partnership_figures'),
        ),
        migrations.AddConstraint(
            model_name='partnership',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'negotiation', 'active', 'suspended', 'concluded', 'terminated'])), name='partnership_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='partnership',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('starts_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='partnership_ends_after_start', violation_error_message='A partnership cannot end before it starts.'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['signed_agreement', 'amendment', 'minutes', 'evaluation_report'])), name='document_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(('visibility__in', ['public', 'parties', 'internal'])), name='document_visibility_valid'),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.UniqueConstraint(fields=('partnership', 'organisation', 'role'), name='party_role_once', violation_error_message='This organisation already holds this role here.'),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['lead_authority', 'regulatory_authority', 'co_funder', 'operational_partner', 'service_provider', 'data_provider', 'expert_adviser', 'facilitator', 'evaluator'])), name='party_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.CheckConstraint(condition=models.Q(('responsibilities', ''), _negated=True), name='party_responsibilities_written', violation_error_message="Write down this party's responsibilities."),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.UniqueConstraint(condition=models.Q(('role', 'lead_authority')), fields=('partnership',), name='party_one_lead_authority', violation_error_message='A partnership has one lead authority.'),
        ),
        migrations.AddConstraint(
            model_name='contribution',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['financial', 'human_resources', 'expertise', 'in_kind', 'data'])), name='contribution_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='contribution',
            constraint=models.CheckConstraint(condition=models.Q(('amount__isnull', True), ('amount__gte', 0), _connector='OR'), name='contribution_amount_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='contribution',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'financial'), _negated=True), models.Q(('amount__gt', 0), ('amount__isnull', False), models.Q(('currency', ''), _negated=True)), _connector='OR'), name='contribution_financial_has_amount', violation_error_message='A financial contribution needs a positive amount and a currency.'),
        ),
        migrations.AddConstraint(
            model_name='contribution',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'human_resources'), _negated=True), models.Q(('person_days__gt', 0), ('person_days__isnull', False)), _connector='OR'), name='contribution_human_resources_has_days', violation_error_message='A human-resources contribution needs a positive number of person-days.'),
        ),
        migrations.AddConstraint(
            model_name='rule',
            constraint=models.CheckConstraint(condition=models.Q(('category__in', ['governance', 'data_protection', 'conflict_of_interest', 'funding', 'evaluation', 'exit', 'transparency'])), name='rule_category_valid'),
        ),
        migrations.AddConstraint(
            model_name='rule',
            constraint=models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='rule_text_written', violation_error_message='A rule needs its text.'),
        ),
        search_document_index_operation("partnerships.Rule", "rule_search", ("title", "text")),
        search_document_index_operation(
            "partnerships.Contribution", "contribution_search", ("description",)
        ),
        migrations.RunSQL(
            "CREATE INDEX partnership_goals_by_goal "
            "ON partnerships_partnership_goals (goal_id, partnership_id)",
            "DROP INDEX partnership_goals_by_goal",
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
