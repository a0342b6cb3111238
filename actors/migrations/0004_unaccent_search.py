from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from core.api.search_indexes import (
    search_configurations_operation,
    search_document_index_operation,
)


class Migration(migrations.Migration):
    dependencies = [("actors", "0003_organisation_security_licence")]

    operations = [
        UnaccentExtension(),
        search_configurations_operation(),
        search_document_index_operation(
            "actors.Organisation", "organisation_search",
            ("name", "identifier", "territory", "description"),
        ),
    ]
