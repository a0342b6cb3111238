"""The public register: no sign-in, partnerships in force only, no personal data."""

import pytest
from django.urls import reverse

from partnerships.choices import Status
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_register_lists_active_partnerships_only(client, active, draft):
    response = client.get(reverse("partnerships:public_partnership_list"))

    assert response.status_code == 200
    assert [p.title for p in response.context["object_list"]] == [active.title]


def test_the_register_is_searchable(client, active, body):
    other = f.PartnershipFactory(lead_body=body, title="Marché de nuit apaisé", summary="Night market")
    other.status = Status.ACTIVE
    other.save()

    response = client.get(reverse("partnerships:public_partnership_list"), {"q": "marché"})

    assert [p.title for p in response.context["object_list"]] == ["Marché de nuit apaisé"]


def test_the_public_filters_leave_out_internal_ones(client, active):
    form = client.get(reverse("partnerships:public_partnership_list")).context["filter_form"]

    assert "q" in form.fields
    assert "community_group" in form.fields
    assert [code for code, _label in form.fields["status"].choices] == [
        "active", "suspended", "concluded", "terminated"
    ]
    assert "next_review_on" not in form.fields


def test_a_public_page_shows_parties_roles_rules_goals_and_groups_without_personal_data(
    client, active, firm
):
    goal = f.GoalFactory(title="Safer nights")
    active.goals.add(goal)
    party = active.parties.select_related("organisation").first()

    response = client.get(reverse("partnerships:public_partnership_detail", args=[active.pk]))

    page = response.text
    assert response.status_code == 200
    assert party.organisation.name in page
    assert party.get_role_display() in page
    assert party.responsibilities in page
    assert "Governance and decision-making" in page
    assert "Safer nights" in page
    assert active.community_groups.get().name in page
    for organisation in [active.lead_body, *(p.organisation for p in active.parties.all())]:
        assert organisation.contact_email not in page
        assert organisation.contact_phone not in page
        assert organisation.contact_name not in page
    assert active.internal_notes not in page


def test_a_draft_has_no_public_page(client, draft):
    response = client.get(reverse("partnerships:public_partnership_detail", args=[draft.pk]))

    assert response.status_code == 404


def test_the_public_register_lists_every_published_status_and_filters_by_it(client, active, draft):
    concluded = f.PartnershipFactory(lead_body=active.lead_body, title="Fini", status=Status.CONCLUDED)
    url = reverse("partnerships:public_partnership_list")

    everything = [p.title for p in client.get(url).context["object_list"]]
    only_concluded = [p.title for p in client.get(url, {"status": "concluded"}).context["object_list"]]

    assert set(everything) == {active.title, concluded.title}
    assert only_concluded == [concluded.title]
    assert draft.title not in [p.title for p in client.get(url, {"status": "draft"}).context["object_list"]]
