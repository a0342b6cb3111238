from django.urls import path

from core.routes import resource_paths

from . import views

app_name = "partnerships"

urlpatterns = [
    *resource_paths(views, "partnership", "list", "create", "detail", "edit", "delete", "history"),
    *resource_paths(views, "public_partnership", "list", "detail", prefix="public/"),
    path("<int:pk>/status/", views.partnership_transition, name="partnership_transition"),
    path("<int:pk>/documents/new/", views.document_upload, name="document_create"),
    path("documents/<uuid:uuid>/", views.document_download, name="document_download"),
    path("<int:pk>/dossier.pdf", views.partnership_dossier, name="partnership_dossier"),
    path("public/<int:pk>/dossier.pdf", views.public_partnership_dossier,
         name="public_partnership_dossier"),
]
