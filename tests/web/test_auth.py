"""Signing in and out, passwords, and the lock after repeated failures."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def test_sign_in_leads_to_the_dashboard(client, coordinator):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("home:home")


def test_a_wrong_password_is_reported_in_the_error_summary(client, coordinator):
    response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})

    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_post(client_for):
    client = client_for("coordinator")

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_page_that_needs_an_account_sends_to_sign_in_and_back(client, coordinator):
    url = reverse("partnerships:partnership_list")
    response = client.get(url)

    assert response["Location"] == f"{reverse('login')}?next={url}"
    signed_in = client.post(
        response["Location"], {"username": "alice", "password": PASSWORD, "next": url}
    )
    assert signed_in["Location"] == url


def test_password_change(client_for, coordinator):
    response = client_for("coordinator").post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "a new long passphrase",
        "new_password2": "a new long passphrase",
    })

    coordinator.refresh_from_db()
    assert response.status_code == 302
    assert coordinator.check_password("a new long passphrase")


def test_password_reset_mail_is_sent_in_the_readers_language(client, coordinator):
    response = client.post(reverse("password_reset"), {"email": coordinator.email},
                           HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert "mot de passe" in message.subject
    assert "/accounts/reset/" in message.body
    assert "Pour choisir un nouveau mot de passe" in message.body


def test_the_reset_link_lets_one_choose_a_new_password(client, coordinator):
    client.post(reverse("password_reset"), {"email": coordinator.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)

    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {
        "new_password1": "another long passphrase", "new_password2": "another long passphrase",
    })

    coordinator.refresh_from_db()
    assert response.status_code == 302
    assert coordinator.check_password("another long passphrase")


def test_repeated_failures_lock_the_sign_in(client, coordinator, settings):
    settings.AXES_ENABLED = True
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice", "password": "wrong"})

    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.text
    assert "_auth_user_id" not in client.session
