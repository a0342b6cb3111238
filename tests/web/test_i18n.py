"""The pages in French: words, dates and numbers in the reader's language."""

import datetime

import pytest
from django.urls import reverse

from goals.models import Measurement
from notifications.models import LanguagePreference

pytestmark = pytest.mark.django_db


def test_the_public_register_speaks_french(client, active):
    response = client.get(reverse("partnerships:public_partnership_list"),
                          HTTP_ACCEPT_LANGUAGE="fr")

    page = response.text
    assert '<html lang="fr">' in page
    assert "Registre public des partenariats" in page
    assert "Rechercher" in page


def test_the_language_switch_sets_french(client, active):
    url = reverse("partnerships:public_partnership_detail", args=[active.pk])
    response = client.post(reverse("set_language"), {"language": "fr", "next": url}, follow=True)

    assert "Règles du partenariat" in response.text
    assert "Gouvernance et prise de décision" in response.text


def test_the_texts_of_a_partnership_are_marked_with_their_own_language(client, active):
    active.language = "fr"
    active.save()
    url = reverse("partnerships:public_partnership_detail", args=[active.pk])

    page = client.get(url).text

    assert '<html lang="en">' in page
    assert f'<h1 lang="fr">{active.title}</h1>' in page
    assert '<div class="prose" lang="fr">' in page


def test_dates_and_numbers_follow_the_locale(client_for, indicator):
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 6, 30),
                               value="1234.5")
    indicator.baseline = 2000
    indicator.target = 1000
    indicator.save()
    client = client_for("coordinator")

    english = client.get(indicator.goal.get_absolute_url()).text
    french = client.get(indicator.goal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").text

    assert "June 30, 2025" in english
    assert "30 juin 2025" in french
    assert "1,234.50" in english
    assert "1\xa0234,50" in french or "1 234,50" in french


def test_form_errors_are_in_french(client_for):
    response = client_for("coordinator").post(
        reverse("partnerships:partnership_create"), {"title": ""}, HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert "Il y a un problème" in response.text
    assert "Ce champ est obligatoire." in response.text


def test_the_language_switch_remembers_a_signed_in_persons_choice_for_their_emails(
    client, coordinator
):
    client.force_login(coordinator)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    coordinator.refresh_from_db()
    assert coordinator.language_preference.language == "fr"

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    coordinator.language_preference.refresh_from_db()
    assert coordinator.language_preference.language == "en"


def test_the_language_switch_ignores_an_unknown_language(client, coordinator):
    client.force_login(coordinator)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert not LanguagePreference.objects.filter(user=coordinator).exists()
