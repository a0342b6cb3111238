"""The whole journey through the web pages: a firm registers, confirms its address, answers an
open call; the coordinator reviews and accepts it into a partnership; the firm sees the result."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from actors.choices import VerificationStatus
from actors.models import Organisation, User
from calls.choices import EoiStatus
from calls.models import ExpressionOfInterest
from partnerships.choices import Role
from partnerships.models import Contribution, Party
from tests import factories as f

from . import factories as cf

REGISTRATION = {
    "first_name": "Fatou",
    "last_name": "Diallo",
    "email": "fatou@lumiere-nord.example",
    "phone": "+33 6 00 00 00 01",
    "password1": "a long pass phrase 42",
    "password2": "a long pass phrase 42",
    "mode": "create",
    "name": "Lumière Nord SAS",
    "kind": "sme",
    "identifier_scheme": "FR-RCS",
    "identifier": f.siren(73_282_932),
    "country": "FR",
    "territory": "Saint-Denis",
    "website": "",
    "join_scheme": "FR-RCS",
    "join_identifier": "",
    "nickname": "",
}


def eoi_post(**overrides):
    data = {
        "title": "Lighting the station square",
        "summary": "We install and maintain lighting around the station for three years.",
        "expectations": "A say in where the lights go.",
        "contact_name": "Fatou Diallo",
        "contact_email": "fatou@lumiere-nord.example",
        "contact_phone": "+33 6 00 00 00 01",
        "consent": "on",
        "offers-TOTAL_FORMS": "2",
        "offers-INITIAL_FORMS": "0",
        "offers-MIN_NUM_FORMS": "0",
        "offers-MAX_NUM_FORMS": "20",
        "offers-0-kind": "financial",
        "offers-0-description": "Lighting equipment",
        "offers-0-amount": "40000",
        "offers-0-currency": "EUR",
        "offers-1-kind": "",
        "offers-1-currency": "EUR",
    }
    data.update(overrides)
    return data


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def partnership(body, draft):
    return draft


def test_a_firm_registers_answers_a_call_and_is_accepted_into_a_partnership(
    client, call, coordinator, partnership, django_capture_on_commit_callbacks
):
    # The public finds the open call and registers a firm.
    response = client.get(reverse("calls:call_list"))
    assert call.title in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:register"), REGISTRATION)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Lumière Nord SAS")
    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    (confirmation,) = mail.outbox
    assert confirmation.to == ["fatou@lumiere-nord.example"]

    # Before confirming the address, a submission is refused with a message.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("calls:eoi_create_for_call", args=[call.pk]), eoi_post(submit="1"),
            follow=True,
        )
    eoi = ExpressionOfInterest.objects.get()
    assert eoi.status == EoiStatus.DRAFT
    assert "Confirm your e-mail address first" in response.text
    assert len(mail.outbox) == 1

    # The link in the e-mail confirms the address; then the draft is submitted.
    response = client.get("/" + link_in(confirmation), follow=True)
    assert "your e-mail address is confirmed" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("calls:eoi_submit", args=[eoi.pk]), follow=True)
    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.SUBMITTED
    recipients = sorted(m.to[0] for m in mail.outbox[1:])
    assert recipients == sorted([coordinator.email, "fatou@lumiere-nord.example"])
    firm_user = User.objects.get(email="fatou@lumiere-nord.example")

    # The coordinator finds it in the review queue, comments and starts the review.
    client.force_login(coordinator)
    response = client.get(reverse("calls:eoi_list"))
    assert "Lighting the station square" in response.text
    client.post(reverse("calls:eoi_comment", args=[eoi.pk]), {"text": "Ask about maintenance."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:eoi_start_review", args=[eoi.pk]))
    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.UNDER_REVIEW
    assert "under review" in mail.outbox[-1].subject

    # Accepting an unverified firm is refused with the partnership rules' message...
    accept = {"partnership": partnership.pk, "role": Role.SERVICE_PROVIDER,
              "responsibilities": "Installs and maintains the lighting."}
    response = client.post(reverse("calls:eoi_accept", args=[eoi.pk]), accept)
    assert response.status_code == 400
    assert "is not a verified organisation" in response.text
    assert "Installs and maintains the lighting." in response.text
    # ...and accepted once the organisation is verified.
    client.post(
        reverse("actors:organisation_verify", args=[organisation.pk]),
        {"status": VerificationStatus.VERIFIED},
    )
    organisation.refresh_from_db()
    assert organisation.is_verified
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("calls:eoi_accept", args=[eoi.pk]), accept, follow=True)
    assert "is now a party" in response.text
    party = Party.objects.get(partnership=partnership, organisation=organisation)
    assert party.role == Role.SERVICE_PROVIDER
    assert Contribution.objects.get(party=party).amount == 40000
    assert "accepted" in mail.outbox[-1].subject

    # The firm sees the new state, and never the internal comment.
    client.force_login(firm_user)
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert "Accepted" in response.text
    assert partnership.title in response.text
    assert "Ask about maintenance." not in response.text


def test_a_declined_firm_reads_the_reason(client, eoi, coordinator, firm_user,
                                          django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    response = client.post(reverse("calls:eoi_decline", args=[eoi.pk]), {"reason": ""})
    assert response.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:eoi_decline", args=[eoi.pk]),
                    {"reason": "We need night-time patrols, not lighting."})

    assert "not lighting" in mail.outbox[-1].body
    client.force_login(firm_user)
    response = client.get(reverse("calls:eoi_detail", args=[eoi.pk]))
    assert "Declined" in response.text
    assert "We need night-time patrols, not lighting." in response.text


def test_the_firm_edits_until_review_starts_and_may_withdraw(client, eoi, coordinator, firm_user):
    client.force_login(firm_user)
    edit = reverse("calls:eoi_edit", args=[eoi.pk])
    response = client.get(edit)
    assert response.status_code == 200
    response = client.post(edit, eoi_post(title="Lighting, revised", **{
        "offers-0-kind": "expertise", "offers-0-amount": "", "offers-0-currency": ""}))
    eoi.refresh_from_db()
    assert eoi.title == "Lighting, revised"
    assert [o.kind for o in eoi.offers.all()] == ["expertise"]

    client.force_login(coordinator)
    client.post(reverse("calls:eoi_start_review", args=[eoi.pk]))
    client.force_login(firm_user)
    response = client.post(edit, eoi_post(title="Too late"), follow=True)
    assert "can no longer be changed" in response.text
    client.post(reverse("calls:eoi_withdraw", args=[eoi.pk]))
    eoi.refresh_from_db()
    assert eoi.title == "Lighting, revised" and eoi.status == EoiStatus.WITHDRAWN


def test_a_spontaneous_expression_of_interest_reaches_the_chosen_body(
    client, body, firm_user, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(firm_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("calls:eoi_create"),
                               eoi_post(public_body=body.pk, submit="1"))
    eoi = ExpressionOfInterest.objects.get()
    assert response.status_code == 302
    assert eoi.call is None and eoi.public_body == body and eoi.status == EoiStatus.SUBMITTED
    assert coordinator.email in [m.to[0] for m in mail.outbox]


def test_bad_input_keeps_what_the_firm_typed(client, call, firm_user):
    client.force_login(firm_user)
    response = client.post(
        reverse("calls:eoi_create_for_call", args=[call.pk]),
        eoi_post(**{"offers-0-amount": "", "summary": "Our careful proposal"}),
    )
    assert response.status_code == 200
    assert "A financial contribution needs a positive amount and a currency." in response.text
    assert "Our careful proposal" in response.text
    assert not ExpressionOfInterest.objects.exists()


def test_an_offer_in_an_unknown_currency_is_refused_on_its_field(client, call, firm_user):
    client.force_login(firm_user)
    response = client.post(
        reverse("calls:eoi_create_for_call", args=[call.pk]),
        eoi_post(**{"offers-0-currency": "€€€"}),
    )

    assert response.status_code == 200
    assert "Use the three-letter ISO 4217 code of the currency, e.g. EUR." in response.text
    assert 'href="#id_offers-0-currency"' in response.text
    assert not ExpressionOfInterest.objects.exists()


def test_coordinators_prepare_publish_and_close_a_call_for_their_body(client, coordinator, body):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body))
    client.force_login(coordinator)
    response = client.post(reverse("calls:call_create"), {
        "title": "Safer night buses",
        "description": "We look for transport operators and security firms.",
        "territory": "Saint-Denis",
        "contribution_kinds": ["human_resources", "data"],
        "goals": [goal.pk],
        "opens_on": "2026-01-01",
        "closes_at": "2099-06-30T18:00",
    })
    call = body.calls_for_partners.get()
    assert response.status_code == 302
    assert call.status == "draft" and list(call.goals.all()) == [goal]

    client.logout()
    assert client.get(call.get_absolute_url()).status_code == 404
    client.force_login(coordinator)
    client.post(reverse("calls:call_publish", args=[call.pk]))
    client.logout()
    assert "Safer night buses" in client.get(reverse("calls:call_list")).text
    client.force_login(coordinator)
    client.post(reverse("calls:call_close", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == "closed"
    assert "Safer night buses" not in client.get(reverse("calls:call_list")).text


def test_a_draft_saved_without_consent_is_submitted_once_consent_is_ticked(
    client, call, firm, firm_user, django_capture_on_commit_callbacks
):
    eoi = cf.EoiFactory(call=call, organisation=firm, submitted_by=firm_user,
                        status=EoiStatus.DRAFT, consent_given_at=None)
    client.force_login(firm_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("calls:eoi_edit", args=[eoi.pk]),
                               eoi_post(consent="on", submit="1"), follow=True)

    eoi.refresh_from_db()
    assert eoi.status == EoiStatus.SUBMITTED
    assert eoi.consent_given_at is not None
    assert "Your expression of interest is submitted." in response.text
    assert "Consent" not in " ".join(str(m) for m in response.context["messages"])
