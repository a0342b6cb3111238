"""Parties are told: an organisation's people hear when it is verified or refused, and when a
partnership it belongs to changes state, each in their own language; every signed-in person reads
the notifications written to them on their own page."""

import pytest
from django.core import mail
from django.urls import reverse

from actors.choices import VerificationStatus
from notifications.choices import DeliveryStatus
from notifications.models import Notification
from notifications.services import language_set, notification_queue
from partnerships.choices import Status
from tests import factories as f
from tests.access import assert_each_kind_gets, expect

pytestmark = pytest.mark.django_db


@pytest.fixture
def unverified(db):
    return f.OrganisationFactory(name="Nouvelle Sécurité SAS",
                                 verification_status=VerificationStatus.UNVERIFIED)


@pytest.fixture
def newcomers(unverified):
    """Two people of the unverified organisation, one reading French."""
    english = f.FirmRepresentativeFactory(organisation=unverified, email="ann@nouvelle.example")
    french = f.FirmRepresentativeFactory(organisation=unverified, email="luc@nouvelle.example")
    language_set(user=french, language="fr")
    return english, french


def verify(client, organisation, status):
    return client.post(reverse("actors:organisation_verify", args=[organisation.pk]),
                       {"status": status, "note": ""})


def test_the_people_of_a_verified_organisation_are_told_in_their_language(
    client_for, unverified, newcomers, django_capture_on_commit_callbacks
):
    english, french = newcomers

    with django_capture_on_commit_callbacks(execute=True):
        verify(client_for("coordinator"), unverified, VerificationStatus.VERIFIED)

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {english.email, french.email}
    assert sent[english.email].subject == "Nouvelle Sécurité SAS is verified in the partnership " \
        "registry"
    assert "vérifiée" in sent[french.email].subject
    assert unverified.get_absolute_url() in sent[english.email].body


def test_a_refused_organisation_is_told_and_a_repeated_decision_is_not_sent_again(
    client_for, unverified, newcomers
):
    coordinator = client_for("coordinator")

    verify(coordinator, unverified, VerificationStatus.REJECTED)
    verify(coordinator, unverified, VerificationStatus.REJECTED)

    rejected = Notification.objects.filter(kind="organisation_rejected")
    assert rejected.count() == 2
    assert {n.recipient for n in rejected} == set(newcomers)
    assert "could not be verified" in rejected.get(recipient=newcomers[0]).subject


def test_the_parties_are_told_when_their_partnership_changes_state(
    client_for, coordinator, draft, firm_user, other_firm_user
):
    client_for("coordinator").post(
        reverse("partnerships:partnership_transition", args=[draft.pk]),
        {"status": Status.NEGOTIATION},
    )

    told = Notification.objects.filter(kind="partnership_status")
    assert [n.recipient for n in told] == [firm_user]
    assert told.get().subject == "“Gare sûre” is now: In negotiation"
    assert "Sécurité Plaine SARL is a party" in told.get().body


def test_a_refused_transition_tells_nobody(client_for, draft, firm_user):
    client_for("coordinator").post(
        reverse("partnerships:partnership_transition", args=[draft.pk]),
        {"status": Status.ACTIVE},
    )

    assert not Notification.objects.filter(kind="partnership_status").exists()


# The page of one's own notifications ----------------------------------------------------------

def write_to(user, n, subject="Subject"):
    for _ in range(n):
        notification_queue(kind="test", template="accounts/email/membership_refused",
                           context={"user": user, "organisation": user.organisation},
                           to_email=user.email or "someone@example.org", recipient=user)
    Notification.objects.filter(recipient=user, kind="test").update(subject=subject)


def test_each_kind_of_user_reaches_their_own_notifications(client, users):
    assert_each_kind_gets(client, users, reverse("accounts:notification_list"),
                          expect(302, 200, 200, 200, 200, 200, 200).values())


def test_a_person_sees_only_their_own_notifications_newest_first(
    client_for, firm_user, other_firm_user
):
    write_to(firm_user, 1, subject="Older")
    write_to(other_firm_user, 1, subject="Not yours")
    newest = Notification.objects.create(kind="test", recipient=firm_user, to_email="c@x.example",
                                         language="en", subject="Newest", body="Hello")
    Notification.objects.filter(pk=newest.pk).update(status=DeliveryStatus.SENT,
                                                     sent_at=newest.created_at)

    page = client_for("firm").get(reverse("accounts:notification_list"))

    assert page.status_code == 200
    assert [n.subject for n in page.context["object_list"]] == ["Newest", "Older"]
    assert "Not yours" not in page.text
    assert "Sent" in page.text and "Pending" in page.text


def test_notifications_are_paginated(client_for, firm_user):
    write_to(firm_user, 30)

    first = client_for("firm").get(reverse("accounts:notification_list"))
    second = client_for("firm").get(reverse("accounts:notification_list") + "?page=2")

    assert len(first.context["object_list"]) == 25
    assert len(second.context["object_list"]) == 5
    assert 'aria-label="Pages"' in first.text


def test_the_notifications_page_costs_the_same_queries_for_3_rows_as_for_20(
    client_for, firm_user, django_assert_num_queries
):
    client = client_for("firm")
    write_to(firm_user, 3)
    client.get(reverse("accounts:notification_list"))  # warm the session and caches
    # session, user, count, page of rows
    with django_assert_num_queries(4):
        client.get(reverse("accounts:notification_list"))
    write_to(firm_user, 17)
    with django_assert_num_queries(4):
        page = client.get(reverse("accounts:notification_list"))
    assert len(page.context["object_list"]) == 20


def test_the_user_menu_links_to_the_notifications(client_for):
    page = client_for("coordinator").get(reverse("home:home"))

    assert f'href="{reverse("accounts:notification_list")}"' in page.text
