from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("", views.organisation_list_view, name="organisation_list"),
    path("picker/", views.organisation_picker, name="organisation_picker"),
    path("new/", views.organisation_create, name="organisation_create"),
    path("<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("<int:pk>/verification/", views.organisation_verify, name="organisation_verify"),
    path("<int:pk>/history/", views.organisation_history, name="organisation_history"),
]
