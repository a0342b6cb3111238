"""Registering, editing and verifying organisations; people and their functions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from actors.choices import Function, OrganisationKind, Sector, VerificationStatus
from actors.models import User
from actors.services import (
    organisation_create,
    organisation_set_verification,
    organisation_update,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def _unverified_firm(**kwargs):
    return f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED, **kwargs)


def test_every_registration_starts_unverified(admin_user):
    organisation = organisation_create(
        actor=admin_user, name="Vigilance Plaine", sector=Sector.PRIVATE,
        kind=OrganisationKind.PRIVATE_SECURITY, identifier_scheme="FR-RCS",
        identifier="552100554", country="FR", territory="Saint-Denis",
    )

    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    assert organisation.history.get().history_user == admin_user


def test_a_coordinator_verifies_a_firm(coordinator):
    shop = _unverified_firm()

    organisation_set_verification(actor=coordinator, organisation=shop,
                                  status=VerificationStatus.VERIFIED, note="Checked the Kbis.")

    shop.refresh_from_db()
    assert shop.is_verified
    assert (shop.verified_by, shop.verified_at is not None) == (coordinator, True)
    assert shop.internal_notes.endswith("Checked the Kbis.")
    latest = shop.history.first()
    assert (latest.verification_status, latest.history_user) == ("verified", coordinator)


def test_a_rejection_clears_the_verification(coordinator, firm):
    organisation_set_verification(actor=coordinator, organisation=firm,
                                  status=VerificationStatus.REJECTED)

    firm.refresh_from_db()
    assert (firm.verification_status, firm.verified_by, firm.verified_at) == (
        VerificationStatus.REJECTED, None, None)


def test_an_intermediary_is_verified_by_a_coordinator(coordinator):
    chamber = f.IntermediaryFactory(verification_status=VerificationStatus.UNVERIFIED)

    organisation_set_verification(actor=coordinator, organisation=chamber,
                                  status=VerificationStatus.VERIFIED)

    chamber.refresh_from_db()
    assert chamber.is_verified


def test_coordinators_do_not_verify_public_bodies(coordinator, admin_user):
    town = f.PublicBodyFactory(verification_status=VerificationStatus.UNVERIFIED)

    with pytest.raises(PermissionDenied):
        organisation_set_verification(actor=coordinator, organisation=town,
                                      status=VerificationStatus.VERIFIED)
    organisation_set_verification(actor=admin_user, organisation=town,
                                  status=VerificationStatus.VERIFIED)

    town.refresh_from_db()
    assert town.verified_by == admin_user


@pytest.mark.parametrize("who", ["firm", "other_firm", "analyst"])
def test_only_coordinators_and_administrators_verify(users, who):
    shop = _unverified_firm()
    if who == "firm":
        shop = users["firm"].organisation

    with pytest.raises(PermissionDenied):
        organisation_set_verification(actor=users[who], organisation=shop,
                                      status=VerificationStatus.VERIFIED)


def test_an_unknown_verification_status_is_refused(coordinator):
    with pytest.raises(ValidationError):
        organisation_set_verification(actor=coordinator, organisation=_unverified_firm(),
                                      status="approved")


def test_a_firm_keeps_its_own_page_up_to_date(firm_user, firm):
    organisation_update(actor=firm_user, organisation=firm, website="https://plaine.example")

    firm.refresh_from_db()
    assert firm.website == "https://plaine.example"
    assert firm.history.first().history_user == firm_user


def test_a_firm_does_not_change_its_identity_or_its_notes(firm_user, firm):
    for change in ({"identifier": "552100554"}, {"sector": Sector.PUBLIC},
                   {"internal_notes": "Trusted."}):
        with pytest.raises(PermissionDenied):
            organisation_update(actor=firm_user, organisation=firm, **change)


def test_a_firm_does_not_change_another_firm(firm_user, other_firm):
    with pytest.raises(PermissionDenied):
        organisation_update(actor=firm_user, organisation=other_firm, name="Taken over")


def test_an_administrator_corrects_an_identity_under_the_same_checks(admin_user, firm):
    organisation_update(actor=admin_user, organisation=firm, identifier="552 100 554")
    firm.refresh_from_db()
    assert firm.identifier == "552100554"

    with pytest.raises(ValidationError) as error:
        organisation_update(actor=admin_user, organisation=firm, identifier="552100555")

    assert "fails its check key" in error.value.message_dict["identifier"][0]


def test_coordinators_work_for_a_public_body(firm):
    person = User(username="zoe", organisation=firm, function=Function.COORDINATOR)

    with pytest.raises(ValidationError) as error:
        person.full_clean()

    assert error.value.message_dict["function"] == [
        "Only staff of a public body can be coordinators."
    ]


def test_a_coordinator_of_a_public_body_is_accepted(body):
    person = User(username="zoe", organisation=body, function=Function.COORDINATOR)
    person.set_password("correct horse battery")

    person.full_clean()
    person.save()

    assert person.is_coordinator


def test_a_function_needs_an_organisation(db):
    with pytest.raises(IntegrityError):
        User.objects.create(username="zoe", function=Function.ANALYST)
