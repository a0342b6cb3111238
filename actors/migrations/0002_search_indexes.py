from django.db import migrations

from core.api.search_indexes import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [
        search_index_operation(
            "actors.Organisation", "organisation_search",
            ("name", "identifier", "territory", "description"),
        ),
    ]
