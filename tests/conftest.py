"""The named users every access test speaks of, one per kind of user."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from actors.choices import OrganisationKind, Sector
from partnerships.choices import REQUIRED_RULE_CATEGORIES, Role, Status

from . import factories as f


@pytest.fixture(autouse=True)
def _no_sign_in_lockouts(settings):
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request in French activates it for the
    thread, and a later test would otherwise read its messages in French."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttling and rate limits count in the cache, which may be a shared Redis."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_registry(django_db_setup, django_db_blocker):
    """The demo data of ``seed_demo``, loaded once for a module inside a transaction rolled back
    at its end; each test's own writes roll back to it (tests/demo.py names its accounts)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def body(db):
    """The public body our coordinator works for."""
    return f.PublicBodyFactory(name="Ville de Saint-Denis", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def other_body(db):
    return f.PublicBodyFactory(name="Stad Gent", country="BE", territory="Gent")


@pytest.fixture
def firm(db):
    return f.OrganisationFactory(name="Sécurité Plaine SARL", sector=Sector.PRIVATE)


@pytest.fixture
def other_firm(db):
    return f.OrganisationFactory(name="Commerce Nord SAS", sector=Sector.PRIVATE)


@pytest.fixture
def coordinator(body):
    return f.CoordinatorFactory(username="alice", organisation=body)


@pytest.fixture
def other_coordinator(other_body):
    return f.CoordinatorFactory(username="bob", organisation=other_body)


@pytest.fixture
def firm_user(firm):
    return f.FirmRepresentativeFactory(username="carol", organisation=firm)


@pytest.fixture
def other_firm_user(other_firm):
    return f.FirmRepresentativeFactory(username="dave", organisation=other_firm)


@pytest.fixture
def analyst(db):
    return f.AnalystFactory(username="erin")


@pytest.fixture
def admin_user(db):
    return f.AdminFactory(username="root")


@pytest.fixture
def users(coordinator, other_coordinator, firm_user, other_firm_user, analyst, admin_user):
    """Every kind of user by name; ``None`` is the anonymous visitor."""
    return {
        "anonymous": None,
        "firm": firm_user,
        "other_firm": other_firm_user,
        "other_coordinator": other_coordinator,
        "coordinator": coordinator,
        "analyst": analyst,
        "admin": admin_user,
    }


def make_activatable(partnership, *, public=None, private=None):
    """Give ``partnership`` everything activation needs."""
    f.PartyFactory(
        partnership=partnership,
        organisation=public or partnership.lead_body,
        role=Role.LEAD_AUTHORITY,
    )
    f.PartyFactory(partnership=partnership, organisation=private or f.OrganisationFactory())
    for category in REQUIRED_RULE_CATEGORIES:
        f.RuleFactory(partnership=partnership, category=category)
    partnership.community_groups.add(f.CommunityGroupFactory(code="residents"))
    partnership.goals.add(f.GoalFactory(strategy__owner=partnership.lead_body))
    return partnership


@pytest.fixture
def draft(body, firm):
    """A draft led by our coordinator's body, with our firm as a party."""
    partnership = f.PartnershipFactory(title="Gare sûre", lead_body=body)
    f.PartyFactory(partnership=partnership, organisation=firm)
    return partnership


@pytest.fixture
def active(body):
    partnership = make_activatable(f.PartnershipFactory(title="Nuits tranquilles", lead_body=body))
    partnership.status = Status.ACTIVE
    partnership.save()
    return partnership


@pytest.fixture
def client_for(users):
    """A browser signed in as the named kind of user (``anonymous`` is not signed in)."""

    def make(kind: str) -> Client:
        client = Client()
        if users[kind] is not None:
            client.force_login(users[kind])
        return client

    return make
