"""One access answer: ``may`` and ``may_create`` for each kind of user on every registry model,
and the pages and the API answering as they say.

A page or an endpoint lets the user through when ``may`` says so; otherwise it answers 404 when
the user may not see the object and 403 when they see it but may not act. Letting through means
the access check passed: an empty write may still be refused by the service or the input (400).
"""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from actors.models import Organisation
from calls.choices import EoiStatus
from calls.models import CallForPartners, ExpressionOfInterest, InternalComment
from core.access import Action, may, may_create, public_body_id
from goals.models import Goal, Indicator, Measurement, SafetyStrategy
from partnerships.models import Contribution, Partnership, Party, Rule
from tests.access import KINDS, expect
from tests.api.conftest import build_registry, client_for
from tests.calls import factories as cf

pytestmark = pytest.mark.django_db



Y, N = True, False
EVERYONE = expect(Y, Y, Y, Y, Y, Y, Y)
SIGNED_IN_STAFF = expect(N, N, N, Y, Y, Y, Y)
COORDINATORS = expect(N, N, N, Y, Y, N, Y)
OWN_BODY = expect(N, N, N, N, Y, N, Y)
FIRMS = expect(N, Y, Y, N, N, N, Y)
OUR_FIRM = expect(N, Y, N, N, N, N, Y)
DRAFT_READERS = expect(N, Y, N, N, Y, N, Y)
EOI_READERS = expect(N, Y, N, N, Y, Y, Y)
EOI_WRITERS = expect(N, Y, N, N, Y, N, Y)


@pytest.fixture
def objects(users, body, other_body, firm, other_firm, draft, active):
    registry = build_registry(body=body, other_body=other_body, firm=firm, other_firm=other_firm,
                              draft=draft, active=active)
    call = cf.CallFactory(lead_body=body)
    eoi = cf.EoiFactory(call=call, organisation=firm, submitted_by=users["firm"],
                        status=EoiStatus.SUBMITTED)
    return {
        **vars(registry),
        "call": call,
        "draft_call": cf.CallFactory(lead_body=body, status="draft"),
        "eoi": eoi,
        "draft_eoi": cf.EoiFactory(call=call, organisation=firm, submitted_by=users["firm"]),
        "comment": InternalComment.objects.create(expression_of_interest=eoi,
                                                  author=users["coordinator"], text="Promising."),
    }


# (object, action, who may, page whose GET answers it, API method and path [and the kinds of
# user a service then refuses for a rule of its own])
ON_OBJECTS = [
    ("firm", Action.VIEW, EVERYONE, "actors:organisation_detail",
     ("GET", "/api/v1/organisations/{pk}/")),
    ("unverified_firm", Action.VIEW, SIGNED_IN_STAFF, "actors:organisation_detail",
     ("GET", "/api/v1/organisations/{pk}/")),
    ("firm", Action.CHANGE, OUR_FIRM, "actors:organisation_edit",
     ("PATCH", "/api/v1/organisations/{pk}/")),
    ("body", Action.CHANGE, OWN_BODY, "actors:organisation_edit",
     ("PATCH", "/api/v1/organisations/{pk}/")),
    ("unverified_firm", Action.VERIFY, COORDINATORS, None,
     ("POST", "/api/v1/organisations/{pk}/verification/")),
    ("strategy", Action.VIEW, EVERYONE, "goals:strategy_detail",
     ("GET", "/api/v1/strategies/{pk}/")),
    ("strategy", Action.CHANGE, OWN_BODY, "goals:strategy_edit",
     ("PATCH", "/api/v1/strategies/{pk}/")),
    ("goal", Action.VIEW, EVERYONE, "goals:goal_detail", ("GET", "/api/v1/goals/{pk}/")),
    ("goal", Action.CHANGE, OWN_BODY, "goals:goal_edit", ("PATCH", "/api/v1/goals/{pk}/")),
    ("indicator", Action.VIEW, EVERYONE, None, ("GET", "/api/v1/indicators/{pk}/")),
    ("indicator", Action.CHANGE, OWN_BODY, "goals:indicator_edit",
     ("PATCH", "/api/v1/indicators/{pk}/")),
    ("measurement", Action.VIEW, EVERYONE, None, ("GET", "/api/v1/measurements/{pk}/")),
    # A recorded measurement is never edited, whoever asks; the rule is its indicator's.
    ("measurement", Action.CHANGE, OWN_BODY, None, None),
    ("active", Action.VIEW, EVERYONE, "partnerships:partnership_detail",
     ("GET", "/api/v1/partnerships/{pk}/")),
    ("active", Action.CHANGE, OWN_BODY, "partnerships:partnership_edit",
     ("PATCH", "/api/v1/partnerships/{pk}/")),
    ("draft", Action.VIEW, DRAFT_READERS, "partnerships:partnership_detail",
     ("GET", "/api/v1/partnerships/{pk}/")),
    ("draft", Action.CHANGE, OWN_BODY, "partnerships:partnership_edit",
     ("PATCH", "/api/v1/partnerships/{pk}/")),
    ("draft", Action.DELETE, OWN_BODY, "partnerships:partnership_delete",
     ("DELETE", "/api/v1/partnerships/{pk}/")),
    ("draft_party", Action.VIEW, DRAFT_READERS, None, ("GET", "/api/v1/parties/{pk}/")),
    ("draft_party", Action.CHANGE, OWN_BODY, None, ("PATCH", "/api/v1/parties/{pk}/")),
    ("draft_party", Action.DELETE, OWN_BODY, None, ("DELETE", "/api/v1/parties/{pk}/")),
    ("draft_rule", Action.VIEW, DRAFT_READERS, None, ("GET", "/api/v1/rules/{pk}/")),
    ("draft_rule", Action.CHANGE, OWN_BODY, None, ("PATCH", "/api/v1/rules/{pk}/")),
    ("draft_contribution", Action.VIEW, DRAFT_READERS, None,
     ("GET", "/api/v1/contributions/{pk}/")),
    ("draft_contribution", Action.CHANGE, OWN_BODY, None,
     ("PATCH", "/api/v1/contributions/{pk}/")),
    ("call", Action.VIEW, EVERYONE, "calls:call_detail", ("GET", "/api/v1/calls/{pk}/")),
    ("draft_call", Action.VIEW, OWN_BODY, "calls:call_detail", ("GET", "/api/v1/calls/{pk}/")),
    ("call", Action.CHANGE, OWN_BODY, "calls:call_edit", ("PATCH", "/api/v1/calls/{pk}/")),
    ("eoi", Action.VIEW, EOI_READERS, "calls:eoi_detail",
     ("GET", "/api/v1/expressions-of-interest/{pk}/")),
    # The receiving body's coordinators change where it stands in the review; what it says stays
    # the firm's, which the service keeps to the firm past the access check.
    ("eoi", Action.CHANGE, EOI_WRITERS, None,
     ("PATCH", "/api/v1/expressions-of-interest/{pk}/", {"coordinator"})),
    ("draft_eoi", Action.DELETE, OUR_FIRM, None,
     ("DELETE", "/api/v1/expressions-of-interest/{pk}/")),
    # Review notes are shown on the expression of interest to the receiving body only.
    ("comment", Action.VIEW, OWN_BODY, None, None),
]

# (model, who may try to create one, page that creates one, who else the page needs, API path)
CREATING = [
    (Organisation, COORDINATORS, "actors:organisation_create", None, "/api/v1/organisations/"),
    (SafetyStrategy, COORDINATORS, "goals:strategy_create", None, "/api/v1/strategies/"),
    (Goal, COORDINATORS, None, None, "/api/v1/goals/"),
    (Indicator, COORDINATORS, None, None, "/api/v1/indicators/"),
    (Measurement, COORDINATORS, None, None, "/api/v1/measurements/"),
    (Partnership, COORDINATORS, "partnerships:partnership_create", None, "/api/v1/partnerships/"),
    (Party, COORDINATORS, None, None, "/api/v1/parties/"),
    (Contribution, COORDINATORS, None, None, "/api/v1/contributions/"),
    (Rule, COORDINATORS, None, None, "/api/v1/rules/"),
    # The pages write for the user's own body or firm; administrators, who have none, use the API.
    (CallForPartners, COORDINATORS, "calls:call_create", lambda user: public_body_id(user) is not None,
     "/api/v1/calls/"),
    (ExpressionOfInterest, FIRMS, "calls:eoi_create", lambda user: user.is_firm_representative,
     "/api/v1/expressions-of-interest/"),
]


def person(users, kind):
    return users[kind] or AnonymousUser()


def browser(users, kind) -> Client:
    client = Client()
    if users[kind] is not None:
        client.force_login(users[kind])
    return client


def refusal(visible: bool) -> int:
    return 403 if visible else 404


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("target", "action", "who", "page", "api"), ON_OBJECTS,
                         ids=[f"{row[0]}-{row[1]}" for row in ON_OBJECTS])
def test_may_answers_as_the_page_and_the_api(objects, users, kind, target, action, who, page,
                                             api):
    obj = objects[target]
    user = person(users, kind)

    allowed = may(user, action, obj)

    assert allowed == who[kind]
    visible = may(user, Action.VIEW, obj)
    if page is not None:
        response = browser(users, kind).get(reverse(page, args=[obj.pk]))
        if kind == "anonymous" and response.status_code == 302:
            assert response["Location"].startswith(reverse("login"))
        else:
            assert response.status_code == (200 if allowed else refusal(visible)), page
    if api is not None:
        method, path, *rest = api
        service_refuses = rest[0] if rest else set()
        response = client_for(users[kind]).generic(
            method, path.format(pk=obj.pk), data=None if method in ("GET", "DELETE") else "{}",
            content_type="application/json",
        )
        if allowed and kind in service_refuses:
            assert response.status_code == 403, response.content
        elif allowed:
            assert response.status_code in (200, 201, 204, 400), response.content
        elif kind == "anonymous" and (method != "GET" or response.status_code == 401):
            assert response.status_code == 401
        else:
            assert response.status_code == refusal(visible), response.content


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("model", "who", "page", "page_also_needs", "api"), CREATING,
                         ids=[row[0].__name__ for row in CREATING])
def test_may_create_answers_as_the_page_and_the_api(users, kind, model, who, page,
                                                    page_also_needs, api):
    user = person(users, kind)

    allowed = may_create(user, model)

    assert allowed == who[kind]
    if page is not None:
        response = browser(users, kind).get(reverse(page))
        if kind == "anonymous":
            assert response.status_code == 302
        else:
            served = allowed and (page_also_needs is None or page_also_needs(user))
            assert response.status_code == (200 if served else 403), page
    response = client_for(users[kind]).post(api, data=json.dumps({}),
                                            content_type="application/json")
    if allowed:
        assert response.status_code == 400, response.content
    else:
        assert response.status_code == (401 if kind == "anonymous" else 403), response.content
