"""The kinds of user every access table speaks of, in the order of its columns."""

from django.urls import reverse

KINDS = ["anonymous", "firm", "other_firm", "other_coordinator", "coordinator", "analyst", "admin"]


def expect(anonymous, firm, other_firm, other_coordinator, coordinator, analyst, admin) -> dict:
    """One row of an access table: what each kind of user gets."""
    return dict(zip(KINDS, (anonymous, firm, other_firm, other_coordinator, coordinator, analyst,
                            admin), strict=True))


# What each kind of user gets on the pages most alike: 200 shown, 302 sent to sign in, 403 seen
# but not allowed.
EVERYONE = expect(200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = expect(302, 200, 200, 200, 200, 200, 200)
STAFF_READERS = expect(302, 403, 403, 200, 200, 200, 200)
COORDINATORS = expect(302, 403, 403, 200, 200, 403, 200)
OWN_BODY = expect(302, 403, 403, 403, 200, 403, 200)


def assert_each_kind_gets(client, users, url: str, answers) -> None:
    """GET ``url`` as each kind of user in turn; ``answers`` holds the status codes by kind (a row
    from ``expect``) or in the order of ``KINDS``. An anonymous visitor who is redirected is sent
    to the sign-in page."""
    if isinstance(answers, dict):
        answers = [answers[kind] for kind in KINDS]
    for kind, expected in zip(KINDS, answers, strict=True):
        client.logout()
        if users[kind] is not None:
            client.force_login(users[kind])
        response = client.get(url)
        assert response.status_code == expected, f"{url} as {kind}"
        if expected == 302 and kind == "anonymous":
            assert response["Location"].startswith(reverse("login"))
