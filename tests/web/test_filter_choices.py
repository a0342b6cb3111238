"""Every list page's filters, for each kind of user on the demo registry, offer only what that
user may see: no draft partnership or call, no unverified organisation, no project kept to its
organisation in a drop-down (nor anywhere else on the page). The pages are found by their URL
names (``<app>:<model>_list``), so a new list is covered the day it is added."""

import html

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.access import KINDS

from ..demo import demo_user, invisible_names


def _list_pages(patterns=None, namespace="") -> list[str]:
    urls = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            if inner != "admin":
                urls += _list_pages(pattern.url_patterns, inner)
        elif (pattern.name or "").endswith("_list") and not pattern.pattern.regex.groups:
            urls.append(reverse(f"{namespace}:{pattern.name}"))
    return urls


def test_every_list_page_is_read():
    assert {"/partnerships/", "/organisations/", "/calls/", "/calls/interest/", "/projects/",
            "/projects/offers/", "/goals/"} <= set(_list_pages())


@pytest.mark.parametrize("kind", KINDS)
def test_no_list_page_names_what_the_reader_may_not_see(client, demo_registry, db, kind):
    user = demo_user(kind)
    if user is not None:
        client.force_login(user)
    invisible = invisible_names(user)
    assert invisible or kind == "admin"
    selects = 0
    for url in _list_pages():
        response = client.get(url)
        if response.status_code != 200:
            continue
        page = html.unescape(response.content.decode())
        selects += page.count("<select")
        assert [name for name in invisible if name in page] == [], f"{url} as {kind}"
    assert selects
