from django.db import migrations

from core.api.search_indexes import search_document_index_operation


class Migration(migrations.Migration):
    dependencies = [("goals", "0003_goal_target_date"), ("actors", "0004_unaccent_search")]

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
