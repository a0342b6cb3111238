from django.db import migrations

from core.api.search_indexes import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_initial")]

    operations = [
        search_index_operation(
            "goals.SafetyStrategy", "strategy_search", ("title", "summary", "territory")
        ),
        search_index_operation("goals.Goal", "goal_search", ("title", "description", "territory")),
        search_index_operation("goals.Indicator", "indicator_search", ("name", "unit")),
        search_index_operation(
            "goals.CommunityGroup", "community_group_search", ("code", "name_en", "name_fr")
        ),
    ]
