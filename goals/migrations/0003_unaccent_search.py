from django.db import migrations

from core.api.search_indexes import search_document_index_operation


class Migration(migrations.Migration):
    dependencies = [("goals", "0002_search_indexes"), ("actors", "0003_unaccent_search")]

    operations = [
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
