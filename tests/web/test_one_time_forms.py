"""Pages whose forms create carry a one-time token: a double click, a reload or a retry after a
lost answer sends the same token again, and creates nothing more."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from actors.models import Organisation
from calls.choices import EoiStatus
from calls.models import CallForPartners, ExpressionOfInterest
from core.idempotency import FORM_TOKEN_FIELD, new_token
from core.models import IdempotencyKey
from goals.models import SafetyStrategy
from partnerships.models import Partnership
from tests import factories as f
from tests.calls.test_flow import eoi_post

from .forms import partnership_post

pytestmark = pytest.mark.django_db

TOKEN_INPUT = re.compile(rf'name="{FORM_TOKEN_FIELD}" value="([0-9a-f]{{32}})"')


def token_on(response) -> str:
    return TOKEN_INPUT.search(response.text).group(1)


def submit_twice(client, url, data):
    """Post the same form twice, as a double click does: both answers lead to what the first
    created."""
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302, first.content[:2000]
    assert first["Location"] == second["Location"]


def test_50_double_submissions_of_an_expression_of_interest_store_and_submit_50(
    client, body, firm_user, django_capture_on_commit_callbacks
):
    client.force_login(firm_user)
    url = reverse("calls:eoi_create")
    for n in range(50):
        token = token_on(client.get(url)) if n % 10 == 0 else new_token()
        data = eoi_post(public_body=body.pk, submit="1", title=f"Offer {n}",
                        **{FORM_TOKEN_FIELD: token})
        with django_capture_on_commit_callbacks(execute=True):
            first = client.post(url, data)
            second = client.post(url, data)

        assert first.status_code == second.status_code == 302
        assert second["Location"] == first["Location"]

    eois = ExpressionOfInterest.objects.all()
    assert eois.count() == 50
    assert set(eois.values_list("status", flat=True)) == {EoiStatus.SUBMITTED}
    assert sorted(eois.values_list("title", flat=True)) == sorted(f"Offer {n}" for n in range(50))
    for eoi in eois:
        assert [h.status for h in eoi.history.all()].count(EoiStatus.SUBMITTED) == 1


def test_a_form_shown_again_with_errors_keeps_its_token_and_creates_once_corrected(
    client_for, body
):
    client = client_for("coordinator")
    url = reverse("goals:strategy_create")
    token = token_on(client.get(url))

    refused = client.post(url, {"title": "", "territory": "X", "starts_on": "2025-01-01",
                                FORM_TOKEN_FIELD: token})
    assert refused.status_code == 200 and token_on(refused) == token
    data = {"title": "Contrat", "territory": "X", "starts_on": "2025-01-01",
            FORM_TOKEN_FIELD: token}
    submit_twice(client, url, data)

    assert SafetyStrategy.objects.filter(title="Contrat").count() == 1


def test_a_double_submitted_partnership_is_registered_once(client_for, body):
    client = client_for("coordinator")
    url = reverse("partnerships:partnership_create")
    data = {**partnership_post(title="Gare sûre"), FORM_TOKEN_FIELD: token_on(client.get(url))}

    submit_twice(client, url, data)

    assert Partnership.objects.filter(title="Gare sûre").count() == 1


def test_a_double_submitted_call_is_prepared_once(client_for, body):
    client = client_for("coordinator")
    url = reverse("calls:call_create")
    data = {"title": "Safer night buses", "description": "We look for partners.",
            "territory": "Saint-Denis", "contribution_kinds": ["data"], "opens_on": "2026-01-01",
            "closes_at": "2099-06-30T18:00", FORM_TOKEN_FIELD: token_on(client.get(url))}

    submit_twice(client, url, data)

    assert CallForPartners.objects.filter(title="Safer night buses").count() == 1


def test_a_double_submitted_organisation_is_registered_once(client_for):
    client = client_for("coordinator")
    url = reverse("actors:organisation_create")
    data = {"name": "Lumière Nord SAS", "sector": "private", "kind": "sme",
            "identifier_scheme": "FR-RCS", "identifier": "732 829 320", "country": "FR",
            "territory": "Saint-Denis", FORM_TOKEN_FIELD: token_on(client.get(url))}

    submit_twice(client, url, data)

    assert Organisation.objects.filter(name="Lumière Nord SAS").count() == 1


def test_a_token_is_per_user(client_for, users, body):
    url = reverse("goals:strategy_create")
    token = new_token()
    data = {"title": "Contrat", "territory": "X", "starts_on": "2025-01-01",
            FORM_TOKEN_FIELD: token}
    second_client = Client()
    second_client.force_login(f.CoordinatorFactory(username="claire", organisation=body))

    client_for("coordinator").post(url, data)
    second_client.post(url, data)

    assert SafetyStrategy.objects.filter(title="Contrat").count() == 2
    assert IdempotencyKey.objects.count() == 2


def test_every_create_page_carries_a_token(client_for, users, body):
    strategy = f.StrategyFactory(owner=body)
    goal = f.GoalFactory(strategy=strategy)
    indicator = f.IndicatorFactory(goal=goal)
    coordinator = client_for("coordinator")
    for url in [
        reverse("actors:organisation_create"),
        reverse("goals:strategy_create"),
        reverse("goals:goal_create", args=[strategy.pk]),
        reverse("goals:indicator_create", args=[goal.pk]),
        reverse("goals:goal_detail", args=[goal.pk]),
        reverse("partnerships:partnership_create"),
        reverse("calls:call_create"),
    ]:
        assert TOKEN_INPUT.search(coordinator.get(url).text), url
    assert indicator.pk
    assert TOKEN_INPUT.search(client_for("firm").get(reverse("calls:eoi_create")).text)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_double_submissions_create_once(body, firm_user):
    """Two submissions in flight at once: the second waits on the token's unique key until the
    first commits, then goes where the first went."""
    url = reverse("calls:eoi_create")
    browser = Client()
    browser.force_login(firm_user)
    results = []

    def submit(data):
        try:
            results.append(browser.post(url, data)["Location"])
        finally:
            connection.close()

    for n in range(10):
        data = eoi_post(public_body=body.pk, submit="1", title=f"Offer {n}",
                        **{FORM_TOKEN_FIELD: new_token()})
        threads = [threading.Thread(target=submit, args=(data,)) for _click in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert len(results) == 20 and len(set(results)) == 10
    assert ExpressionOfInterest.objects.count() == 10
