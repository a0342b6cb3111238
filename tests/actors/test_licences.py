"""Security licences of private security companies: recorded and checked on the organisation,
shown on its page and in the API, and a reminder to the firm before they expire."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from actors.choices import OrganisationKind
from actors.services import licence_reminders_queue, organisation_create, organisation_update
from notifications.models import Notification
from tests import factories as f

CNAPS = "AUT-093-2118-05-28-20190359478"


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def security_firm(firm):
    firm.kind = OrganisationKind.PRIVATE_SECURITY
    firm.save()
    return firm


def licence(scheme="FR-CNAPS", number=CNAPS, days=365) -> dict:
    return {"licence_scheme": scheme, "licence_number": number, "licence_expires_on": in_days(days)}


def register(**fields):
    base = {"name": "Garde Nord", "sector": "private", "kind": "private_security",
            "identifier_scheme": "FR-RCS", "identifier": f.siren(4242), "country": "FR",
            "territory": "Saint-Denis"}
    return organisation_create(actor=None, **{**base, **fields})


@pytest.mark.parametrize("scheme, number", [
    ("FR-CNAPS", CNAPS),
    ("GB-SIA", "1012 3456 7890 1234"),
    ("OTHER", "16.0123.07"),
])
def test_a_licence_in_a_known_format_is_recorded(db, scheme, number):
    organisation = register(**licence(scheme, number))
    assert organisation.licence_in_force()
    assert organisation.licence_number == number.replace(" ", "")


@pytest.mark.parametrize("fields, field, message", [
    (licence(number="CAR-093-2118"), "licence_number", "A CNAPS authorisation reads AUT-"),
    (licence("GB-SIA", "12345"), "licence_number", "An SIA licence number has 16 digits."),
    ({"licence_scheme": "FR-CNAPS", "licence_number": CNAPS}, "licence_expires_on",
     "Give the date the licence expires."),
    ({"licence_number": CNAPS, "licence_expires_on": in_days(30)}, "licence_scheme",
     "Say which regulator issued the licence."),
    (licence(days=-1), "licence_expires_on", "This licence has already expired"),
])
def test_a_wrong_or_incomplete_licence_is_refused_on_its_field(db, fields, field, message):
    with pytest.raises(ValidationError) as error:
        register(**fields)
    assert message in error.value.message_dict[field][0]


def test_only_private_security_companies_carry_a_licence(db):
    with pytest.raises(ValidationError) as error:
        register(kind="retailer", **licence())
    assert "Only private security companies" in error.value.message_dict["licence_scheme"][0]


def test_the_firm_renews_its_licence_and_the_change_is_credited(security_firm, firm_user):
    organisation_update(actor=firm_user, organisation=security_firm, **licence(days=700))
    security_firm.refresh_from_db()
    assert security_firm.licence_expires_on == in_days(700)
    assert security_firm.history.first().history_user == firm_user


def test_the_firm_records_its_licence_on_its_page(client, security_firm, firm_user):
    client.force_login(firm_user)
    url = reverse("actors:organisation_edit", args=[security_firm.pk])
    form = client.get(url)
    assert 'name="licence_number"' in form.text
    data = {"name": security_firm.name, "kind": "private_security",
            "territory": security_firm.territory, "licence_scheme": "FR-CNAPS",
            "licence_number": "AUT-093-12", "licence_expires_on": in_days(300).isoformat()}

    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "A CNAPS authorisation reads AUT-" in refused.text

    response = client.post(url, {**data, "licence_number": CNAPS})
    assert response.status_code == 302
    page = client.get(reverse("actors:organisation_detail", args=[security_firm.pk]))
    assert CNAPS in page.text
    assert "valid until" in page.text


def test_the_page_says_when_a_security_company_has_no_licence(client, security_firm, firm_user):
    client.force_login(firm_user)
    page = client.get(reverse("actors:organisation_detail", args=[security_firm.pk]))
    assert "cannot take a security role" in page.text


def test_the_api_shows_and_writes_the_licence(security_firm, firm_user):
    api = APIClient()
    api.force_authenticate(firm_user)
    url = f"/api/v1/organisations/{security_firm.pk}/"

    refused = api.patch(url, {"licence_scheme": "GB-SIA", "licence_number": "12",
                              "licence_expires_on": in_days(90).isoformat()}, format="json")
    assert refused.status_code == 400
    assert "16 digits" in str(refused.json())

    response = api.patch(url, {"licence_scheme": "GB-SIA", "licence_number": "1012345678901234",
                               "licence_expires_on": in_days(90).isoformat()}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["licence_number"] == "1012345678901234"
    assert body["licence_in_force"] is True


def test_representatives_are_reminded_once_before_the_licence_expires(
    security_firm, firm_user, other_firm_user
):
    security_firm.licence_scheme, security_firm.licence_number = "FR-CNAPS", CNAPS
    security_firm.licence_expires_on = in_days(settings.LICENCE_REMINDER_DAYS - 1)
    security_firm.save()
    f.OrganisationFactory(kind="private_security", licence_scheme="FR-CNAPS",
                          licence_number=CNAPS, licence_expires_on=in_days(400))

    assert licence_reminders_queue() == 1
    assert licence_reminders_queue() == 0
    [reminder] = Notification.objects.filter(kind="licence_expiry")
    assert reminder.recipient == firm_user
    assert security_firm.name in reminder.subject
    assert CNAPS in reminder.body

    # A renewed licence that nears its end again is a new reminder.
    security_firm.licence_expires_on = in_days(10)
    security_firm.save()
    assert licence_reminders_queue() == 1


def test_the_reminder_runs_periodically():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert any(entry["task"] == "actors.tasks.send_licence_reminders"
               for entry in schedule.values())


def test_the_reminder_task_queues_the_reminders(security_firm, firm_user):
    from actors.tasks import send_licence_reminders

    security_firm.licence_scheme, security_firm.licence_number = "FR-CNAPS", CNAPS
    security_firm.licence_expires_on = in_days(5)
    security_firm.save()
    assert send_licence_reminders.delay().get() == 1
