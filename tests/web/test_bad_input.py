"""Bad input on the pages: a 4xx or the form's own message, never a 500, and nothing stored."""

import pytest
from django.urls import reverse

from goals.models import SafetyStrategy
from partnerships.models import Partnership

from .forms import partnership_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["q=gare%00", "community_groups=%00", "status%00=draft"])
def test_a_nul_in_a_query_parameter_is_400(client_for, query):
    response = client_for("coordinator").get(f"{reverse('partnerships:partnership_list')}?{query}")

    assert response.status_code == 400


def test_a_nul_in_a_form_field_is_400_and_stores_nothing(client_for, body):
    response = client_for("coordinator").post(reverse("goals:strategy_create"), {
        "title": "Contrat\x00", "territory": "Saint-Denis", "starts_on": "2025-01-01",
    })

    assert response.status_code == 400
    assert not SafetyStrategy.objects.exists()


def test_a_nul_in_a_slug_of_the_partnership_form_is_400(client_for, body):
    response = client_for("coordinator").post(
        reverse("partnerships:partnership_create"), partnership_post(community_groups=["\x00"])
    )

    assert response.status_code == 400
    assert not Partnership.objects.exists()


@pytest.mark.parametrize("starts_on", ["1899-12-31", "2201-01-01", "9999-12-31", "0001-01-01"])
def test_dates_out_of_range_are_refused_on_their_field(client_for, body, starts_on):
    response = client_for("coordinator").post(reverse("goals:strategy_create"), {
        "title": "Contrat", "territory": "Saint-Denis", "starts_on": starts_on,
    })

    assert response.status_code == 200
    assert response.context["form"].errors["starts_on"]
    assert not SafetyStrategy.objects.exists()


def test_a_partnership_date_out_of_range_is_refused(client_for, body):
    response = client_for("coordinator").post(
        reverse("partnerships:partnership_create"), partnership_post(ends_on="2999-01-01")
    )

    assert response.status_code == 200
    assert not Partnership.objects.exists()
