from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("charts/<slug:name>.csv", views.chart_csv, name="chart_csv"),
    path("charts/<slug:name>.svg", views.chart_svg, name="chart_svg"),
]
