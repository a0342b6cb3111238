from django.urls import path

from accounts.views import moved
from core.routes import resource_paths

from . import views

app_name = "calls"

urlpatterns = [
    *resource_paths(views, "call", "list", "create", "detail", "edit", "publish", "close", "history"),
    path("<int:call_pk>/respond/", views.eoi_create, name="eoi_create_for_call"),
    *resource_paths(
        views, "eoi", "list", "create", "detail", "edit", "delete", "history", "submit", "withdraw",
        "start_review", "shortlist", "decline", "accept", "comment", prefix="interest/",
    ),
    path("interest/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("attachments/<uuid:uuid>/", views.attachment_download, name="attachment_download"),
    path("attachments/<uuid:uuid>/delete/", views.attachment_delete, name="attachment_delete"),
    # Accounts moved to /accounts/; links already sent or bookmarked lead there.
    path("register/", moved("accounts:register")),
    path("register/sent/", moved("accounts:register_done")),
    path("register/confirm/resend/", moved("accounts:confirm_email_resend", forms_only=True)),
    path("register/confirm/<str:token>/", moved("accounts:confirm_email")),
    path("members/", moved("accounts:membership_list")),
    path("members/<int:pk>/<str:decision>/",
         moved("accounts:membership_decide", forms_only=True)),
    path("account/data/", moved("accounts:my_data")),
    path("account/data.json", moved("accounts:my_data_download")),
    path("account/erase/", moved("accounts:account_erase", forms_only=True)),
]
