from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list_view, name="partnership_list"),
    path("new/", views.partnership_create, name="partnership_create"),
    path("<int:pk>/", views.partnership_detail, name="partnership_detail"),
    path("<int:pk>/edit/", views.partnership_edit, name="partnership_edit"),
    path("<int:pk>/status/", views.partnership_transition, name="partnership_transition"),
    path("<int:pk>/delete/", views.partnership_delete, name="partnership_delete"),
    path("<int:pk>/history/", views.partnership_history, name="partnership_history"),
    path("<int:pk>/documents/new/", views.document_upload, name="document_create"),
    path("documents/<uuid:uuid>/", views.document_download, name="document_download"),
    path("public/", views.public_partnership_list, name="public_partnership_list"),
    path("public/<int:pk>/", views.public_partnership_detail, name="public_partnership_detail"),
    path("<int:pk>/dossier.pdf", views.partnership_dossier, name="partnership_dossier"),
    path("public/<int:pk>/dossier.pdf", views.public_partnership_dossier,
         name="public_partnership_dossier"),
]
