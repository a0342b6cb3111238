from django.urls import path

from core.routes import resource_paths

from . import views

app_name = "goals"

urlpatterns = [
    *resource_paths(views, "goal", "list", "detail", "edit", "history"),
    path("<int:goal_pk>/indicators/new/", views.indicator_create, name="indicator_create"),
    *resource_paths(views, "indicator", "edit", prefix="indicators/"),
    path(
        "indicators/<int:indicator_pk>/measurements/new/",
        views.measurement_create,
        name="measurement_create",
    ),
    *resource_paths(views, "measurement", "edit", "withdraw", prefix="measurements/"),
    *resource_paths(views, "strategy", "list", "create", "detail", "edit", "history",
                    prefix="strategies/"),
    path("strategies/<int:strategy_pk>/goals/new/", views.goal_create, name="goal_create"),
]
