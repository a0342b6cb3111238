"""Organisations, people and memberships, with their history, and free-text search.

Search needs the ``unaccent`` extension and the ``french_unaccent`` and ``english_unaccent``
configurations (``core.search``) that later apps' indexes use too; the GIN index holds the
very expression the lists filter on. Other databases get the tables alone.

This one migration stands for the app's first four; a database that has those is up to date.
"""

import actors.models
import django.contrib.auth.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.contrib.postgres.operations import UnaccentExtension

from core.api.search_indexes import (
    search_configurations_operation,
    search_document_index_operation,
)
from core.migration_parts import auto_id, historical_fk, historical_model, historical_timestamps, history_user, timestamps


# Columns that an organisation and its history have alike.
ORGANISATION = (
    ('name', models.CharField(max_length=200, verbose_name='name')),
    ('sector', models.CharField(choices=[('public', 'Public body'), ('private', 'Private sector'), ('intermediary', 'Intermediary or civil society')], max_length=20, verbose_name='sector')),
    ('kind', models.CharField(choices=[('municipality', 'Municipality'), ('intermunicipal', 'Inter-municipal body'), ('regional_authority', 'Regional authority'), ('national_authority', 'National authority'), ('police', 'Police'), ('prosecution', 'Prosecution service'), ('transport_authority', 'Transport authority'), ('school', 'School'), ('social_services', 'Social services'), ('housing_body', 'Public housing body'), ('sme', 'Small or medium enterprise'), ('large_enterprise', 'Large enterprise'), ('private_security', 'Private security company'), ('retailer', 'Retailer'), ('transport_operator', 'Transport operator'), ('nightlife', 'Nightlife venue or operator'), ('technology', 'Technology company'), ('business_association', 'Business association'), ('chamber_of_commerce', 'Chamber of commerce'), ('bid', 'Business improvement district'), ('city_centre_management', 'City-centre management'), ('ngo', 'Non-governmental organisation'), ('residents_association', "Residents' association"), ('research', 'University or research body')], max_length=30, verbose_name='kind')),
    ('identifier_scheme', models.CharField(choices=[('FR-RCS', 'France: SIREN/SIRET (Registre du commerce et des sociétés)'), ('FR-RNA', 'France: Répertoire national des associations (local scheme)'), ('GB-COH', 'United Kingdom: Companies House'), ('GB-LAE', 'United Kingdom: Local authorities (England)'), ('GB-CHC', 'United Kingdom: Charity Commission (England and Wales)'), ('DE-CR', 'Germany: Commercial register (Handelsregister)'), ('BE-BCE_KBO', 'Belgium: Crossroads Bank for Enterprises'), ('NL-KVK', 'Netherlands: Chamber of Commerce'), ('ES-DIR3', 'Spain: Common directory of public administration units'), ('IT-IPA', 'Italy: Public administration index'), ('XI-LEI', 'Global Legal Entity Identifier'), ('XX-LOCAL', 'Other local scheme (not on org-id.guide)')], help_text='The register the identifier comes from, in the org-id.guide style.', max_length=20, verbose_name='identifier scheme')),
    ('identifier', models.CharField(max_length=64, verbose_name='identifier')),
    ('country', models.CharField(help_text='ISO 3166-1 alpha-2 code, e.g. FR, BE, DE.', max_length=2, verbose_name='country')),
    ('territory', models.CharField(help_text='City, district or region where it acts.', max_length=120, verbose_name='territory')),
    ('website', models.URLField(blank=True, verbose_name='website')),
    ('description', models.TextField(blank=True, verbose_name='description')),
    ('verification_status', models.CharField(choices=[('unverified', 'Unverified'), ('verified', 'Verified'), ('rejected', 'Rejected')], default='unverified', max_length=12, verbose_name='verification')),
    ('verified_at', models.DateTimeField(blank=True, null=True, verbose_name='verified at')),
    ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='contact name')),
    ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
    ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
    ('internal_notes', models.TextField(blank=True, verbose_name='internal notes')),
)
LICENCE = (
    ('licence_expires_on', models.DateField(blank=True, null=True, verbose_name='security licence expires on')),
    ('licence_number', models.CharField(blank=True, max_length=64, verbose_name='security licence number')),
    ('licence_scheme', models.CharField(blank=True, choices=[('FR-CNAPS', "France: CNAPS authorisation to operate (autorisation d'exercer)"), ('GB-SIA', 'United Kingdom: Security Industry Authority licence'), ('OTHER', 'Other national regulator (format not checked)')], help_text='The regulator that licensed this private security company.', max_length=20, verbose_name='security licence scheme')),
)


class Migration(migrations.Migration):

    replaces = [
        ('actors', '0001_initial'),
        ('actors', '0002_search_indexes'),
        ('actors', '0003_organisation_security_licence'),
        ('actors', '0004_unaccent_search'),
    ]

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='User',
            fields=[
                auto_id(),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('username', models.CharField(error_messages={'unique': 'A user with that username already exists.'}, help_text='Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.', max_length=150, unique=True, validators=[django.contrib.auth.validators.UnicodeUsernameValidator()], verbose_name='username')),
                ('first_name', models.CharField(blank=True, max_length=150, verbose_name='first name')),
                ('last_name', models.CharField(blank=True, max_length=150, verbose_name='last name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                ('function', models.CharField(blank=True, choices=[('', 'No function'), ('coordinator', 'Coordinator'), ('firm_representative', 'Firm representative'), ('analyst', 'Analyst')], default='', max_length=30, verbose_name='function')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
            ],
            options={
                'verbose_name': 'user',
                'verbose_name_plural': 'users',
                'abstract': False,
            },
            managers=[
                ('objects', actors.models.RegistryUserManager()),
            ],
        ),
        historical_model(
            'HistoricalOrganisation', 'organisation', 'organisations',
            fields=[*ORGANISATION, *historical_timestamps()], added=LICENCE, relations=[
                history_user(),
                ('verified_by', historical_fk(settings.AUTH_USER_MODEL, 'verified by')),
            ],
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                auto_id(),
                *ORGANISATION,
                *timestamps(),
                *LICENCE,
                ('verified_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='verified by')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name', 'id'],
            },
        ),
        migrations.AddField(
            model_name='user',
            name='organisation',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='members', to='actors.organisation', verbose_name='organisation'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['sector', 'kind'], name='actors_orga_sector_94df71_idx'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['country', 'territory'], name='actors_orga_country_cd34ee_idx'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.UniqueConstraint(fields=('identifier_scheme', 'identifier'), name='organisation_identifier_unique', violation_error_message='An organisation with this identifier already exists.'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(('sector__in', ['public', 'private', 'intermediary'])), name='organisation_sector_valid'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(('verification_status__in', ['unverified', 'verified', 'rejected'])), name='organisation_verification_valid'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(('identifier', ''), _negated=True), name='organisation_identifier_not_empty'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('licence_expires_on__isnull', True), ('licence_number', ''), ('licence_scheme', '')), models.Q(models.Q(('licence_scheme', ''), _negated=True), models.Q(('licence_number', ''), _negated=True), ('licence_expires_on__isnull', False)), _connector='OR'), name='organisation_licence_complete', violation_error_message='A security licence needs its scheme, its number and its expiry date.'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.CheckConstraint(condition=models.Q(('function', ''), ('organisation__isnull', False), _connector='OR'), name='user_function_needs_organisation', violation_error_message='A person with a function must belong to an organisation.'),
        ),
        UnaccentExtension(),
        search_configurations_operation(),
        search_document_index_operation(
            "actors.Organisation", "organisation_search",
            ("name", "identifier", "territory", "description"),
        ),
    ]
