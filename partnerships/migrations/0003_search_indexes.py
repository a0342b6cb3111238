from django.db import migrations

from core.api.search_indexes import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_contribution_measures_not_null")]

    operations = [
        search_index_operation(
            "partnerships.Partnership", "partnership_search", ("title", "summary", "territory")
        ),
        search_index_operation("partnerships.Rule", "rule_search", ("title", "text")),
        search_index_operation("partnerships.Contribution", "contribution_search", ("description",)),
    ]
