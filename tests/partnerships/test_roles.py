"""Roles matched to the nature of the organisations: which kind may hold which role, one lead
authority per partnership, and security roles for licensed private security companies only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from actors.choices import KINDS_BY_SECTOR, OrganisationKind, Sector
from partnerships.choices import SECURITY_ROLES, Role
from partnerships.models import Party
from partnerships.policies import roles_open_to
from partnerships.services import party_add, party_update
from tests import factories as f

K = OrganisationKind
PUBLIC = {K.MUNICIPALITY, K.INTERMUNICIPAL, K.REGIONAL_AUTHORITY, K.NATIONAL_AUTHORITY, K.POLICE,
          K.PROSECUTION, K.TRANSPORT_AUTHORITY, K.SCHOOL, K.SOCIAL_SERVICES, K.HOUSING_BODY}
INTERMEDIARY = {K.CHAMBER_OF_COMMERCE, K.BID, K.CITY_CENTRE_MANAGEMENT, K.NGO,
                K.RESIDENTS_ASSOCIATION, K.RESEARCH}
EVERY_KIND = set(K)
# The matrix the registry promises: who may hold each role.
MAY_HOLD = {
    Role.LEAD_AUTHORITY: PUBLIC,
    Role.REGULATORY_AUTHORITY: {K.POLICE, K.PROSECUTION, K.MUNICIPALITY, K.NATIONAL_AUTHORITY,
                                K.TRANSPORT_AUTHORITY},
    Role.FACILITATOR: PUBLIC | INTERMEDIARY,
    Role.CO_FUNDER: EVERY_KIND,
    Role.OPERATIONAL_PARTNER: EVERY_KIND,
    Role.SERVICE_PROVIDER: EVERY_KIND,
    Role.DATA_PROVIDER: EVERY_KIND,
    Role.EXPERT_ADVISER: EVERY_KIND,
    Role.EVALUATOR: EVERY_KIND,
}
SECTOR_OF = {kind: sector for sector, kinds in KINDS_BY_SECTOR.items() for kind in kinds}
LICENCE = {"licence_scheme": "FR-CNAPS", "licence_number": "AUT-093-2118-05-28-20190359478"}


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def organisation_of(kind, **fields):
    if kind == K.PRIVATE_SECURITY and "licence_number" not in fields:
        fields = {**LICENCE, "licence_expires_on": in_days(365), **fields}
    return f.OrganisationFactory(sector=SECTOR_OF[kind], kind=kind, **fields)


def test_the_matrix_names_every_role():
    assert set(MAY_HOLD) == set(Role)


@pytest.mark.parametrize("kind", list(K))
@pytest.mark.parametrize("role", list(Role))
def test_each_kind_of_organisation_holds_only_the_roles_matched_to_it(coordinator, body, role,
                                                                      kind):
    partnership = f.PartnershipFactory(lead_body=body)
    organisation = organisation_of(kind)

    if kind in MAY_HOLD[role]:
        party = party_add(actor=coordinator, partnership=partnership, organisation=organisation,
                          role=role, responsibilities="Agreed tasks.")
        assert party.role == role
    else:
        with pytest.raises(ValidationError) as error:
            party_add(actor=coordinator, partnership=partnership, organisation=organisation,
                      role=role, responsibilities="Agreed tasks.")
        assert "role" in error.value.message_dict
        assert not partnership.parties.exists()


@pytest.mark.parametrize("kind", list(K))
def test_the_roles_open_to_a_kind_follow_the_matrix(db, kind):
    expected = [role for role in Role if kind in MAY_HOLD[role]]
    assert roles_open_to(organisation_of(kind)) == expected


def test_a_school_is_refused_the_police_role_with_the_reason(coordinator, body):
    school = organisation_of(K.SCHOOL, name="Lycée Paul Éluard")
    with pytest.raises(ValidationError) as error:
        party_add(actor=coordinator, partnership=f.PartnershipFactory(lead_body=body),
                  organisation=school, role=Role.REGULATORY_AUTHORITY, responsibilities="x")
    assert error.value.message_dict["role"] == [
        "The role “Police or regulatory authority” is not for a school: Lycée Paul Éluard holds "
        "no police or regulatory powers."
    ]


def test_a_partnership_has_one_lead_authority(coordinator, body):
    partnership = f.PartnershipFactory(lead_body=body)
    party_add(actor=coordinator, partnership=partnership, organisation=body,
              role=Role.LEAD_AUTHORITY, responsibilities="Chairs.")
    police = organisation_of(K.POLICE)

    with pytest.raises(ValidationError) as error:
        party_add(actor=coordinator, partnership=partnership, organisation=police,
                  role=Role.LEAD_AUTHORITY, responsibilities="Chairs too.")
    assert "already the lead authority" in error.value.message_dict["role"][0]

    party = party_add(actor=coordinator, partnership=partnership, organisation=police,
                      role=Role.REGULATORY_AUTHORITY, responsibilities="Police powers.")
    with pytest.raises(ValidationError):
        party_update(actor=coordinator, party=party, role=Role.LEAD_AUTHORITY)
    # Another partnership keeps its own lead authority.
    party_add(actor=coordinator, partnership=f.PartnershipFactory(lead_body=body),
              organisation=police, role=Role.LEAD_AUTHORITY, responsibilities="Chairs.")


def test_the_database_holds_one_lead_authority_per_partnership(body):
    partnership = f.PartnershipFactory(lead_body=body)
    Party.objects.create(partnership=partnership, organisation=body, role=Role.LEAD_AUTHORITY,
                         responsibilities="Chairs.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(partnership=partnership, organisation=organisation_of(K.POLICE),
                             role=Role.LEAD_AUTHORITY, responsibilities="Chairs too.")


def test_the_lead_authority_keeps_its_role_when_its_responsibilities_change(coordinator, body):
    partnership = f.PartnershipFactory(lead_body=body)
    lead = party_add(actor=coordinator, partnership=partnership, organisation=body,
                     role=Role.LEAD_AUTHORITY, responsibilities="Chairs.")
    party_update(actor=coordinator, party=lead, responsibilities="Chairs and reports.")
    assert Party.objects.get(pk=lead.pk).responsibilities == "Chairs and reports."


@pytest.mark.parametrize("role", sorted(SECURITY_ROLES))
def test_a_security_company_takes_a_security_role_only_with_a_licence_in_force(
    coordinator, body, role
):
    partnership = f.PartnershipFactory(lead_body=body)
    unlicensed = f.OrganisationFactory(kind=K.PRIVATE_SECURITY, name="Vigie Express")
    expired = f.OrganisationFactory(kind=K.PRIVATE_SECURITY, name="Garde Ancienne", **LICENCE,
                                    licence_expires_on=in_days(-1))
    licensed = organisation_of(K.PRIVATE_SECURITY)

    with pytest.raises(ValidationError) as error:
        party_add(actor=coordinator, partnership=partnership, organisation=unlicensed, role=role,
                  responsibilities="Guards.")
    assert "record its security licence" in error.value.message_dict["role"][0]
    with pytest.raises(ValidationError) as error:
        party_add(actor=coordinator, partnership=partnership, organisation=expired, role=role,
                  responsibilities="Guards.")
    assert "expired on" in error.value.message_dict["role"][0]
    party_add(actor=coordinator, partnership=partnership, organisation=licensed, role=role,
              responsibilities="Guards.")
    # Roles that deploy nobody on the ground need no licence.
    party_add(actor=coordinator, partnership=partnership, organisation=unlicensed,
              role=Role.CO_FUNDER, responsibilities="Funds.")


def test_an_unlicensed_security_company_is_offered_no_security_role(db):
    unlicensed = f.OrganisationFactory(kind=K.PRIVATE_SECURITY)
    assert not SECURITY_ROLES & set(roles_open_to(unlicensed))
    assert Role.CO_FUNDER in roles_open_to(unlicensed)


def test_other_private_firms_need_no_licence_for_security_roles(coordinator, body):
    retailer = f.OrganisationFactory(kind=K.RETAILER, sector=Sector.PRIVATE)
    party_add(actor=coordinator, partnership=f.PartnershipFactory(lead_body=body),
              organisation=retailer, role=Role.SERVICE_PROVIDER, responsibilities="Stewards.")
