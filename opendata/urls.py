from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("catalog.jsonld", views.catalog_jsonld, name="catalog"),
    path("compliance.json", views.compliance_json, name="compliance"),
    path("ocds-records.json.gz", views.ocds_bulk, name="ocds_bulk"),
]
