"""A firm representative downloads their personal data and has it erased; the organisation
keeps its submissions."""

import json

from django.apps import apps
from django.urls import reverse

from accounts.selectors import personal_data_export
from accounts.services import account_erase
from actors.models import User
from calls.models import ExpressionOfInterest
from notifications.models import Notification
from notifications.services import notification_queue


def test_the_download_holds_the_account_and_the_contact_details_given(client, eoi, firm_user):
    client.force_login(firm_user)

    response = client.get(reverse("accounts:my_data_download"))

    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == firm_user.email
    (written,) = data["expressions_of_interest"]
    assert written["title"] == eoi.title
    assert written["contact_email"] == "carol.contact@firm.example"


def test_erasure_needs_the_password(client, firm_user):
    client.force_login(firm_user)

    response = client.post(reverse("accounts:account_erase"),
                           {"password": "wrong", "confirm": "on"})

    assert response.status_code == 400
    assert "This is not your password." in response.text
    firm_user.refresh_from_db()
    assert firm_user.is_active


def test_erasure_blanks_the_person_and_keeps_the_submission(client, eoi, firm_user):
    notification_queue(kind="test", template="calls/email/eoi_submitted", context={"eoi": eoi},
                       to_email=firm_user.email, recipient=firm_user)
    client.force_login(firm_user)

    response = client.post(reverse("accounts:account_erase"),
                           {"password": "correct horse battery", "confirm": "on"}, follow=True)

    assert "personal data erased" in response.text
    user = User.objects.get(pk=firm_user.pk)
    assert not user.is_active and not user.has_usable_password()
    assert (user.username, user.email, user.first_name, user.last_name, user.phone) == (
        f"erased-{user.pk}", "", "", "", ""
    )
    kept = ExpressionOfInterest.objects.get(pk=eoi.pk)
    assert kept.title == eoi.title and kept.organisation_id == eoi.organisation_id
    assert (kept.contact_name, kept.contact_email, kept.contact_phone) == ("", "", "")
    assert not Notification.objects.filter(to_email="carol@example.org").exists()
    assert not client.login(username="carol", password="correct horse battery")


def test_staff_accounts_are_not_erased_from_the_page(client, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("accounts:account_erase"),
                           {"password": "correct horse battery", "confirm": "on"})

    assert response.status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_each_app_adds_its_own_data_to_the_download_through_its_hook(firm_user, monkeypatch):
    goals = apps.get_app_config("goals")
    monkeypatch.setattr(goals, "personal_data", lambda user: {"goals_followed": [user.pk]},
                        raising=False)

    data = personal_data_export(user=firm_user)

    assert data["goals_followed"] == [firm_user.pk]
    assert list(data)[:2] == ["account", "registration"]


def test_each_app_erases_its_own_data_through_its_hook(firm_user, monkeypatch):
    seen = []
    goals = apps.get_app_config("goals")
    monkeypatch.setattr(goals, "erase_personal_data",
                        lambda user: seen.append((user.pk, user.email)), raising=False)
    email = firm_user.email

    account_erase(actor=firm_user, user=firm_user)

    # The hook runs while the account still has its address, to find what matches it.
    assert seen == [(firm_user.pk, email)]
