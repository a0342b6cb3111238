from django.urls import path

from accounts.views import moved

from . import views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("new/", views.call_create, name="call_create"),
    path("<int:pk>/", views.call_detail, name="call_detail"),
    path("<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("<int:pk>/publish/", views.call_publish, name="call_publish"),
    path("<int:pk>/close/", views.call_close, name="call_close"),
    path("<int:pk>/history/", views.call_history, name="call_history"),
    path("<int:call_pk>/respond/", views.eoi_create, name="eoi_create_for_call"),
    path("interest/", views.eoi_list, name="eoi_list"),
    path("interest/new/", views.eoi_create, name="eoi_create"),
    path("interest/<int:pk>/", views.eoi_detail, name="eoi_detail"),
    path("interest/<int:pk>/edit/", views.eoi_edit, name="eoi_edit"),
    path("interest/<int:pk>/delete/", views.eoi_delete, name="eoi_delete"),
    path("interest/<int:pk>/history/", views.eoi_history, name="eoi_history"),
    path("interest/<int:pk>/submit/", views.eoi_submit, name="eoi_submit"),
    path("interest/<int:pk>/withdraw/", views.eoi_withdraw, name="eoi_withdraw"),
    path("interest/<int:pk>/start-review/", views.eoi_start_review, name="eoi_start_review"),
    path("interest/<int:pk>/shortlist/", views.eoi_shortlist, name="eoi_shortlist"),
    path("interest/<int:pk>/decline/", views.eoi_decline, name="eoi_decline"),
    path("interest/<int:pk>/accept/", views.eoi_accept, name="eoi_accept"),
    path("interest/<int:pk>/comment/", views.eoi_comment, name="eoi_comment"),
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
