"""Organisation identifiers in the org-id.guide style: scheme and identifier, unique together,
checked where the scheme's format is known; and the sector and kind that role rules rely on."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from actors.choices import OrganisationKind, Sector
from actors.models import Organisation
from actors.services import organisation_create
from tests import factories as f

pytestmark = pytest.mark.django_db


def _register(scheme, identifier, *, sector=Sector.PRIVATE, kind=OrganisationKind.SME,
              country="FR"):
    return organisation_create(actor=None, name="Boulangerie du Marché", sector=sector,
                               kind=kind, identifier_scheme=scheme, identifier=identifier,
                               country=country, territory="Saint-Denis")


def _refusal(scheme, identifier, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        _register(scheme, identifier, **kwargs)
    assert not Organisation.objects.exists()
    return error.value.message_dict


@pytest.mark.parametrize(
    ("scheme", "typed", "stored"),
    [
        ("FR-RCS", "552 100 554", "552100554"),
        ("FR-RCS", "732 829 320 00074", "73282932000074"),
        ("XI-LEI", "5493001kjtiigc8y1r12", "5493001KJTIIGC8Y1R12"),
        ("GB-COH", "sc123456", "SC123456"),
        ("DE-CR", "Berlin HRB 12345", "Berlin HRB 12345"),
    ],
)
def test_valid_identifiers_are_stored_normalised(scheme, typed, stored):
    organisation = _register(scheme, typed)

    assert organisation.identifier == stored
    assert organisation.org_id == f"{scheme}-{stored}"


@pytest.mark.parametrize(
    ("scheme", "identifier", "message"),
    [
        ("FR-RCS", "552100555",
         "This SIREN/SIRET fails its check key: please check for a typing error."),
        ("FR-RCS", "73282932000075",
         "This SIREN/SIRET fails its check key: please check for a typing error."),
        ("FR-RCS", "55210055", "A SIREN has 9 digits and a SIRET 14 digits."),
        ("XI-LEI", "5493001KJTIIGC8Y1R13", "This Legal Entity Identifier fails its check digits."),
        ("XI-LEI", "5493001KJTIIGC8Y1R",
         "A Legal Entity Identifier has 20 characters: 18 letters or digits then 2 digits."),
        ("FR-RNA", "931234567", "An RNA number is a W followed by 9 digits."),
        ("GB-COH", "1234", "A Companies House number has 8 digits, or 2 letters and 6 digits."),
    ],
)
def test_identifiers_failing_their_scheme_are_refused(scheme, identifier, message):
    assert _refusal(scheme, identifier) == {"identifier": [message]}


def test_an_unknown_scheme_is_refused():
    errors = _refusal("ZZ-NOPE", "12345")

    assert set(errors) == {"identifier_scheme", "identifier"}


@pytest.mark.parametrize(
    ("scheme", "identifier", "local"),
    [
        ("FR-RNA", "W931234567", True),
        ("XX-LOCAL", "Quartier-Nord/42", True),
        ("FR-RCS", "552100554", False),
        ("XI-LEI", "5493001KJTIIGC8Y1R12", False),
    ],
)
def test_local_schemes_are_accepted_and_flagged(scheme, identifier, local):
    assert _register(scheme, identifier).identifier_is_local is local


def test_an_identifier_is_unique_within_its_scheme():
    _register("FR-RCS", "552100554")

    with pytest.raises(ValidationError) as error:
        _register("FR-RCS", "552 100 554")

    assert error.value.messages == ["An organisation with this identifier already exists."]
    assert Organisation.objects.count() == 1


def test_the_same_identifier_may_appear_in_another_scheme():
    _register("FR-RCS", "552100554")

    _register("XX-LOCAL", "552100554")

    assert Organisation.objects.count() == 2


def test_the_database_holds_the_uniqueness_too():
    existing = f.OrganisationFactory()

    with pytest.raises(IntegrityError):
        Organisation.objects.create(
            name="Copy", sector=Sector.PRIVATE, kind=OrganisationKind.SME,
            identifier_scheme=existing.identifier_scheme, identifier=existing.identifier,
            country="FR", territory="Paris",
        )


@pytest.mark.parametrize(
    ("sector", "kind"),
    [
        (Sector.PUBLIC, OrganisationKind.MUNICIPALITY),
        (Sector.PUBLIC, OrganisationKind.POLICE),
        (Sector.PRIVATE, OrganisationKind.PRIVATE_SECURITY),
        (Sector.PRIVATE, OrganisationKind.BUSINESS_ASSOCIATION),
        (Sector.INTERMEDIARY, OrganisationKind.CHAMBER_OF_COMMERCE),
        (Sector.INTERMEDIARY, OrganisationKind.BID),
    ],
)
def test_kinds_of_their_sector_are_accepted(sector, kind):
    assert _register("FR-RCS", "552100554", sector=sector, kind=kind).kind == kind


@pytest.mark.parametrize(
    ("sector", "kind", "message"),
    [
        (Sector.PRIVATE, OrganisationKind.POLICE,
         "“Police” is not a kind of organisation of the private sector."),
        (Sector.PUBLIC, OrganisationKind.RETAILER,
         "“Retailer” is not a kind of organisation of the public body."),
        (Sector.INTERMEDIARY, OrganisationKind.MUNICIPALITY,
         "“Municipality” is not a kind of organisation of the intermediary or civil society."),
    ],
)
def test_kinds_of_another_sector_are_refused(sector, kind, message):
    assert _refusal("FR-RCS", "552100554", sector=sector, kind=kind) == {"kind": [message]}


def test_the_country_is_a_two_letter_code():
    errors = _refusal("FR-RCS", "552100554", country="F1")

    assert errors == {"country": ["Use the two-letter ISO code of the country, e.g. FR."]}
    assert _register("FR-RCS", "552100554", country="fr").country == "FR"
