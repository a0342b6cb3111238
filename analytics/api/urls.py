from django.urls import path

from .views import (
    ContributionFiguresView,
    FiguresIndexView,
    IndicatorFiguresView,
    PartnershipFiguresView,
)

app_name = "analytics-api"

urlpatterns = [
    path("stats/", FiguresIndexView.as_view(), name="stats-index"),
    path("stats/partnerships/", PartnershipFiguresView.as_view(), name="stats-partnerships"),
    path("stats/contributions/", ContributionFiguresView.as_view(), name="stats-contributions"),
    path("stats/indicators/", IndicatorFiguresView.as_view(), name="stats-indicators"),
]
