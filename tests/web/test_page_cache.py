"""The public register and a public partnership page come from the cache for anonymous readers,
and every write that changes what they show is seen on the next request, in each language."""

import pytest
from django.test import Client
from django.urls import reverse

from actors import services as actor_services
from goals import services as goal_services
from partnerships import services
from partnerships.choices import ContributionKind, Role, RuleCategory, Status
from projects import services as project_services
from projects.choices import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db

REGISTER = reverse("partnerships:public_partnership_list")
LANGUAGES = {"en": "Public register of partnerships", "fr": "Registre public des partenariats"}


def page(url, language="en", client=None):
    response = (client or Client()).get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def main(html):
    """The page's main content (the head and header carry a per-request nonce and token)."""
    return html[html.index("<main"):html.index("</main>")]


def detail(partnership):
    return reverse("partnerships:public_partnership_detail", args=[partnership.pk])


def seen_in_both_languages(url, text):
    return all(text in page(url, language) for language in LANGUAGES)


def warm(*urls):
    """Ask each page in each language once, so that the next request reads the cache."""
    for url in urls:
        for language in LANGUAGES:
            page(url, language)


def test_an_anonymous_reader_is_served_the_register_from_the_cache(active,
                                                                    django_assert_num_queries):
    first = page(REGISTER)

    with django_assert_num_queries(0):
        again = page(REGISTER)

    assert main(again) == main(first)
    assert active.title in again


def test_an_anonymous_reader_is_served_a_public_partnership_from_the_cache(
    active, django_assert_num_queries
):
    first = page(detail(active))

    with django_assert_num_queries(0):
        assert main(page(detail(active))) == main(first)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_cached_pages(active, language):
    other = "fr" if language == "en" else "en"
    warm(REGISTER, detail(active))

    for url in (REGISTER, detail(active)):
        assert LANGUAGES[language] in page(url, language)
        assert LANGUAGES[other] not in page(url, language)


def test_signed_in_readers_neither_fill_nor_read_the_shared_cache(
    active, coordinator, django_assert_max_num_queries
):
    signed_in = Client()
    signed_in.force_login(coordinator)
    page(REGISTER, client=signed_in)
    page(detail(active), client=signed_in)

    # What the coordinator was shown was not kept for the public: the anonymous pages run
    # their queries.
    with django_assert_max_num_queries(20) as register:
        page(REGISTER)
    with django_assert_max_num_queries(30) as public_page:
        page(detail(active))
    assert len(register) > 0
    assert len(public_page) > 1

    # And the public's cached pages are not served to the coordinator.
    with django_assert_max_num_queries(40) as again:
        body = page(REGISTER, client=signed_in)
    assert len(again) > 0
    assert "Sign out" in body


def test_a_draft_created_after_caching_stays_off_the_public_pages(active, body, coordinator):
    warm(REGISTER)
    draft = services.partnership_create(
        actor=coordinator, lead_body=body, title="Brouillon confidentiel", summary="",
        territory="Saint-Denis",
    )

    assert not any(draft.title in page(REGISTER, language) for language in LANGUAGES)
    assert Client().get(detail(draft)).status_code == 404


def test_a_new_title_is_seen_at_once(active, coordinator):
    warm(REGISTER, detail(active))

    services.partnership_update(actor=coordinator, partnership=active, title="Nuits sereines")

    assert seen_in_both_languages(REGISTER, "Nuits sereines")
    assert seen_in_both_languages(detail(active), "Nuits sereines")


def test_a_suspension_and_its_reason_are_seen_at_once(active, coordinator):
    warm(detail(active))

    services.partnership_transition(actor=coordinator, partnership=active,
                                    status=Status.SUSPENDED, reason="Audit en cours")

    assert seen_in_both_languages(detail(active), "Audit en cours")


def test_parties_contributions_and_rules_are_seen_at_once(active, coordinator):
    warm(detail(active))
    newcomer = f.OrganisationFactory(name="Transports du Nord")

    party = services.party_add(actor=coordinator, partnership=active, organisation=newcomer,
                               role=Role.OPERATIONAL_PARTNER, responsibilities="Éclairage des quais")
    assert seen_in_both_languages(detail(active), "Transports du Nord")

    services.contribution_add(actor=coordinator, party=party, kind=ContributionKind.EXPERTISE,
                              description="Audit des quais")
    assert seen_in_both_languages(detail(active), "Audit des quais")

    services.rule_add(actor=coordinator, partnership=active, category=RuleCategory.FUNDING,
                      title="Budget partagé", text="Chacun paie sa part.")
    assert seen_in_both_languages(detail(active), "Budget partagé")

    services.party_remove(actor=coordinator, party=party)
    assert not any("Transports du Nord" in page(detail(active), language)
                   for language in LANGUAGES)


def test_a_renamed_lead_body_is_seen_at_once(active, admin_user):
    warm(REGISTER, detail(active))

    actor_services.organisation_update(actor=admin_user, organisation=active.lead_body,
                                       name="Ville de Saint-Ouen")

    assert seen_in_both_languages(REGISTER, "Ville de Saint-Ouen")
    assert seen_in_both_languages(detail(active), "Ville de Saint-Ouen")


def test_a_renamed_goal_is_seen_at_once(active, coordinator):
    warm(detail(active))
    goal = active.goals.get()

    goal_services.goal_update(actor=coordinator, goal=goal, title="Quais sûrs la nuit")

    assert seen_in_both_languages(detail(active), "Quais sûrs la nuit")


def test_a_community_group_no_longer_served_is_seen_at_once(active, coordinator):
    served = active.community_groups.get()
    warm(REGISTER, detail(active))

    services.partnership_update(actor=coordinator, partnership=active, community_groups=[
        served, f.CommunityGroupFactory(code="elderly", name_en="Older people",
                                        name_fr="Personnes âgées"),
    ])

    assert "Older people" in page(REGISTER, "en")
    assert "Personnes âgées" in page(REGISTER, "fr")


def test_a_public_project_is_seen_on_the_register_at_once(active, coordinator):
    warm(REGISTER)

    project_services.project_create(actor=coordinator, title="Médiation de nuit",
                                    summary="Des médiateurs", area=active.goals.get().area,
                                    territory="Saint-Denis", visibility=Visibility.PUBLIC)

    assert seen_in_both_languages(REGISTER, "Médiation de nuit")


def test_a_write_seen_after_its_transaction_commits(active, coordinator,
                                                    django_capture_on_commit_callbacks):
    warm(REGISTER)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.partnership_update(actor=coordinator, partnership=active,
                                    title="Nuits apaisées")
    page(REGISTER)

    assert callbacks
    assert seen_in_both_languages(REGISTER, "Nuits apaisées")
