"""The cooperation pages: a goal's needs and suggestions, a firm's opportunities and offers."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goals.choices import Area
from partnerships.choices import ContributionKind, Role
from partnerships.models import Partnership
from projects.models import ContributionOffer, Dismissal, Invitation, Need
from tests import factories as f
from tests.access import assert_each_kind_gets
from tests.calls import factories as cf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("page", "answers"), [
    #                                        anonymous firm other_firm other_coord coord analyst admin
    ("goal_cooperation", (302, 200, 200, 200, 200, 200, 200)),
    ("opportunities",    (302, 200, 200, 403, 403, 200, 403)),
    ("offer_list",       (302, 200, 200, 403, 403, 403, 403)),
])
def test_each_kind_of_user_on_each_cooperation_page(client, users, goal, page, answers):
    url = reverse(f"projects:{page}", args=[goal.pk] if page == "goal_cooperation" else [])

    assert_each_kind_gets(client, users, url, answers)


def test_the_goal_page_leads_to_its_cooperation_tab(client_for, goal):
    page = client_for("coordinator").get(goal.get_absolute_url()).text

    assert reverse("projects:goal_cooperation", args=[goal.pk]) in page


def test_a_coordinator_sees_suggestions_with_reasons_and_invites_a_firm(
    client_for, goal, body, firm, firm_user, firm_offer, django_capture_on_commit_callbacks
):
    call = cf.CallFactory(lead_body=body, title="Night buses")
    coordinator = client_for("coordinator")
    url = reverse("projects:goal_cooperation", args=[goal.pk])

    page = coordinator.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse("projects:invitation_send", args=[goal.pk]),
                                    {"organisation": firm.pk, "call": call.pk}, follow=True)

    assert "Sécurité Plaine SARL" in page and "same territory" in page
    assert "suggested role: Operational partner" in page
    assert "is invited to answer the call" in response.text
    assert Invitation.objects.get().organisation == firm
    assert mail.outbox[0].to == [firm_user.email]
    opportunities = client_for("firm").get(reverse("projects:opportunities")).text
    assert "Night buses" in opportunities and "invited by Ville de Saint-Denis" in opportunities


def test_others_see_suggestions_but_no_action(client_for, goal, firm_offer):
    page = client_for("other_coordinator").get(
        reverse("projects:goal_cooperation", args=[goal.pk])).text

    assert "Sécurité Plaine SARL" in page
    assert "Set Sécurité Plaine SARL aside" not in page
    assert 'id="draft-form"' not in page


def test_a_dismissed_suggestion_stays_out_of_the_page(client_for, goal, firm, firm_offer):
    coordinator = client_for("coordinator")

    refused = client_for("other_coordinator").post(
        reverse("projects:suggestion_dismiss", args=[goal.pk]),
        {"kind": "organisation", "target_id": firm.pk})
    coordinator.post(reverse("projects:suggestion_dismiss", args=[goal.pk]),
                     {"kind": "organisation", "target_id": firm.pk})

    assert refused.status_code == 403
    assert Dismissal.objects.count() == 1
    page = coordinator.get(reverse("projects:goal_cooperation", args=[goal.pk])).text
    assert "Sécurité Plaine SARL" not in page


def test_a_draft_partnership_starts_from_the_ticked_suggestions(client_for, goal, firm, firm_offer):
    response = client_for("coordinator").post(
        reverse("projects:draft_partnership", args=[goal.pk]),
        {"title": "Station nights", "organisation": [firm.pk]})

    partnership = Partnership.objects.get(title="Station nights")
    assert response.status_code == 302 and response["Location"] == partnership.get_absolute_url()
    assert partnership.parties.get(organisation=firm).role == Role.OPERATIONAL_PARTNER


def test_a_coordinator_states_a_need_and_a_firm_finds_it(client_for, goal, firm_offer):
    client_for("coordinator").post(reverse("projects:need_add", args=[goal.pk]), {
        "kind": "human_resources", "magnitude": "small", "territory": "", "description": "Mediators",
    })

    need = Need.objects.get()
    assert need.territory == "Saint-Denis" and need.description == "Mediators"
    page = client_for("firm").get(reverse("projects:opportunities")).text
    assert "Calmer station nights" in page and "offers the kind of contribution sought" in page


def test_a_firm_states_an_offer_and_bad_input_keeps_nothing(client_for, firm):
    client = client_for("firm")
    bad = client.post(reverse("projects:offer_list"), {
        "kind": "financial", "currency": "€€€", "territory": "Gent", "magnitude": "small"})
    good = client.post(reverse("projects:offer_list"), {
        "kind": "financial", "amount": "5000", "currency": "eur", "territory": "Gent",
        "magnitude": "small", "area": ""})

    assert bad.status_code == 400 and not ContributionOffer.objects.filter(currency="€€€").exists()
    assert good.status_code == 302
    assert ContributionOffer.objects.get().currency == "EUR"


def test_the_cooperation_page_costs_the_same_for_few_and_many_suggestions(client_for, goal):
    client = client_for("coordinator")
    url = reverse("projects:goal_cooperation", args=[goal.pk])

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(3):
        ContributionOffer.objects.create(organisation=f.OrganisationFactory(), kind="expertise",
                                         area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis")
    few = count()
    for _ in range(17):
        ContributionOffer.objects.create(organisation=f.OrganisationFactory(), kind="expertise",
                                         area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis")

    assert count() == few


def test_a_firm_asks_for_the_digest_and_receives_what_is_new_once_a_week(
    client_for, goal, firm, firm_user, firm_offer, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from projects.services import digests_send

    client_for("firm").post(reverse("projects:digest_set"), {"active": "1"})
    Need.objects.create(goal=goal, kind=ContributionKind.HUMAN_RESOURCES, territory="Saint-Denis")
    now = timezone.now() + datetime.timedelta(minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        first = digests_send(now=now)
        again = digests_send(now=now + datetime.timedelta(minutes=1))

    assert (first, again) == (1, 0)
    assert mail.outbox[0].to == [firm_user.email]
    assert "Calmer station nights" in mail.outbox[0].body


def test_a_coordinator_s_digest_names_new_offers_for_the_body_s_goals(
    client_for, goal, coordinator, firm_offer, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from projects.services import digest_set, digests_send

    digest_set(user=coordinator, active=True)
    with django_capture_on_commit_callbacks(execute=True):
        digests_send(now=timezone.now() + datetime.timedelta(minutes=1))

    assert "Sécurité Plaine SARL" in mail.outbox[0].body
    assert "same territory" in mail.outbox[0].body


def test_no_digest_without_asking_for_it(goal, firm_offer):
    from projects.services import digests_send

    assert digests_send() == 0
    assert mail.outbox == []


def test_a_firm_reaches_its_opportunities_and_offers_from_the_user_menu(client_for):
    page = client_for("firm").get(reverse("home:home")).text

    assert reverse("projects:opportunities") in page
    assert reverse("projects:offer_list") in page


def test_double_submitted_project_offer_and_need_are_stored_once(client_for, goal):
    from core.idempotency import FORM_TOKEN_FIELD
    from projects.models import Project
    from tests.web.test_one_time_forms import token_on

    firm, coordinator = client_for("firm"), client_for("coordinator")
    project = reverse("projects:project_create")
    project_data = {"title": "Once", "summary": "S", "area": "other", "territory": "Lyon",
                    "state": "planned", "visibility": "public",
                    FORM_TOKEN_FIELD: token_on(firm.get(project))}
    offer = reverse("projects:offer_list")
    offer_data = {"kind": "expertise", "territory": "Gent", "magnitude": "small",
                  FORM_TOKEN_FIELD: token_on(firm.get(offer))}
    need = reverse("projects:need_add", args=[goal.pk])
    need_data = {"kind": "data", "magnitude": "small",
                 FORM_TOKEN_FIELD: token_on(coordinator.get(
                     reverse("projects:goal_cooperation", args=[goal.pk])))}

    for client, url, data in ((firm, project, project_data), (firm, offer, offer_data),
                              (coordinator, need, need_data)):
        first, second = client.post(url, data), client.post(url, data)
        assert first["Location"] == second["Location"]

    assert Project.objects.filter(title="Once").count() == 1
    assert ContributionOffer.objects.filter(territory="Gent").count() == 1
    assert Need.objects.filter(goal=goal).count() == 1
