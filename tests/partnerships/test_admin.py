"""The partnership admin works under the manifesto's rules: every write goes through the
services, and refusals name what is missing."""

import pytest
from django.core.exceptions import ValidationError

from actors.choices import VerificationStatus
from partnerships.admin import RuleInline
from partnerships.choices import ContributionKind, Role, RuleCategory, Status
from partnerships.models import Contribution, Partnership, Party, Rule
from tests import factories as f
from tests.admin_forms import (
    add_form,
    add_row,
    admin_as,
    admin_url,
    change_lists_cost_the_same_for_3_and_30_rows,
    errors_of,
    form_data,
    messages_of,
    run_action,
)
from tests.conftest import make_activatable

pytestmark = pytest.mark.django_db


def _with_status(partnership, status):
    Partnership.objects.filter(pk=partnership.pk).update(status=status)
    partnership.refresh_from_db()
    return partnership


def _change_page(client, obj):
    response = client.get(admin_url(type(obj), "change", obj.pk))
    assert response.status_code == 200
    return response


# Change lists ------------------------------------------------------------------------------


test_change_lists_cost_the_same_for_3_and_30_rows = change_lists_cost_the_same_for_3_and_30_rows(
    (Partnership, f.PartnershipFactory),
    (Party, f.PartyFactory),
    (Contribution, f.ContributionFactory),
    (Rule, f.RuleFactory),
)


def test_partnerships_can_be_searched_and_filtered_by_status(admin_client, draft, active):
    url = admin_url(Partnership, "changelist")
    found = admin_client.get(url, {"q": "tranquilles"}).context["cl"].result_list
    assert list(found) == [active]
    drafts = admin_client.get(url, {"status__exact": Status.DRAFT}).context["cl"].result_list
    assert list(drafts) == [draft]


# Creating and editing ----------------------------------------------------------------------


def test_a_partnership_added_in_the_admin_is_a_draft_created_by_the_administrator(
    admin_client, admin_user, body
):
    data = add_form(admin_client, Partnership, title="Marché de nuit", territory="Saint-Denis",
                     lead_body=body.pk)
    add_row(data, "rules", category=RuleCategory.GOVERNANCE, title="Steering",
            text="A steering committee meets monthly.")

    response = admin_client.post(admin_url(Partnership, "add"), data)

    assert response.status_code == 302, errors_of(response)
    partnership = Partnership.objects.get(title="Marché de nuit")
    assert partnership.status == Status.DRAFT
    assert partnership.created_by == admin_user
    assert partnership.history.get().history_user == admin_user
    assert partnership.rules.get().history.get().history_user == admin_user


def test_a_private_firm_cannot_lead_a_partnership(admin_client, firm):
    data = add_form(admin_client, Partnership, title="Marché", territory="Saint-Denis", lead_body=firm.pk)

    response = admin_client.post(admin_url(Partnership, "add"), data)

    assert response.status_code == 200
    assert "The lead body must be a public body." in errors_of(response)
    assert not Partnership.objects.exists()


def test_a_coordinator_in_the_admin_registers_partnerships_for_their_own_body_only(
    client, coordinator, body, other_body
):
    admin_as(client, coordinator, "view_partnership", "add_partnership", "change_partnership")

    refused = client.post(admin_url(Partnership, "add"),
                          add_form(client, Partnership, title="Theirs", territory="Gent",
                                    lead_body=other_body.pk))
    accepted = client.post(admin_url(Partnership, "add"),
                           add_form(client, Partnership, title="Ours", territory="Saint-Denis",
                                     lead_body=body.pk))

    assert refused.status_code == 403
    assert accepted.status_code == 302, errors_of(accepted)
    assert list(Partnership.objects.values_list("title", flat=True)) == ["Ours"]


def test_status_is_not_editable_in_the_change_form(admin_client, draft):
    data = form_data(_change_page(admin_client, draft))
    assert "status" not in data
    data.update(status=Status.ACTIVE, title="Gare sûre et vivante")

    response = admin_client.post(admin_url(Partnership, "change", draft.pk), data)

    assert response.status_code == 302, errors_of(response)
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Gare sûre et vivante", Status.DRAFT)


def test_the_change_page_lists_what_activation_still_needs(admin_client, draft):
    response = _change_page(admin_client, draft)

    assert "Add at least one public body as a party." in response.text
    assert "Name the community groups this partnership serves." in response.text


def test_concluded_partnerships_are_read_only(admin_client, active):
    _with_status(active, Status.CONCLUDED)
    response = _change_page(admin_client, active)
    data = form_data(response)
    data["title"] = "Rewritten"

    assert response.context["has_change_permission"] is False
    assert admin_client.post(admin_url(Partnership, "change", active.pk), data).status_code == 403
    active.refresh_from_db()
    assert active.title == "Nuits tranquilles"


def test_a_refusal_only_a_service_sees_rolls_the_whole_page_back(admin_client, draft,
                                                                 monkeypatch):
    def refuse(**kwargs):
        raise ValidationError("This partnership was changed meanwhile: reload it.")

    monkeypatch.setattr(RuleInline, "create_service", staticmethod(refuse))
    data = form_data(_change_page(admin_client, draft))
    data["title"] = "Gare sûre et vivante"
    add_row(data, "rules", category=RuleCategory.FUNDING, title="Budget", text="Half each.")
    url = admin_url(Partnership, "change", draft.pk)

    response = admin_client.post(url, data)

    assert (response.status_code, response.url) == (302, url)
    assert messages_of(response) == ["This partnership was changed meanwhile: reload it."]
    draft.refresh_from_db()
    assert draft.title == "Gare sûre"


def test_the_parties_of_a_concluded_partnership_are_read_only(admin_client, active):
    _with_status(active, Status.CONCLUDED)
    party = active.parties.first()
    data = form_data(_change_page(admin_client, party))
    data["responsibilities"] = "Rewritten afterwards."

    response = admin_client.post(admin_url(Party, "change", party.pk), data)

    assert response.status_code == 403
    party.refresh_from_db()
    assert party.responsibilities != "Rewritten afterwards."


def test_only_drafts_can_be_deleted(admin_client, draft, active):
    assert admin_client.post(admin_url(Partnership, "delete", active.pk), {"post": "yes"}).status_code == 403

    response = admin_client.post(admin_url(Partnership, "delete", draft.pk), {"post": "yes"})

    assert response.status_code == 302
    assert list(Partnership.objects.all()) == [active]


# Lifecycle actions -------------------------------------------------------------------------

ALLOWED = [
    ("submit_for_negotiation", Status.DRAFT, Status.NEGOTIATION),
    ("back_to_draft", Status.NEGOTIATION, Status.DRAFT),
    ("activate", Status.NEGOTIATION, Status.ACTIVE),
    ("suspend", Status.ACTIVE, Status.SUSPENDED),
    ("resume", Status.SUSPENDED, Status.ACTIVE),
    ("conclude", Status.ACTIVE, Status.CONCLUDED),
    ("conclude", Status.SUSPENDED, Status.CONCLUDED),
    ("terminate", Status.DRAFT, Status.TERMINATED),
    ("terminate", Status.NEGOTIATION, Status.TERMINATED),
    ("terminate", Status.ACTIVE, Status.TERMINATED),
    ("terminate", Status.SUSPENDED, Status.TERMINATED),
]


@pytest.mark.parametrize(("action", "current", "target"), ALLOWED)
def test_every_allowed_transition_is_an_admin_action(
    admin_client, admin_user, body, action, current, target
):
    partnership = _with_status(make_activatable(f.PartnershipFactory(lead_body=body)), current)

    response = run_action(admin_client, Partnership, action, partnership, reason="End of term.")

    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == target
    assert messages_of(response) == [f"1 partnership is now {Status(target).label.lower()}."]
    latest = partnership.history.first()
    assert (latest.status, latest.history_user) == (target, admin_user)


@pytest.mark.parametrize(
    ("action", "current", "message"),
    [
        ("activate", Status.DRAFT, "A partnership cannot go from “Draft” to “Active”."),
        ("activate", Status.CONCLUDED, "A partnership cannot go from “Concluded” to “Active”."),
        ("back_to_draft", Status.ACTIVE, "A partnership cannot go from “Active” to “Draft”."),
        ("suspend", Status.NEGOTIATION,
         "A partnership cannot go from “In negotiation” to “Suspended”."),
        ("terminate", Status.CONCLUDED,
         "A partnership cannot go from “Concluded” to “Terminated”."),
        ("resume", Status.NEGOTIATION, "only a suspended partnership can be resumed."),
    ],
)
def test_transitions_outside_the_lifecycle_are_refused(
    admin_client, body, action, current, message
):
    partnership = make_activatable(f.PartnershipFactory(title="Quartier gare", lead_body=body))
    _with_status(partnership, current)

    response = run_action(admin_client, Partnership, action, partnership, reason="Decided.")

    assert messages_of(response) == [f"Quartier gare: {message}"]
    partnership.refresh_from_db()
    assert partnership.status == current


def test_activation_refusal_names_everything_missing(admin_client, body):
    partnership = _with_status(f.PartnershipFactory(title="Quartier gare", lead_body=body),
                               Status.NEGOTIATION)
    f.PartyFactory(partnership=partnership, organisation=body, role=Role.LEAD_AUTHORITY)
    f.RuleFactory(partnership=partnership, category=RuleCategory.GOVERNANCE)

    response = run_action(admin_client, Partnership, "activate", partnership)

    [message] = messages_of(response)
    assert message == (
        "Quartier gare: This partnership cannot become active yet. "
        "Add at least one private-sector party. "
        "Add the missing rules: Data sharing and confidentiality, Conflict of interest, "
        "Termination and exit. "
        "Name the community groups this partnership serves. "
        "Link the partnership to at least one goal of a local safety strategy."
    )
    partnership.refresh_from_db()
    assert partnership.status == Status.NEGOTIATION


def test_activation_refuses_a_partnership_serving_only_the_partners_customers(
    admin_client, body
):
    partnership = make_activatable(f.PartnershipFactory(lead_body=body))
    partnership.community_groups.set(
        [f.CommunityGroupFactory(code="customers", partners_customers=True)]
    )
    _with_status(partnership, Status.NEGOTIATION)

    [message] = messages_of(run_action(admin_client, Partnership, "activate", partnership))

    assert "serves only the private partners' own customers" in message
    partnership.refresh_from_db()
    assert partnership.status == Status.NEGOTIATION


def test_actions_report_each_partnership_on_its_own(admin_client, body):
    ready = _with_status(make_activatable(f.PartnershipFactory(lead_body=body)),
                         Status.NEGOTIATION)
    early = f.PartnershipFactory(title="Too early", lead_body=body)

    response = run_action(admin_client, Partnership, "activate", ready, early)

    assert messages_of(response) == [
        "Too early: A partnership cannot go from “Draft” to “Active”.",
        "1 partnership is now active.",
    ]


def test_a_transition_can_be_run_from_the_change_page(admin_client, active):
    response = admin_client.post(
        admin_url(Partnership, "change", active.pk),
        {"CHANGE_FORM-action": "suspend", "_selected_action": [str(active.pk)]},
    )
    assert 'name="CHANGE_FORM-action" value="suspend"' in response.text
    response = admin_client.post(
        admin_url(Partnership, "change", active.pk),
        {"CHANGE_FORM-action": "suspend", "_selected_action": [str(active.pk)],
         "reason": "Audit.", "post": "yes"},
    )

    assert response.status_code == 302
    active.refresh_from_db()
    assert active.status == Status.SUSPENDED


# Parties -----------------------------------------------------------------------------------


def _post_party(client, partnership, organisation, role):
    data = form_data(_change_page(client, partnership))
    add_row(data, "parties", organisation=organisation.pk, role=role,
            responsibilities="Chairs the steering committee.")
    return client.post(admin_url(Partnership, "change", partnership.pk), data)


@pytest.mark.parametrize("role", [Role.LEAD_AUTHORITY, Role.REGULATORY_AUTHORITY])
def test_roles_reserved_to_public_bodies_refuse_a_private_firm(
    admin_client, draft, other_firm, role
):
    response = _post_party(admin_client, draft, other_firm, role)

    assert response.status_code == 200
    assert (
        f"The role “{Role(role).label}” is reserved to public bodies; "
        "Commerce Nord SAS is not one." in errors_of(response)
    )
    assert not draft.parties.filter(organisation=other_firm).exists()


@pytest.mark.parametrize("role", [Role.LEAD_AUTHORITY, Role.REGULATORY_AUTHORITY])
def test_roles_reserved_to_public_bodies_accept_a_public_body(
    admin_client, admin_user, draft, other_body, role
):
    response = _post_party(admin_client, draft, other_body, role)

    assert response.status_code == 302, errors_of(response)
    party = draft.parties.get(organisation=other_body)
    assert party.role == role
    assert party.history.get().history_user == admin_user


def test_a_private_firm_cannot_be_facilitator(admin_client, draft, other_firm):
    response = _post_party(admin_client, draft, other_firm, Role.FACILITATOR)

    assert (
        "The role “Facilitator” is open to public bodies and intermediaries only; "
        "Commerce Nord SAS is a private firm." in errors_of(response)
    )


@pytest.mark.parametrize("factory", [f.IntermediaryFactory, f.PublicBodyFactory])
def test_intermediaries_and_public_bodies_can_be_facilitators(admin_client, draft, factory):
    organisation = factory()

    response = _post_party(admin_client, draft, organisation, Role.FACILITATOR)

    assert response.status_code == 302, errors_of(response)
    assert draft.parties.filter(organisation=organisation, role=Role.FACILITATOR).exists()


@pytest.mark.parametrize("status", [VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED])
def test_only_verified_organisations_become_parties(admin_client, draft, status):
    organisation = f.OrganisationFactory(name="Nouvelle Boutique", verification_status=status)

    response = _post_party(admin_client, draft, organisation, Role.CO_FUNDER)

    assert (
        "Nouvelle Boutique is not a verified organisation: a coordinator must verify it "
        "before it can become a party." in errors_of(response)
    )
    assert not draft.parties.filter(organisation=organisation).exists()


# A live partnership keeps what its activation required --------------------------------------


def _rule_index(response, category):
    formset = next(i.formset for i in response.context["inline_admin_formsets"]
                   if i.formset.prefix == "rules")
    return next(i for i, form in enumerate(formset.forms)
                if form.instance.category == category)


def test_removing_the_last_governance_rule_of_an_active_partnership_is_refused(
    admin_client, active
):
    response = _change_page(admin_client, active)
    data = form_data(response)
    data[f"rules-{_rule_index(response, RuleCategory.GOVERNANCE)}-DELETE"] = "on"

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert response.status_code == 200
    assert errors_of(response) == [
        "This change would leave the active partnership without what it needs.",
        "Add the missing rules: Governance and decision-making.",
    ]
    assert active.rules.filter(category=RuleCategory.GOVERNANCE).exists()


def test_a_governance_rule_can_be_replaced_in_one_save(admin_client, admin_user, active):
    response = _change_page(admin_client, active)
    data = form_data(response)
    data[f"rules-{_rule_index(response, RuleCategory.GOVERNANCE)}-DELETE"] = "on"
    add_row(data, "rules", category=RuleCategory.GOVERNANCE, title="Board",
            text="A board of five members decides by majority.")

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert response.status_code == 302, errors_of(response)
    assert list(active.rules.filter(category=RuleCategory.GOVERNANCE).values_list(
        "title", flat=True)) == ["Board"]
    removed = Rule.history.filter(history_type="-").get()
    assert removed.history_user == admin_user


def test_changing_a_required_rule_into_another_category_is_refused(admin_client, active):
    response = _change_page(admin_client, active)
    data = form_data(response)
    data[f"rules-{_rule_index(response, RuleCategory.EXIT)}-category"] = RuleCategory.FUNDING

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert "Add the missing rules: Termination and exit." in errors_of(response)


def test_removing_the_only_private_party_of_an_active_partnership_is_refused(
    admin_client, active
):
    response = _change_page(admin_client, active)
    formset = response.context["inline_admin_formsets"][0].formset
    private = next(i for i, form in enumerate(formset.forms)
                   if form.instance.organisation.sector == "private")
    data = form_data(response)
    data[f"parties-{private}-DELETE"] = "on"

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert "Add at least one private-sector party." in errors_of(response)
    assert active.parties.count() == 2


def test_a_party_can_join_an_active_partnership(admin_client, active, other_firm):
    response = _post_party(admin_client, active, other_firm, Role.CO_FUNDER)

    assert response.status_code == 302, errors_of(response)
    assert active.parties.count() == 3


def test_an_active_partnership_keeps_a_group_of_the_wider_community(admin_client, active):
    customers = f.CommunityGroupFactory(code="customers", partners_customers=True)
    data = form_data(_change_page(admin_client, active))
    data["community_groups"] = [str(customers.pk)]

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert response.status_code == 200
    assert any("serves only the private partners' own customers" in e
               for e in errors_of(response))
    assert list(active.community_groups.values_list("code", flat=True)) == ["residents"]


def test_an_active_partnership_may_add_community_groups(admin_client, active):
    young = f.CommunityGroupFactory(code="young-people")
    data = form_data(_change_page(admin_client, active))
    data["community_groups"] = [*data["community_groups"], str(young.pk)]

    response = admin_client.post(admin_url(Partnership, "change", active.pk), data)

    assert response.status_code == 302, errors_of(response)
    assert set(active.community_groups.values_list("code", flat=True)) == {
        "residents", "young-people"}


def test_deleting_the_last_governance_rule_from_the_rule_page_is_refused(admin_client, active):
    rule = active.rules.get(category=RuleCategory.GOVERNANCE)

    response = admin_client.post(admin_url(Rule, "delete", rule.pk), {"post": "yes"})

    assert response.status_code == 302
    assert response.url == admin_url(Rule, "change", rule.pk)
    assert messages_of(response) == [
        "This change would leave the active partnership without what it needs. "
        "Add the missing rules: Governance and decision-making."
    ]
    assert Rule.objects.filter(pk=rule.pk).exists()


def test_a_rule_that_no_activation_needs_can_be_deleted(admin_client, active):
    rule = f.RuleFactory(partnership=active, category=RuleCategory.FUNDING)

    response = admin_client.post(admin_url(Rule, "delete", rule.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Rule.objects.filter(pk=rule.pk).exists()


def test_the_rule_page_refuses_recategorising_the_last_exit_rule(admin_client, active):
    rule = active.rules.get(category=RuleCategory.EXIT)
    data = form_data(_change_page(admin_client, rule))
    data["category"] = RuleCategory.TRANSPARENCY

    response = admin_client.post(admin_url(Rule, "change", rule.pk), data)

    assert "Add the missing rules: Termination and exit." in errors_of(response)


def test_the_party_page_refuses_replacing_the_only_private_partner_by_a_public_body(
    admin_client, active, other_body
):
    party = active.parties.get(organisation__sector="private")
    data = form_data(_change_page(admin_client, party))
    data["organisation"] = str(other_body.pk)

    response = admin_client.post(admin_url(Party, "change", party.pk), data)

    assert "Add at least one private-sector party." in errors_of(response)
    party.refresh_from_db()
    assert party.organisation.sector == "private"


# Contributions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": ContributionKind.FINANCIAL, "amount": "5000"},
         "A financial contribution needs a positive amount and a currency."),
        ({"kind": ContributionKind.FINANCIAL, "currency": "EUR"},
         "A financial contribution needs a positive amount and a currency."),
        ({"kind": ContributionKind.HUMAN_RESOURCES, "description": "Mediators"},
         "A human-resources contribution needs a positive number of person-days."),
    ],
)
def test_contributions_need_their_measure(admin_client, draft, fields, message):
    party = draft.parties.get()
    data = form_data(_change_page(admin_client, party))
    add_row(data, "contributions", **fields)

    response = admin_client.post(admin_url(Party, "change", party.pk), data)

    assert message in errors_of(response)
    assert not party.contributions.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": ContributionKind.FINANCIAL, "amount": "5000", "currency": "eur"},
        {"kind": ContributionKind.HUMAN_RESOURCES, "person_days": "40"},
        {"kind": ContributionKind.EXPERTISE, "description": "Crime-prevention audits"},
    ],
)
def test_contributions_with_their_measure_are_recorded(admin_client, admin_user, draft, fields):
    party = draft.parties.get()
    data = form_data(_change_page(admin_client, party))
    add_row(data, "contributions", **fields)

    response = admin_client.post(admin_url(Party, "change", party.pk), data)

    assert response.status_code == 302, errors_of(response)
    contribution = party.contributions.get()
    assert contribution.kind == fields["kind"]
    assert contribution.history.get().history_user == admin_user



@pytest.mark.parametrize("action", ["suspend", "conclude", "terminate"])
def test_grave_admin_actions_ask_for_a_reason_first(admin_client, active, action):
    asked = run_action(admin_client, Partnership, action, active)

    active.refresh_from_db()
    assert asked.status_code == 200 and 'name="reason"' in asked.text
    assert active.status == Status.ACTIVE
    run_action(admin_client, Partnership, action, active, reason="Audit.", post="yes")
    active.refresh_from_db()
    assert active.status != Status.ACTIVE and active.status_reason == "Audit."
