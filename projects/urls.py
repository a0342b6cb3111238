from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list_view, name="project_list"),
    path("new/", views.project_create, name="project_create"),
    path("<int:pk>/", views.project_detail, name="project_detail"),
    path("<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("<int:pk>/delete/", views.project_delete, name="project_delete"),
    path("<int:pk>/history/", views.project_history, name="project_history"),
]

urlpatterns += [
    path("goals/<int:pk>/cooperation/", views.goal_cooperation, name="goal_cooperation"),
    path("goals/<int:pk>/needs/", views.need_add, name="need_add"),
    path("goals/<int:pk>/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("goals/<int:pk>/invite/", views.invitation_send, name="invitation_send"),
    path("goals/<int:pk>/draft-partnership/", views.draft_partnership, name="draft_partnership"),
    path("opportunities/", views.opportunities, name="opportunities"),
    path("offers/", views.offer_list_view, name="offer_list"),
    path("offers/<int:pk>/delete/", views.offer_delete, name="offer_delete"),
    path("digest/", views.digest_set, name="digest_set"),
]
