from django.urls import path

from core.routes import resource_paths

from . import views

app_name = "actors"

urlpatterns = [
    *resource_paths(views, "organisation", "list", "create", "detail", "edit", "history"),
    path("picker/", views.organisation_picker, name="organisation_picker"),
    path("<int:pk>/verification/", views.organisation_verify, name="organisation_verify"),
]
