from django.urls import path

from . import views

app_name = "accounts"

# Under /accounts/, beside Django's sign-in pages (login/, logout/, password_change/,
# password_reset/, reset/...), whose paths these do not take.
urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/sent/", views.register_done, name="register_done"),
    path("register/confirm/resend/", views.confirm_email_resend, name="confirm_email_resend"),
    path("register/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("members/", views.membership_list, name="membership_list"),
    path("members/<int:pk>/<str:decision>/", views.membership_decide, name="membership_decide"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("data/", views.my_data, name="my_data"),
    path("data.json", views.my_data_download, name="my_data_download"),
    path("erase/", views.account_erase, name="account_erase"),
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<str:token_key>/revoke/", views.token_revoke, name="token_revoke"),
]
