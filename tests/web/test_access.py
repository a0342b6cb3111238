"""Who reaches which page: every page against every kind of user, refusals included.

Expected answers: 200 shown, 302 sent to sign in, 403 seen but not allowed, 404 not visible.
"""

import pytest
from django.urls import reverse

from tests.access import (
    COORDINATORS,
    EVERYONE,
    KINDS,
    OWN_BODY,
    SIGNED_IN,
    STAFF_READERS,
    expect,
)

# (url name, the fixture whose pk is the argument, expected answers)
PAGES = [
    ("home:home", None, EVERYONE),
    ("login", None, EVERYONE),
    ("password_reset", None, EVERYONE),
    ("password_change", None, SIGNED_IN),
    ("partnerships:public_partnership_list", None, EVERYONE),
    ("partnerships:public_partnership_detail", "active", EVERYONE),
    ("partnerships:public_partnership_detail", "draft", expect(404, 404, 404, 404, 404, 404, 404)),
    ("partnerships:public_partnership_detail", "concluded", EVERYONE),
    ("partnerships:public_partnership_detail", "negotiation", expect(404, 404, 404, 404, 404, 404, 404)),
    ("partnerships:partnership_list", None, SIGNED_IN),
    ("partnerships:partnership_create", None, COORDINATORS),
    ("partnerships:partnership_detail", "active", SIGNED_IN),
    ("partnerships:partnership_detail", "draft", expect(302, 200, 404, 404, 200, 404, 200)),
    ("partnerships:partnership_edit", "active", OWN_BODY),
    ("partnerships:partnership_edit", "draft", expect(302, 403, 404, 404, 200, 404, 200)),
    ("partnerships:partnership_delete", "draft", expect(302, 403, 404, 404, 200, 404, 200)),
    ("partnerships:partnership_history", "active", STAFF_READERS),
    ("partnerships:partnership_history", "draft", expect(302, 403, 404, 404, 200, 404, 200)),
    ("actors:organisation_list", None, EVERYONE),
    ("actors:organisation_picker", None, SIGNED_IN),
    ("actors:organisation_create", None, COORDINATORS),
    ("actors:organisation_detail", "firm", EVERYONE),
    ("actors:organisation_detail", "unverified_firm", expect(404, 404, 404, 200, 200, 200, 200)),
    ("actors:organisation_edit", "firm", expect(302, 200, 403, 403, 403, 403, 200)),
    ("actors:organisation_edit", "body", OWN_BODY),
    ("actors:organisation_history", "firm", STAFF_READERS),
    ("goals:strategy_list", None, EVERYONE),
    ("goals:strategy_create", None, COORDINATORS),
    ("goals:strategy_detail", "strategy", EVERYONE),
    ("goals:strategy_edit", "strategy", OWN_BODY),
    ("goals:strategy_history", "strategy", STAFF_READERS),
    ("goals:goal_create", "strategy", OWN_BODY),
    ("goals:goal_list", None, EVERYONE),
    ("goals:goal_detail", "goal", EVERYONE),
    ("goals:goal_edit", "goal", OWN_BODY),
    ("goals:goal_history", "goal", STAFF_READERS),
    ("goals:indicator_create", "goal", OWN_BODY),
    ("goals:indicator_edit", "indicator", OWN_BODY),
    ("goals:measurement_create", "indicator", OWN_BODY),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("name", "target", "expected"), PAGES, ids=[
    f"{name}-{target}" if target else name for name, target, _ in PAGES
])
def test_page_answers_each_kind_of_user(request, client_for, kind, name, target, expected):
    args = [request.getfixturevalue(target).pk] if target else []
    url = reverse(name, args=args)

    response = client_for(kind).get(url)

    assert response.status_code == expected[kind], f"{kind} GET {url}"
    if expected[kind] == 302:
        assert response["Location"].startswith(reverse("login"))
