"""A firm representative downloads their personal data and has it erased; the organisation
keeps its submissions."""

import json

from django.urls import reverse

from actors.models import User
from calls.models import ExpressionOfInterest
from notifications.models import Notification
from notifications.services import notification_queue


def test_the_download_holds_the_account_and_the_contact_details_given(client, eoi, firm_user):
    client.force_login(firm_user)

    response = client.get(reverse("calls:my_data_download"))

    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == firm_user.email
    (written,) = data["expressions_of_interest"]
    assert written["title"] == eoi.title
    assert written["contact_email"] == "carol.contact@firm.example"


def test_erasure_needs_the_password(client, firm_user):
    client.force_login(firm_user)

    response = client.post(reverse("calls:account_erase"),
                           {"password": "wrong", "confirm": "on"})

    assert response.status_code == 400
    assert "This is not your password." in response.text
    firm_user.refresh_from_db()
    assert firm_user.is_active


def test_erasure_blanks_the_person_and_keeps_the_submission(client, eoi, firm_user):
    notification_queue(kind="test", template="calls/email/eoi_submitted", context={"eoi": eoi},
                       to_email=firm_user.email, recipient=firm_user)
    client.force_login(firm_user)

    response = client.post(reverse("calls:account_erase"),
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

    response = client.post(reverse("calls:account_erase"),
                           {"password": "correct horse battery", "confirm": "on"})

    assert response.status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active
