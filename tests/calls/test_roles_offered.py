"""Accepting an expression of interest offers the firm only the roles it may hold, on the page
and in the API."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from calls.choices import EoiStatus
from partnerships.choices import Role

from .conftest import accept_by_api, assert_refused_and_still_under_review


@pytest.fixture
def under_review(eoi):
    eoi.status = EoiStatus.UNDER_REVIEW
    eoi.save()
    return eoi


def role_options(html: str) -> set[str]:
    return {role.value for role in Role if f'value="{role.value}"' in html}


def test_the_accept_form_offers_a_firm_only_the_roles_it_may_hold(client, under_review,
                                                                  coordinator, draft):
    client.force_login(coordinator)
    page = client.get(reverse("calls:eoi_detail", args=[under_review.pk]))
    offered = role_options(page.text)
    assert Role.OPERATIONAL_PARTNER in offered
    assert not offered & {Role.LEAD_AUTHORITY, Role.REGULATORY_AUTHORITY, Role.FACILITATOR}


def test_an_unlicensed_security_company_is_offered_no_security_role(client, under_review, firm,
                                                                    coordinator, draft):
    firm.kind = "private_security"
    firm.save()
    client.force_login(coordinator)
    page = client.get(reverse("calls:eoi_detail", args=[under_review.pk]))
    offered = role_options(page.text)
    assert Role.CO_FUNDER in offered
    assert not offered & {Role.OPERATIONAL_PARTNER, Role.SERVICE_PROVIDER}

    response = client.post(reverse("calls:eoi_accept", args=[under_review.pk]), {
        "partnership": draft.pk, "role": "service_provider", "responsibilities": "Guards.",
    })
    assert response.status_code == 400
    under_review.refresh_from_db()
    assert under_review.status == EoiStatus.UNDER_REVIEW


def test_the_api_refuses_a_role_the_firm_may_not_hold(under_review, coordinator, draft):
    api = APIClient()
    api.force_authenticate(coordinator)

    response = accept_by_api(api, under_review.pk, draft, "regulatory_authority", "Powers.")

    assert_refused_and_still_under_review(response, "reserved to public bodies", under_review)

    accepted = accept_by_api(api, under_review.pk, draft, "co_funder", "Funds lighting.")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == EoiStatus.ACCEPTED
