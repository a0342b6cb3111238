"""The organisation and people admin: registration and verification go through the services."""

import pytest

from actors.choices import Function, OrganisationKind, Sector, VerificationStatus
from actors.models import Organisation, User
from tests import factories as f
from tests.admin_forms import (
    add_form,
    admin_as,
    admin_url,
    change_lists_cost_the_same_for_3_and_30_rows,
    errors_of,
    form_data,
    messages_of,
    run_action,
)

pytestmark = pytest.mark.django_db


test_change_lists_cost_the_same_for_3_and_30_rows = change_lists_cost_the_same_for_3_and_30_rows(
    (Organisation, f.OrganisationFactory), (User, f.FirmRepresentativeFactory),
)


def test_organisations_are_found_by_identifier_and_filtered_by_verification(admin_client):
    siren = f.OrganisationFactory(identifier="552100554")
    waiting = f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED)
    url = admin_url(Organisation, "changelist")

    assert list(admin_client.get(url, {"q": "552100554"}).context["cl"].result_list) == [siren]
    unverified = admin_client.get(url, {"verification_status__exact": "unverified"})
    assert list(unverified.context["cl"].result_list) == [waiting]


def test_the_change_list_flags_local_identifier_schemes(admin_client):
    f.OrganisationFactory(identifier_scheme="FR-RNA", identifier="W931234567")
    f.OrganisationFactory()

    response = admin_client.get(admin_url(Organisation, "changelist"))

    assert response.text.count('<td class="field-local_scheme"><img src="/static/admin/img/'
                               'icon-yes.svg" alt="True"></td>') == 1


# Registering -------------------------------------------------------------------------------


def _registration(client, **fields):
    data = form_data(client.get(admin_url(Organisation, "add")))
    data.update(name="Vigilance Plaine", sector=Sector.PRIVATE,
                kind=OrganisationKind.PRIVATE_SECURITY, identifier_scheme="FR-RCS",
                identifier="552 100 554", country="FR", territory="Saint-Denis")
    data.update(fields)
    return client.post(admin_url(Organisation, "add"), data)


def test_an_organisation_registered_in_the_admin_waits_for_verification(admin_client,
                                                                        admin_user):
    response = _registration(admin_client, verification_status=VerificationStatus.VERIFIED)

    assert response.status_code == 302, errors_of(response)
    organisation = Organisation.objects.get()
    assert (organisation.identifier, organisation.verification_status) == (
        "552100554", VerificationStatus.UNVERIFIED)
    assert organisation.history.get().history_user == admin_user


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"identifier": "552100555"},
         "This SIREN/SIRET fails its check key: please check for a typing error."),
        ({"identifier_scheme": "XI-LEI", "identifier": "5493001KJTIIGC8Y1R13"},
         "This Legal Entity Identifier fails its check digits."),
        ({"kind": OrganisationKind.MUNICIPALITY},
         "“Municipality” is not a kind of organisation of the private sector."),
    ],
)
def test_the_registration_form_shows_what_is_wrong(admin_client, fields, message):
    response = _registration(admin_client, **fields)

    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Organisation.objects.exists()


def test_an_identifier_is_registered_once_per_scheme(admin_client):
    f.OrganisationFactory(identifier_scheme="FR-RCS", identifier="552100554")

    response = _registration(admin_client)

    assert "An organisation with this identifier already exists." in errors_of(response)
    assert _registration(admin_client, identifier_scheme="XX-LOCAL").status_code == 302


def test_an_organisation_edited_in_the_admin_is_credited_in_its_history(admin_client,
                                                                        admin_user, firm):
    data = form_data(admin_client.get(admin_url(Organisation, "change", firm.pk)))
    data["name"] = "Sécurité Plaine SAS"

    assert admin_client.post(admin_url(Organisation, "change", firm.pk), data).status_code == 302

    latest = firm.history.first()
    assert (latest.name, latest.history_user) == ("Sécurité Plaine SAS", admin_user)
    assert latest.diff_against(latest.prev_record).changed_fields == ["name"]


# Verification ------------------------------------------------------------------------------


def test_verifying_is_an_admin_action(admin_client, admin_user):
    shop = f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED)

    response = run_action(admin_client, Organisation, "verify", shop)

    assert messages_of(response) == ["1 organisation is now verified."]
    shop.refresh_from_db()
    assert (shop.verification_status, shop.verified_by) == (VerificationStatus.VERIFIED,
                                                           admin_user)
    assert shop.history.first().history_user == admin_user


def test_rejecting_is_an_admin_action(admin_client, firm, other_firm):
    response = run_action(admin_client, Organisation, "reject", firm, other_firm)

    assert messages_of(response) == ["2 organisations are now rejected."]
    assert set(Organisation.objects.values_list("verification_status", flat=True)) == {
        VerificationStatus.REJECTED}


@pytest.fixture
def staff_coordinator(client, coordinator):
    """Alice, given access to the admin with the right to change organisations."""
    return admin_as(client, coordinator, "view_organisation", "change_organisation")


def test_a_coordinator_in_the_admin_verifies_firms_but_not_public_bodies(staff_coordinator):
    shop = f.OrganisationFactory(verification_status=VerificationStatus.UNVERIFIED)
    town = f.PublicBodyFactory(name="Ville de Bobigny",
                               verification_status=VerificationStatus.UNVERIFIED)

    response = run_action(staff_coordinator, Organisation, "verify", shop, town)

    assert messages_of(response) == [
        "Ville de Bobigny: You may not change this organisation.",
        "1 organisation is now verified.",
    ]
    assert Organisation.objects.get(pk=town.pk).verification_status == "unverified"


def test_a_coordinator_in_the_admin_edits_only_their_own_body(staff_coordinator, body, firm):
    own = staff_coordinator.get(admin_url(Organisation, "change", body.pk))
    other = staff_coordinator.get(admin_url(Organisation, "change", firm.pk))

    assert own.context["has_change_permission"] is True
    assert "identifier" not in own.context["adminform"].form.fields
    assert other.context["has_change_permission"] is False


# People ------------------------------------------------------------------------------------


def _new_person(client, **fields):
    data = add_form(client, User, username="zoe", usable_password="true",
                    password1="Plaine-2026-nuit!", password2="Plaine-2026-nuit!", **fields)
    return client.post(admin_url(User, "add"), data)


def test_a_person_is_added_with_their_organisation_and_function(admin_client, body):
    response = _new_person(admin_client, organisation=body.pk, function=Function.COORDINATOR)

    assert response.status_code == 302, errors_of(response)
    person = User.objects.get(username="zoe")
    assert (person.organisation, person.is_coordinator) == (body, True)


def test_a_coordinator_must_work_for_a_public_body(admin_client, firm):
    response = _new_person(admin_client, organisation=firm.pk, function=Function.COORDINATOR)

    assert "Only staff of a public body can be coordinators." in errors_of(response)
    assert not User.objects.filter(username="zoe").exists()


def test_people_are_found_by_their_organisation(admin_client, firm_user, other_firm_user):
    response = admin_client.get(admin_url(User, "changelist"), {"q": "Plaine"})

    assert list(response.context["cl"].result_list) == [firm_user]
