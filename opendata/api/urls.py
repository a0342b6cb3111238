from django.urls import path

from . import views

app_name = "opendata-api"

urlpatterns = [
    path("ocds/releases/", views.ocds_releases, name="ocds_releases"),
    path("ocds/records/", views.ocds_records, name="ocds_records"),
]
