# The table takes the accounts name, rows kept; the content type follows the model, so that
# permissions granted on registrations and the admin's log entries still point to it.

from django.db import migrations


def content_type_to(app_label, other_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model('contenttypes', 'ContentType')
        if not ContentType.objects.filter(app_label=app_label, model='registration').exists():
            ContentType.objects.filter(app_label=other_label, model='registration').update(
                app_label=app_label
            )

    return move


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_registration_from_calls'),
        ('calls', '0003_registration_moves_to_accounts'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelTable(name='registration', table=None),
        migrations.RunPython(content_type_to('accounts', 'calls'), content_type_to('calls', 'accounts')),
    ]
