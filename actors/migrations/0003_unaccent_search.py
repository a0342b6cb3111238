from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from core.api.search_indexes import (
    search_configurations_operation,
    search_document_index_operation,
)


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_search_indexes")]

    operations = [
        UnaccentExtension(),
        search_configurations_operation(),
        search_document_index_operation(
            "actors.Organisation", "organisation_search",
            ("name", "identifier", "territory", "description"),
        ),
    ]
