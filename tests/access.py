"""The kinds of user every access table speaks of, in the order of its columns."""

from django.urls import reverse

KINDS = ["anonymous", "firm", "other_firm", "other_coordinator", "coordinator", "analyst", "admin"]


def expect(anonymous, firm, other_firm, other_coordinator, coordinator, analyst, admin) -> dict:
    """One row of an access table: what each kind of user gets."""
    return dict(zip(KINDS, (anonymous, firm, other_firm, other_coordinator, coordinator, analyst,
                            admin), strict=True))


def assert_each_kind_gets(client, users, url: str, answers) -> None:
    """GET ``url`` as each kind of user in turn; ``answers`` holds the status codes in the order
    of ``KINDS``. An anonymous visitor who is redirected is sent to the sign-in page."""
    for kind, expected in zip(KINDS, answers, strict=True):
        client.logout()
        if users[kind] is not None:
            client.force_login(users[kind])
        response = client.get(url)
        assert response.status_code == expected, f"{url} as {kind}"
        if expected == 302 and kind == "anonymous":
            assert response["Location"].startswith(reverse("login"))
