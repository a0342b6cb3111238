"""Firm registration: a new organisation or a request to join one, e-mail confirmation, and the
public form's defences (honeypot, throttle, size limits) that keep what people typed."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Registration
from accounts.services import confirmation_token
from actors.choices import Function
from actors.models import Organisation, User
from notifications.models import LanguagePreference, Notification
from tests.calls.test_flow import REGISTRATION

pytestmark = pytest.mark.django_db


def register(client, **changes):
    return client.post(reverse("accounts:register"), {**REGISTRATION, **changes})


def test_registration_in_french_writes_the_confirmation_in_french(
    client, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "fr"
    with django_capture_on_commit_callbacks(execute=True):
        register(client)
    user = User.objects.get(email=REGISTRATION["email"])
    assert user.function == Function.FIRM_REPRESENTATIVE
    assert LanguagePreference.objects.get(user=user).language == "fr"
    assert mail.outbox[0].to == [REGISTRATION["email"]]
    assert Notification.objects.get(recipient=user).language == "fr"


def test_a_bad_identifier_is_refused_and_the_form_keeps_what_was_typed(client):
    response = register(client, identifier="123456789")

    assert response.status_code == 400
    assert "fails its check key" in response.text
    assert "Lumière Nord SAS" in response.text
    assert "fatou@lumiere-nord.example" in response.text
    assert not User.objects.exists()


def test_an_existing_identifier_points_to_joining(client, firm):
    response = register(client, identifier=firm.identifier)

    assert "already exists" in response.text
    assert not User.objects.exists()


def test_an_existing_e_mail_address_is_refused(client, firm_user):
    response = register(client, email=firm_user.email.upper())

    assert "exists already" in response.text
    assert User.objects.filter(email__iexact=firm_user.email).count() == 1


def test_the_honeypot_catches_form_filling_software(client):
    response = register(client, nickname="bot")

    assert response.status_code == 400
    assert not User.objects.exists()


def test_oversized_input_is_refused_with_a_message(client):
    response = register(client, name="N" * 5000)

    assert response.status_code == 400
    assert "Ensure this value has at most 200 characters" in response.text


def test_the_form_is_throttled_per_client(client, settings):
    settings.PUBLIC_FORM_THROTTLE = "2/h"
    for attempt in range(2):
        register(client, email=f"someone{attempt}@example.org", nickname="x")

    response = register(client)

    assert response.status_code == 429
    # The count starts again at the end of the current hour's window, at most an hour away.
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many attempts" in response.text
    other_client = Client(REMOTE_ADDR="192.0.2.7")
    assert other_client.post(reverse("accounts:register"), REGISTRATION).status_code == 302


def test_an_empty_limit_means_no_limit(client, settings):
    settings.PUBLIC_FORM_THROTTLE = ""
    for attempt in range(12):
        assert register(client, email=f"someone{attempt}@example.org", nickname="x").status_code == 400

    assert register(client).status_code == 302


def test_the_form_works_when_the_cache_is_unreachable(client, settings, caplog):
    # A Redis nobody listens on: every count fails, and the form does not.
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }}
    settings.PUBLIC_FORM_THROTTLE = "1/h"
    register(client, email="someone@example.org", nickname="x")

    assert register(client).status_code == 302
    assert "cache is unreachable" in caplog.text


def test_joining_an_organisation_waits_for_its_representatives(
    client, firm, firm_user, other_firm_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, mode="join", join_scheme=firm.identifier_scheme,
                 join_identifier=firm.identifier)
    newcomer = User.objects.get(email=REGISTRATION["email"])
    assert newcomer.organisation is None
    assert firm_user.email in [m.to[0] for m in mail.outbox]
    assert "waits for the answer" in client.get(reverse("calls:eoi_list")).text
    registration = Registration.objects.get(user=newcomer)

    client.force_login(other_firm_user)
    assert REGISTRATION["email"] not in client.get(reverse("accounts:membership_list")).text
    url = reverse("accounts:membership_decide", args=[registration.pk, "approve"])
    assert client.post(url).status_code == 404

    client.force_login(firm_user)
    assert REGISTRATION["email"] in client.get(reverse("accounts:membership_list")).text
    client.post(url)
    newcomer.refresh_from_db()
    assert newcomer.organisation == firm
    assert newcomer.function == Function.FIRM_REPRESENTATIVE


def test_joining_a_public_body_is_refused(client, body):
    response = register(client, mode="join", join_scheme=body.identifier_scheme,
                        join_identifier=body.identifier)
    assert "Only private firms" in response.text
    assert not User.objects.exists()


def test_a_new_organisation_is_unverified(client):
    register(client)
    assert Organisation.objects.get(name="Lumière Nord SAS").verification_status == "unverified"


@pytest.mark.parametrize("token", ["nonsense", "tampered:token:value"])
def test_a_bad_confirmation_link_is_refused(client, token):
    response = client.get(reverse("accounts:confirm_email", args=[token]), follow=True)
    assert "not valid" in response.text


def test_a_link_for_a_changed_address_is_refused(client, firm_user):
    Registration.objects.create(user=firm_user)
    token = confirmation_token(firm_user)
    firm_user.email = "changed@example.org"
    firm_user.save()

    response = client.get(reverse("accounts:confirm_email", args=[token]), follow=True)

    assert "not valid" in response.text
    assert not Registration.objects.get(user=firm_user).email_confirmed
