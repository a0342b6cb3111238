"""The admin is for administrators: every other kind of user is sent to its sign-in page."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

ADMIN_PAGES = sorted(
    reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for model in admin.site._registry
)


@pytest.mark.parametrize(
    "kind", ["anonymous", "firm", "other_firm", "other_coordinator", "coordinator", "analyst"]
)
def test_only_administrators_reach_the_admin(client, users, kind):
    if users[kind] is not None:
        client.force_login(users[kind])
    for url in ["/admin/", *ADMIN_PAGES]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_administrators_reach_every_admin_page(client, users):
    client.force_login(users["admin"])
    for url in ["/admin/", *ADMIN_PAGES]:
        assert client.get(url).status_code == 200, url
