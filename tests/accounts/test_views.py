"""Each account page against each kind of user, and the old addresses under /calls/."""

import pytest
from django.urls import reverse

from accounts.models import Registration
from accounts.services import confirmation_token
from tests.access import SIGNED_IN, assert_each_kind_gets, expect

# What each kind of user gets on a GET of each page; 302 is the way to the sign-in page (or,
# for the registration form, away from it once signed in).
EXPECTED = {
    #                         anonymous firm other_firm other_coord coord analyst admin
    "register":         expect(200, 302, 302, 302, 302, 302, 302),
    "register_done":    SIGNED_IN,
    "membership_list":  SIGNED_IN,
    "my_data":          SIGNED_IN,
    "my_data_download": SIGNED_IN,
}


@pytest.mark.parametrize("route", list(EXPECTED))
def test_each_kind_of_user_on_each_page(client, users, route):
    assert_each_kind_gets(client, users, reverse(f"accounts:{route}"), EXPECTED[route])


def test_the_pages_sit_beside_the_sign_in_pages():
    assert reverse("accounts:register") == "/accounts/register/"
    assert reverse("accounts:my_data") == "/accounts/data/"
    assert reverse("login") == "/accounts/login/"


# Pages read: 301. Forms sent: 308, so that the browser sends the form again, to the new address.
MOVED = [
    ("get", "/calls/register/?next=/calls/", 301, "/accounts/register/?next=/calls/"),
    ("post", "/calls/register/", 308, "/accounts/register/"),
    ("get", "/calls/register/sent/", 301, "/accounts/register/sent/"),
    ("post", "/calls/register/confirm/resend/", 308, "/accounts/register/confirm/resend/"),
    ("get", "/calls/register/confirm/abc:def/", 301, "/accounts/register/confirm/abc:def/"),
    ("get", "/calls/members/", 301, "/accounts/members/"),
    ("post", "/calls/members/7/approve/", 308, "/accounts/members/7/approve/"),
    ("get", "/calls/account/data/", 301, "/accounts/data/"),
    ("get", "/calls/account/data.json", 301, "/accounts/data.json"),
    ("post", "/calls/account/erase/", 308, "/accounts/erase/"),
    ("get", "/calls/account/erase/", 308, "/accounts/erase/"),
]


@pytest.mark.parametrize(("method", "old", "status", "new"), MOVED)
def test_the_old_addresses_lead_to_the_new_ones(client, method, old, status, new):
    response = getattr(client, method)(old)

    assert response.status_code == status
    assert response["Location"] == new


def test_a_confirmation_link_sent_before_the_move_still_confirms(client, firm_user):
    Registration.objects.create(user=firm_user)
    old_link = f"/calls/register/confirm/{confirmation_token(firm_user)}/"

    response = client.get(old_link, follow=True)

    assert "your e-mail address is confirmed" in response.text
    assert Registration.objects.get(user=firm_user).email_confirmed
