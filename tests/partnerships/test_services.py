"""The manifesto's rules for partnerships, each with an accepted and a refused case, as every
entry point meets them: through the services."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from actors.choices import VerificationStatus
from partnerships import services
from partnerships.choices import (
    REQUIRED_RULE_CATEGORIES,
    TRANSITIONS,
    ContributionKind,
    Role,
    RuleCategory,
    Status,
)
from partnerships.models import Contribution, Partnership
from tests import factories as f
from tests.conftest import make_activatable

pytestmark = pytest.mark.django_db

RESPONSIBILITIES = "Chairs the steering committee and signs the agreement."


def _with_status(partnership, status):
    Partnership.objects.filter(pk=partnership.pk).update(status=status)
    partnership.refresh_from_db()
    return partnership


def _add_party(actor, partnership, organisation, role):
    return services.party_add(actor=actor, partnership=partnership, organisation=organisation,
                              role=role, responsibilities=RESPONSIBILITIES)


def _messages(error: ValidationError) -> list[str]:
    return error.value.messages


# Roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEAD_AUTHORITY, Role.REGULATORY_AUTHORITY])
def test_roles_reserved_to_public_bodies_refuse_a_private_firm(coordinator, draft, other_firm,
                                                               role):
    with pytest.raises(ValidationError) as error:
        _add_party(coordinator, draft, other_firm, role)

    assert error.value.message_dict == {
        "role": [f"The role “{Role(role).label}” is reserved to public bodies; "
                 "Commerce Nord SAS is not one."]
    }
    assert not draft.parties.filter(organisation=other_firm).exists()


@pytest.mark.parametrize("role", [Role.LEAD_AUTHORITY, Role.REGULATORY_AUTHORITY])
def test_roles_reserved_to_public_bodies_accept_a_public_body(coordinator, draft, body, role):
    party = _add_party(coordinator, draft, body, role)

    assert party.role == role
    assert party.history.get().history_user == coordinator


def test_an_intermediary_cannot_hold_a_role_reserved_to_public_bodies(coordinator, draft):
    chamber = f.IntermediaryFactory(name="CCI Seine-Saint-Denis")

    with pytest.raises(ValidationError) as error:
        _add_party(coordinator, draft, chamber, Role.LEAD_AUTHORITY)

    assert "reserved to public bodies" in error.value.message_dict["role"][0]


def test_a_private_firm_cannot_be_facilitator(coordinator, draft, other_firm):
    with pytest.raises(ValidationError) as error:
        _add_party(coordinator, draft, other_firm, Role.FACILITATOR)

    assert error.value.message_dict["role"] == [
        "The role “Facilitator” is open to public bodies and intermediaries only; "
        "Commerce Nord SAS is a private firm."
    ]


@pytest.mark.parametrize("factory", [f.IntermediaryFactory, f.PublicBodyFactory])
def test_intermediaries_and_public_bodies_can_be_facilitators(coordinator, draft, factory):
    party = _add_party(coordinator, draft, factory(), Role.FACILITATOR)

    assert party.role == Role.FACILITATOR


@pytest.mark.parametrize(
    "role", [Role.CO_FUNDER, Role.OPERATIONAL_PARTNER, Role.DATA_PROVIDER, Role.EXPERT_ADVISER]
)
def test_other_roles_are_open_to_private_firms(coordinator, draft, other_firm, role):
    assert _add_party(coordinator, draft, other_firm, role).organisation == other_firm


def test_a_party_cannot_be_moved_into_a_reserved_role(coordinator, draft):
    party = draft.parties.get()

    with pytest.raises(ValidationError) as error:
        services.party_update(actor=coordinator, party=party, role=Role.REGULATORY_AUTHORITY)

    assert "reserved to public bodies" in error.value.message_dict["role"][0]
    party.refresh_from_db()
    assert party.role == Role.OPERATIONAL_PARTNER


# Verification ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED])
def test_only_verified_organisations_become_parties(coordinator, draft, status):
    shop = f.OrganisationFactory(name="Nouvelle Boutique", verification_status=status)

    with pytest.raises(ValidationError) as error:
        _add_party(coordinator, draft, shop, Role.CO_FUNDER)

    assert error.value.message_dict == {
        "organisation": ["Nouvelle Boutique is not a verified organisation: a coordinator must "
                         "verify it before it can become a party."]
    }


def test_a_verified_organisation_becomes_a_party(coordinator, draft, other_firm):
    assert other_firm.verification_status == VerificationStatus.VERIFIED

    assert _add_party(coordinator, draft, other_firm, Role.CO_FUNDER).partnership == draft


# Lifecycle ---------------------------------------------------------------------------------

ALLOWED = sorted((current, target) for current, targets in TRANSITIONS.items()
                 for target in targets)
REFUSED = sorted((current, target) for current in Status for target in Status
                 if target not in TRANSITIONS[current])


def test_the_lifecycle_has_the_transitions_of_the_domain():
    assert len(ALLOWED) == 11
    assert (Status.DRAFT, Status.ACTIVE) in REFUSED
    assert (Status.CONCLUDED, Status.ACTIVE) in REFUSED


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_every_allowed_transition_is_accepted(coordinator, body, current, target):
    partnership = _with_status(make_activatable(f.PartnershipFactory(lead_body=body)), current)

    services.partnership_transition(actor=coordinator, partnership=partnership, status=target,
                                    reason="Decided by the steering committee.")

    partnership.refresh_from_db()
    assert partnership.status == target
    assert partnership.history.first().history_user == coordinator


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_every_other_transition_is_refused(coordinator, body, current, target):
    partnership = _with_status(make_activatable(f.PartnershipFactory(lead_body=body)), current)

    with pytest.raises(ValidationError) as error:
        services.partnership_transition(actor=coordinator, partnership=partnership,
                                        status=target, reason="Decided.")

    assert _messages(error) == [
        f"A partnership cannot go from “{Status(current).label}” to “{Status(target).label}”."
    ]
    partnership.refresh_from_db()
    assert partnership.status == current


def test_activation_records_when_and_resuming_keeps_it(coordinator, body):
    partnership = _with_status(make_activatable(f.PartnershipFactory(lead_body=body)),
                               Status.NEGOTIATION)

    services.partnership_transition(actor=coordinator, partnership=partnership,
                                    status=Status.ACTIVE)
    activated_at = Partnership.objects.get(pk=partnership.pk).activated_at
    for status in (Status.SUSPENDED, Status.ACTIVE):
        services.partnership_transition(actor=coordinator, partnership=partnership,
                                        status=status, reason="Reviewed.")

    assert activated_at is not None
    assert Partnership.objects.get(pk=partnership.pk).activated_at == activated_at


# Activation --------------------------------------------------------------------------------


def _negotiating(body):
    return _with_status(make_activatable(f.PartnershipFactory(lead_body=body)),
                        Status.NEGOTIATION)


def _activate(actor, partnership):
    return services.partnership_transition(actor=actor, partnership=partnership,
                                           status=Status.ACTIVE)


def test_a_complete_partnership_becomes_active(coordinator, body):
    assert _activate(coordinator, _negotiating(body)).status == Status.ACTIVE


def _drop_public_party(partnership):
    partnership.parties.filter(organisation__sector="public").delete()


def _drop_private_party(partnership):
    partnership.parties.filter(organisation__sector="private").delete()


def _only_customers(partnership):
    partnership.community_groups.set(
        [f.CommunityGroupFactory(code="customers", partners_customers=True)]
    )


def _no_groups(partnership):
    partnership.community_groups.clear()


@pytest.mark.parametrize(
    ("remove", "missing"),
    [
        (_drop_public_party, "Add at least one public body as a party."),
        (_drop_private_party, "Add at least one private-sector party."),
        (_no_groups, "Name the community groups this partnership serves."),
        (_only_customers,
         "The partnership serves only the private partners' own customers: name at least one "
         "group of the wider community (residents, young people, commuters...)."),
    ],
)
def test_activation_names_what_is_missing(coordinator, body, remove, missing):
    partnership = _negotiating(body)
    remove(partnership)

    with pytest.raises(ValidationError) as error:
        _activate(coordinator, partnership)

    assert _messages(error) == ["This partnership cannot become active yet.", missing]
    partnership.refresh_from_db()
    assert partnership.status == Status.NEGOTIATION


@pytest.mark.parametrize("category", REQUIRED_RULE_CATEGORIES)
def test_activation_needs_each_required_rule(coordinator, body, category):
    partnership = _negotiating(body)
    partnership.rules.filter(category=category).delete()

    with pytest.raises(ValidationError) as error:
        _activate(coordinator, partnership)

    assert _messages(error) == [
        "This partnership cannot become active yet.",
        f"Add the missing rules: {RuleCategory(category).label}.",
    ]


def test_customers_alongside_the_wider_community_are_accepted(coordinator, body):
    partnership = _negotiating(body)
    partnership.community_groups.add(
        f.CommunityGroupFactory(code="customers", partners_customers=True)
    )

    assert _activate(coordinator, partnership).status == Status.ACTIVE


def test_an_empty_partnership_is_told_everything_it_lacks(coordinator, body):
    partnership = _with_status(f.PartnershipFactory(lead_body=body), Status.NEGOTIATION)

    with pytest.raises(ValidationError) as error:
        _activate(coordinator, partnership)

    assert _messages(error) == [
        "This partnership cannot become active yet.",
        "Add at least one public body as a party.",
        "Add at least one private-sector party.",
        "Add the missing rules: Governance and decision-making, Data sharing and "
        "confidentiality, Conflict of interest, Termination and exit.",
        "Name the community groups this partnership serves.",
        "Link the partnership to at least one goal of a local safety strategy.",
    ]


# A live partnership keeps what its activation required --------------------------------------

LIVE_GAP = "This change would leave the active partnership without what it needs."


@pytest.fixture(params=[Status.ACTIVE, Status.SUSPENDED])
def live(request, active):
    return _with_status(active, request.param)


def test_the_last_governance_rule_of_a_live_partnership_stays(coordinator, live):
    rule = live.rules.get(category=RuleCategory.GOVERNANCE)
    rule_id = rule.pk

    with pytest.raises(ValidationError) as error:
        services.rule_remove(actor=coordinator, rule=rule)

    assert _messages(error) == [LIVE_GAP, "Add the missing rules: Governance and decision-making."]
    assert live.rules.filter(pk=rule_id).exists()


def test_a_second_governance_rule_of_a_live_partnership_can_go(coordinator, live):
    extra = services.rule_add(actor=coordinator, partnership=live,
                              category=RuleCategory.GOVERNANCE, title="Quorum",
                              text="Decisions need half of the parties present.")

    services.rule_remove(actor=coordinator, rule=extra)

    assert live.rules.filter(category=RuleCategory.GOVERNANCE).count() == 1


def test_a_required_rule_of_a_live_partnership_keeps_its_category(coordinator, live):
    rule = live.rules.get(category=RuleCategory.EXIT)

    with pytest.raises(ValidationError) as error:
        services.rule_update(actor=coordinator, rule=rule, category=RuleCategory.FUNDING)

    assert "Add the missing rules: Termination and exit." in _messages(error)
    rule.refresh_from_db()
    assert rule.category == RuleCategory.EXIT


def test_the_only_private_party_of_a_live_partnership_stays(coordinator, live):
    party = live.parties.get(organisation__sector="private")
    party_id = party.pk

    with pytest.raises(ValidationError) as error:
        services.party_remove(actor=coordinator, party=party)

    assert _messages(error) == [LIVE_GAP, "Add at least one private-sector party."]
    assert live.parties.filter(pk=party_id).exists()


def test_the_only_private_party_cannot_be_swapped_for_a_public_body(coordinator, live,
                                                                    other_body):
    party = live.parties.get(organisation__sector="private")

    with pytest.raises(ValidationError):
        services.party_update(actor=coordinator, party=party, organisation=other_body)

    party.refresh_from_db()
    assert party.organisation.sector == "private"


def test_a_live_partnership_keeps_a_group_of_the_wider_community(coordinator, live):
    customers = f.CommunityGroupFactory(code="customers", partners_customers=True)

    with pytest.raises(ValidationError) as error:
        services.partnership_update(actor=coordinator, partnership=live,
                                    community_groups=[customers])

    assert _messages(error)[0] == LIVE_GAP
    assert list(live.community_groups.values_list("code", flat=True)) == ["residents"]


def test_a_live_partnership_can_serve_more_groups(coordinator, live):
    young = f.CommunityGroupFactory(code="young-people")

    services.partnership_update(actor=coordinator, partnership=live,
                                community_groups=[*live.community_groups.all(), young])

    assert live.community_groups.count() == 2


def test_a_draft_may_lack_anything(coordinator, draft):
    services.party_remove(actor=coordinator, party=draft.parties.get())

    assert not draft.parties.exists()


@pytest.mark.parametrize("status", [Status.CONCLUDED, Status.TERMINATED])
def test_a_closed_partnership_can_no_longer_change(coordinator, active, status):
    _with_status(active, status)

    with pytest.raises(ValidationError) as error:
        services.rule_add(actor=coordinator, partnership=active, category=RuleCategory.FUNDING,
                          title="Budget", text="The city funds half.")

    assert _messages(error) == [
        f"This partnership is {Status(status).label.lower()} and can no longer be changed."
    ]


def test_only_drafts_are_deleted(coordinator, draft, active):
    with pytest.raises(ValidationError):
        services.partnership_delete(actor=coordinator, partnership=active)

    draft_id = draft.pk
    services.partnership_delete(actor=coordinator, partnership=draft)

    assert list(Partnership.objects.all()) == [active]
    assert Partnership.history.get(id=draft_id, history_type="-").history_user == coordinator


# Contributions -----------------------------------------------------------------------------

FINANCIAL = "A financial contribution needs a positive amount and a currency."
HUMAN = "A human-resources contribution needs a positive number of person-days."
UNKNOWN_CURRENCY = "Use the three-letter ISO 4217 code of the currency, e.g. EUR."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": ContributionKind.FINANCIAL, "currency": "EUR"}, FINANCIAL),
        ({"kind": ContributionKind.FINANCIAL, "amount": Decimal("5000")}, FINANCIAL),
        ({"kind": ContributionKind.FINANCIAL, "amount": Decimal("0"), "currency": "EUR"},
         FINANCIAL),
        ({"kind": ContributionKind.HUMAN_RESOURCES}, HUMAN),
        ({"kind": ContributionKind.HUMAN_RESOURCES, "person_days": Decimal("0")}, HUMAN),
    ],
)
def test_contributions_without_their_measure_are_refused(coordinator, draft, fields, message):
    with pytest.raises(ValidationError) as error:
        services.contribution_add(actor=coordinator, party=draft.parties.get(), **fields)

    assert message in _messages(error)


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": ContributionKind.FINANCIAL, "amount": Decimal("25000"), "currency": "eur"},
        {"kind": ContributionKind.HUMAN_RESOURCES, "person_days": Decimal("120")},
        {"kind": ContributionKind.EXPERTISE, "description": "Safety audits of the station"},
        {"kind": ContributionKind.IN_KIND, "description": "Premises for the mediators"},
        {"kind": ContributionKind.DATA, "description": "Footfall counts, anonymised"},
    ],
)
def test_contributions_with_their_measure_are_recorded(coordinator, draft, fields):
    contribution = services.contribution_add(actor=coordinator, party=draft.parties.get(),
                                             **fields)

    assert contribution.kind == fields["kind"]
    assert contribution.currency == fields.get("currency", "").upper()


def test_a_contribution_in_an_unknown_currency_is_refused_on_its_field(coordinator, draft):
    party = draft.parties.get()

    with pytest.raises(ValidationError) as error:
        services.contribution_add(actor=coordinator, party=party, kind=ContributionKind.FINANCIAL,
                                  amount=Decimal("5000"), currency="€€€")

    assert error.value.message_dict == {"currency": [UNKNOWN_CURRENCY]}
    assert not party.contributions.exists()


def test_a_contribution_cannot_be_changed_to_an_unknown_currency(coordinator, draft):
    contribution = f.ContributionFactory(party=draft.parties.get(), currency="EUR")

    with pytest.raises(ValidationError) as error:
        services.contribution_update(actor=coordinator, contribution=contribution,
                                     currency="XYZ")

    assert error.value.message_dict == {"currency": [UNKNOWN_CURRENCY]}
    contribution.refresh_from_db()
    assert contribution.currency == "EUR"


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": ContributionKind.FINANCIAL, "currency": "EUR"},
        {"kind": ContributionKind.HUMAN_RESOURCES},
    ],
)
def test_the_database_holds_the_contribution_measures_too(draft, fields):
    with pytest.raises(IntegrityError):
        Contribution.objects.create(party=draft.parties.get(), **fields)


# Who may register partnerships --------------------------------------------------------------


def _create(actor, lead_body):
    return services.partnership_create(actor=actor, lead_body=lead_body, title="Gare du Nord",
                                       territory="Saint-Denis")


def test_a_coordinator_registers_partnerships_led_by_their_own_body(coordinator, body):
    partnership = _create(coordinator, body)

    assert (partnership.status, partnership.created_by) == (Status.DRAFT, coordinator)
    assert partnership.history.get().history_user == coordinator


def test_a_coordinator_cannot_register_partnerships_for_another_body(coordinator, other_body):
    with pytest.raises(PermissionDenied):
        _create(coordinator, other_body)

    assert not Partnership.objects.exists()


@pytest.mark.parametrize("who", ["firm", "analyst"])
def test_only_coordinators_register_partnerships(users, body, who):
    with pytest.raises(PermissionDenied):
        _create(users[who], body)


def test_a_private_firm_cannot_lead_a_partnership(admin_user, firm):
    with pytest.raises(ValidationError) as error:
        _create(admin_user, firm)

    assert error.value.message_dict == {"lead_body": ["The lead body must be a public body."]}


def test_another_body_cannot_change_or_move_our_partnership(other_coordinator, draft):
    with pytest.raises(PermissionDenied):
        services.partnership_update(actor=other_coordinator, partnership=draft, title="Ours")
    with pytest.raises(PermissionDenied):
        services.partnership_transition(actor=other_coordinator, partnership=draft,
                                        status=Status.NEGOTIATION)
    with pytest.raises(PermissionDenied):
        services.rule_add(actor=other_coordinator, partnership=draft,
                          category=RuleCategory.FUNDING, title="Budget", text="Ours.")


def test_no_path_links_another_body_s_goal_to_a_partnership(coordinator, body, other_body, draft):
    foreign = f.GoalFactory(strategy=f.StrategyFactory(owner=other_body))

    with pytest.raises(ValidationError) as on_update:
        services.partnership_update(actor=coordinator, partnership=draft, goals=[foreign])
    with pytest.raises(ValidationError) as on_create:
        services.partnership_create(actor=coordinator, title="Gare", lead_body=body,
                                    territory="Saint-Denis", goals=[foreign])

    assert "goals" in on_update.value.message_dict and "goals" in on_create.value.message_dict
    assert not draft.goals.filter(pk=foreign.pk).exists()
