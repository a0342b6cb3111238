from django.urls import path

from . import views

app_name = "goals"

urlpatterns = [
    path("", views.goal_list_view, name="goal_list"),
    path("<int:pk>/", views.goal_detail, name="goal_detail"),
    path("<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("<int:pk>/history/", views.goal_history, name="goal_history"),
    path("<int:goal_pk>/indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path(
        "indicators/<int:indicator_pk>/measurements/new/",
        views.measurement_create,
        name="measurement_create",
    ),
    path("measurements/<int:pk>/edit/", views.measurement_edit, name="measurement_edit"),
    path("measurements/<int:pk>/withdraw/", views.measurement_withdraw,
         name="measurement_withdraw"),
    path("strategies/", views.strategy_list_view, name="strategy_list"),
    path("strategies/new/", views.strategy_create, name="strategy_create"),
    path("strategies/<int:pk>/", views.strategy_detail, name="strategy_detail"),
    path("strategies/<int:pk>/edit/", views.strategy_edit, name="strategy_edit"),
    path("strategies/<int:pk>/history/", views.strategy_history, name="strategy_history"),
    path("strategies/<int:strategy_pk>/goals/new/", views.goal_create, name="goal_create"),
]
