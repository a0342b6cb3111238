"""The API tokens page: make a named token with an expiry and a scope, see it, revoke it."""

import pytest
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from core.models import TokenScope
from tests.access import assert_each_kind_gets, expect

pytestmark = pytest.mark.django_db

PAGE = "/accounts/tokens/"


def test_every_signed_in_user_has_the_page(client, users):
    assert_each_kind_gets(client, users, PAGE, expect(302, 200, 200, 200, 200, 200, 200).values())


def test_base_links_tokens_and_api_docs_for_signed_in_users(client, analyst):
    assert reverse("accounts:token_list") not in client.get("/").text
    client.force_login(analyst)
    page = client.get("/").text
    assert reverse("accounts:token_list") in page and reverse("api-docs") in page


def _make(client, **data):
    return client.post(PAGE, {"name": "Notebook", "expiry_days": 30, **data})


def test_key_is_shown_once_and_works_read_only(client, analyst, active):
    client.force_login(analyst)
    response = _make(client, scope=TokenScope.READ)
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key in response.text and response["Cache-Control"] == "no-store"
    assert key not in client.get(PAGE).text
    token = AuthToken.objects.get(user=analyst)
    assert token.details.name == "Notebook" and token.details.scope == TokenScope.READ

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/partnerships/").status_code == 200
    refused = api.post("/api/v1/partnerships/", {"title": "x", "territory": "y"}, format="json")
    assert refused.status_code == 403
    assert "read-only" in refused.json()["detail"]
    token.details.refresh_from_db()
    assert token.details.last_used_at is not None
    assert "Notebook" in client.get(PAGE).text


def test_analysts_make_read_only_tokens_only(client, analyst):
    client.force_login(analyst)
    assert _make(client, scope=TokenScope.WRITE).status_code == 400
    assert not AuthToken.objects.filter(user=analyst).exists()


def test_a_coordinator_write_token_writes_and_a_read_token_does_not(client, coordinator, draft):
    client.force_login(coordinator)
    keys = {scope: _make(client, scope=scope).context["new_key"] for scope in TokenScope.values}
    for scope, expected in ((TokenScope.READ, 403), (TokenScope.WRITE, 200)):
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {keys[scope]}")
        response = api.patch(f"/api/v1/partnerships/{draft.pk}/", {"summary": scope}, format="json")
        assert response.status_code == expected, scope


def test_a_read_only_token_cannot_make_a_token_but_may_revoke_one(analyst):
    from core.api.tokens import token_create

    _token, key = token_create(user=analyst, name="ci", scope=TokenScope.READ)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.post("/api/v1/auth/tokens/", {}, format="json").status_code == 403
    listed = api.get("/api/v1/auth/tokens/").json()
    assert listed[0]["name"] == "ci" and listed[0]["scope"] == "read"
    assert api.delete(f"/api/v1/auth/tokens/{listed[0]['token_key']}/").status_code == 204


def test_revoke(client, coordinator, other_coordinator):
    client.force_login(coordinator)
    _make(client, scope=TokenScope.WRITE)
    token = AuthToken.objects.get(user=coordinator)
    client.force_login(other_coordinator)
    assert client.post(f"{PAGE}{token.token_key}/revoke/").status_code == 404
    client.force_login(coordinator)
    assert client.post(f"{PAGE}{token.token_key}/revoke/").status_code == 302
    assert not AuthToken.objects.filter(user=coordinator).exists()


def test_page_in_french(client, analyst):
    client.force_login(analyst)
    page = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Jetons d’API" in page
