from django.urls import path

from core.routes import resource_paths

from . import views

app_name = "projects"

urlpatterns = [
    *resource_paths(views, "project", "list", "create", "detail", "edit", "delete", "history"),
    path("goals/<int:pk>/cooperation/", views.goal_cooperation, name="goal_cooperation"),
    path("goals/<int:pk>/needs/", views.need_add, name="need_add"),
    path("goals/<int:pk>/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("goals/<int:pk>/invite/", views.invitation_send, name="invitation_send"),
    path("goals/<int:pk>/draft-partnership/", views.draft_partnership, name="draft_partnership"),
    path("opportunities/", views.opportunities, name="opportunities"),
    *resource_paths(views, "offer", "list", "delete", prefix="offers/"),
    path("digest/", views.digest_set, name="digest_set"),
]
