"""The cooperation finder on a designed registry: who ranks first, and why."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.choices import Sector
from goals.choices import Area
from partnerships.choices import ROLE_SECTORS, ContributionKind, Role
from projects import finder, services
from projects.choices import ProjectState, SuggestionKind, Visibility
from projects.models import ContributionOffer, Need
from tests import factories as f

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db

RESERVED = {role for role, sectors in ROLE_SECTORS.items() if Sector.PRIVATE not in sectors}


@pytest.fixture
def goal(body):
    goal = f.GoalFactory(strategy=f.StrategyFactory(owner=body), title="Calmer station nights",
                         area=Area.INTERVENTION_PROJECTS, territory="Saint-Denis")
    Need.objects.create(goal=goal, kind=ContributionKind.HUMAN_RESOURCES, territory="Saint-Denis")
    return goal


def offer(organisation, kind, area, territory):
    return ContributionOffer.objects.create(organisation=organisation, kind=kind, area=area,
                                            territory=territory, person_days=20, amount=1000,
                                            currency="EUR")


@pytest.fixture
def offers():
    everything = f.OrganisationFactory(name="Médiation Plaine")
    area_only = f.OrganisationFactory(name="Fonds Nord")
    nothing = f.OrganisationFactory(name="Gent Data")
    intermediary = f.IntermediaryFactory(name="CCI Seine-Saint-Denis")
    offer(everything, ContributionKind.HUMAN_RESOURCES, Area.INTERVENTION_PROJECTS, "saint-denis")
    offer(area_only, ContributionKind.FINANCIAL, Area.INTERVENTION_PROJECTS, "Lyon")
    offer(nothing, ContributionKind.DATA, Area.OTHER, "Gent")
    offer(intermediary, ContributionKind.EXPERTISE, Area.INTERVENTION_PROJECTS, "Saint-Denis")
    return {"everything": everything, "area_only": area_only, "nothing": nothing,
            "intermediary": intermediary}


def test_an_offer_matching_area_territory_and_kind_ranks_above_area_alone(goal, offers, coordinator):
    suggestions = finder.organisations_for_goal(goal=goal, user=coordinator)

    names = [s.object.name for s in suggestions]
    assert names == ["Médiation Plaine", "CCI Seine-Saint-Denis", "Fonds Nord"]
    assert suggestions[0].reasons == ["area", "kind", "territory"]
    assert suggestions[2].reasons == ["area"]
    assert "same territory" in suggestions[0].reason_labels
    assert suggestions[0].score > suggestions[1].score > suggestions[2].score


def test_suggested_roles_follow_the_manifesto(goal, offers, coordinator):
    roles = {s.object.name: s.role for s in finder.organisations_for_goal(goal=goal, user=coordinator)}

    assert roles == {"Médiation Plaine": Role.OPERATIONAL_PARTNER,
                     "CCI Seine-Saint-Denis": Role.FACILITATOR, "Fonds Nord": Role.CO_FUNDER}
    firms_roles = {roles["Médiation Plaine"], roles["Fonds Nord"]}
    assert not firms_roles & RESERVED


@pytest.mark.parametrize("kind", ContributionKind.values)
def test_a_firm_is_never_offered_a_role_reserved_to_public_bodies(kind):
    firm = f.OrganisationFactory()

    assert finder.suggested_role(firm, kind) not in RESERVED | {""}


def test_a_dismissed_organisation_stays_out(goal, offers, coordinator):
    services.suggestion_dismiss(actor=coordinator, goal=goal, kind=SuggestionKind.ORGANISATION,
                                target_id=offers["everything"].pk)
    services.suggestion_dismiss(actor=coordinator, goal=goal, kind=SuggestionKind.ORGANISATION,
                                target_id=offers["everything"].pk)

    names = [s.object.name for s in finder.organisations_for_goal(goal=goal, user=coordinator)]
    assert "Médiation Plaine" not in names and len(names) == 2


def test_only_the_goal_s_body_dismisses(goal, offers, other_coordinator, firm_user):
    from django.core.exceptions import PermissionDenied

    for actor in (other_coordinator, firm_user):
        with pytest.raises(PermissionDenied):
            services.suggestion_dismiss(actor=actor, goal=goal, kind=SuggestionKind.ORGANISATION,
                                        target_id=offers["everything"].pk)


def test_projects_of_others_in_the_same_area_and_territory_come_first(goal, body, firm, users):
    other_city = f.PublicBodyFactory(name="Ville de Lyon")
    near = ProjectFactory(organisation=firm, title="Station mediators", territory="Saint-Denis",
                          area=Area.INTERVENTION_PROJECTS, state=ProjectState.COMPLETED,
                          lessons_learned="Pair mediators with night-bus drivers.")
    far = ProjectFactory(organisation=other_city, title="Lyon patrols", territory="Lyon",
                         area=Area.INTERVENTION_PROJECTS)
    ProjectFactory(organisation=body, title="Our own", territory="Saint-Denis")
    ProjectFactory(organisation=firm, title="Unrelated", territory="Gent", area=Area.OTHER)
    hidden = ProjectFactory(organisation=firm, title="Network only", territory="Saint-Denis",
                            visibility=Visibility.NETWORK)

    as_coordinator = finder.projects_for_goal(goal=goal, user=users["coordinator"])
    as_public = finder.projects_for_goal(goal=goal, user=users["anonymous"] or _anonymous())

    titles = [s.object.title for s in as_coordinator]
    assert titles.index(near.title) < titles.index(far.title)
    assert "Our own" not in titles and "Unrelated" not in titles
    assert hidden.title in titles
    assert hidden.title not in [s.object.title for s in as_public]
    assert set(as_coordinator[0].reasons) >= {"area", "territory", "lessons"}


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_a_firm_finds_the_needs_its_offers_answer(goal, firm, firm_user):
    offer(firm, ContributionKind.HUMAN_RESOURCES, Area.INTERVENTION_PROJECTS, "Saint-Denis")
    other_goal = f.GoalFactory(strategy=goal.strategy, area=Area.OTHER, territory="Gent")
    Need.objects.create(goal=other_goal, kind=ContributionKind.FINANCIAL, territory="Gent")

    found = finder.opportunities_for_organisation(organisation=firm, user=firm_user)

    assert [s.object.goal for s in found["needs"]] == [goal]
    assert found["needs"][0].reasons == ["kind", "area", "territory"]
    assert found["needs"][0].role == Role.OPERATIONAL_PARTNER


def test_suggestions_cost_the_same_whatever_their_number(goal, coordinator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            finder.organisations_for_goal(goal=goal, user=coordinator)
            finder.projects_for_goal(goal=goal, user=coordinator)
            finder.calls_for_goal(goal=goal, user=coordinator)
        return len(captured)

    for _ in range(3):
        offer(f.OrganisationFactory(), ContributionKind.HUMAN_RESOURCES, Area.OTHER, "Saint-Denis")
        ProjectFactory(territory="Saint-Denis")
    three = queries()
    for _ in range(27):
        offer(f.OrganisationFactory(), ContributionKind.HUMAN_RESOURCES, Area.OTHER, "Saint-Denis")
        ProjectFactory(territory="Saint-Denis")

    assert queries() == three
