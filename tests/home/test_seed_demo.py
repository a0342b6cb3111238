"""``manage.py seed_demo``: the demo registry a newcomer sees, and the benchmark data set."""

import datetime
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actors.models import Organisation, User
from calls.choices import CallStatus, EoiStatus
from calls.models import CallForPartners, ExpressionOfInterest, InternalComment
from goals.choices import Area, Horizon
from goals.models import CommunityGroup, Goal, Indicator
from home.demo import synthetic
from home.demo.data import DEMO_PASSWORD
from home.demo.synthetic import SYNTHETIC_PREFIX
from partnerships.choices import ContributionKind, Role, RuleCategory, Status
from partnerships.models import Contribution, Partnership, Party, Rule
from partnerships.policies import activation_problems
from partnerships.services import partnership_transition
from tests import factories as f

pytestmark = pytest.mark.django_db

REGISTRY_APPS = {"actors", "goals", "partnerships", "calls", "notifications"}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every row of every registry table, history and many-to-many tables included."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in REGISTRY_APPS
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for a class of tests and rolled back after them; each test
    runs in its own savepoint inside, as usual."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


class TestDemoData:
    def test_the_first_run_reports_what_it_made_and_a_second_run_changes_no_row(self, demo):
        first = snapshot()

        output = seed()

        assert "Demo data created" in demo
        assert "nothing to add" in output
        assert snapshot() == first
        assert len(first["partnerships.Partnership"]) >= 12
        assert len(first["partnerships.HistoricalPartnership"]) > len(
            first["partnerships.Partnership"]
        )
        assert len(first["calls.CallForPartners"]) >= 5
        assert len(first["calls.ExpressionOfInterest"]) >= 10
        assert first["notifications.Notification"]

    def test_a_run_after_the_open_calls_deadlines_changes_no_row_either(self, demo, monkeypatch):
        first = snapshot()
        later = timezone.now() + datetime.timedelta(days=90)
        monkeypatch.setattr(timezone, "now", lambda: later)

        output = seed()

        assert not CallForPartners.objects.accepting(now=later).exists()
        assert "nothing to add" in output
        assert snapshot() == first

    def test_it_covers_every_status_area_horizon_role_contribution_and_rule(self, demo):
        assert set(Partnership.objects.values_list("status", flat=True)) == set(Status.values)
        assert set(Goal.objects.values_list("area", "horizon")) == {
            (area, horizon) for area in Area.values for horizon in Horizon.values
        }
        assert set(Party.objects.values_list("role", flat=True)) == set(Role.values)
        assert set(Contribution.objects.values_list("kind", flat=True)) == set(
            ContributionKind.values
        )
        assert set(Rule.objects.values_list("category", flat=True)) == set(RuleCategory.values)
        assert all(indicator.measurements.count() >= 2 for indicator in Indicator.objects.all())
        assert CommunityGroup.objects.get(code="partners-customers").partners_customers

    def test_it_has_calls_in_every_state_and_answers_in_every_state_of_review(self, demo):
        calls = CallForPartners.objects.all()
        assert set(calls.values_list("status", flat=True)) == set(CallStatus.values)
        assert calls.values("lead_body").distinct().count() >= 3
        open_calls = calls.filter(status=CallStatus.OPEN)
        assert open_calls.count() >= 3
        assert set(CallForPartners.objects.accepting()) == set(open_calls)
        assert all(call.closed_at for call in calls.filter(status=CallStatus.CLOSED))
        eois = ExpressionOfInterest.objects.all()
        assert set(eois.values_list("status", flat=True)) == set(EoiStatus.values)
        assert eois.filter(call=None).exists()
        for eoi in eois.filter(status=EoiStatus.DECLINED):
            assert eoi.decline_reason
        for eoi in eois.filter(status=EoiStatus.ACCEPTED).select_related("party__partnership"):
            assert eoi.party.organisation_id == eoi.organisation_id
            assert eoi.party.partnership.lead_body_id == eoi.public_body_id
            assert eoi.party.contributions.count() == eoi.offers.count()
        for eoi in eois.exclude(status=EoiStatus.DRAFT):
            assert eoi.consent_given_at and eoi.offers.exists(), eoi.title
        assert InternalComment.objects.exists()

    def test_the_demo_firm_follows_its_own_answers_and_submits_its_draft(self, demo, client):
        firm = User.objects.get(username="firm")
        own = ExpressionOfInterest.objects.filter(organisation=firm.organisation)
        assert {EoiStatus.DRAFT, EoiStatus.ACCEPTED} <= set(own.values_list("status", flat=True))
        client.force_login(firm)

        response = client.get(reverse("calls:eoi_list"))

        assert {eoi.title for eoi in response.context["object_list"]} == {
            eoi.title for eoi in own
        }
        draft = own.get(status=EoiStatus.DRAFT)
        client.post(reverse("calls:eoi_submit", args=[draft.pk]))
        draft.refresh_from_db()
        assert draft.status == EoiStatus.SUBMITTED

    def test_the_demo_coordinator_reviews_what_firms_sent_to_the_body(self, demo, client):
        coordinator = User.objects.get(username="coordinator")
        client.force_login(coordinator)

        response = client.get(reverse("calls:eoi_list"))

        received = list(response.context["object_list"])
        assert len(received) >= 5
        assert {eoi.public_body_id for eoi in received} == {coordinator.organisation_id}
        assert EoiStatus.DRAFT not in {eoi.status for eoi in received}

    def test_its_organisations_are_valid_in_six_countries_some_firms_unverified(self, demo):
        for organisation in Organisation.objects.all():
            organisation.full_clean()
        assert set(Organisation.objects.values_list("country", flat=True)) >= {
            "FR", "BE", "ES", "IT", "DE", "GB"
        }
        assert Organisation.objects.filter(name="Ville de Saint-Denis", sector="public").exists()
        assert Organisation.objects.filter(sector="private", verification_status="unverified")
        assert not Party.objects.exclude(organisation__verification_status="verified").exists()

    def test_its_live_partnerships_meet_every_activation_rule(self, demo):
        live = Partnership.objects.filter(status__in=[Status.ACTIVE, Status.SUSPENDED])
        assert live.count() >= 5
        for partnership in live:
            assert activation_problems(partnership) == [], partnership.title

    def test_it_shows_a_partnership_that_cannot_serve_only_customers(self, demo):
        label = Partnership.objects.get(title="Safe-shopping label for partner shops")

        with pytest.raises(ValidationError, match="only the private partners' own customers"):
            partnership_transition(actor=None, partnership=label, status=Status.ACTIVE)

    @pytest.mark.parametrize(
        ("username", "is_kind"),
        [
            ("coordinator", lambda u: u.is_coordinator
             and u.organisation.name == "Ville de Saint-Denis"),
            ("coordinator-gent", lambda u: u.is_coordinator
             and u.organisation.name == "Stad Gent"),
            ("firm", lambda u: u.is_firm_representative and u.organisation.sector == "private"),
            ("firm-other", lambda u: u.is_firm_representative
             and u.organisation.sector == "private"),
            ("analyst", lambda u: u.is_analyst),
            ("admin", lambda u: u.is_superuser and u.is_staff),
        ],
    )
    def test_each_demo_account_is_of_its_kind_and_signs_in(self, demo, client, username, is_kind):
        user = User.objects.get(username=username)

        assert is_kind(user)
        assert client.login(username=username, password=DEMO_PASSWORD)
        assert f"  {username} " in demo

    def test_it_prints_the_password_and_the_address(self, demo):
        firms = User.objects.filter(username__in=["firm", "firm-other"])

        assert len({user.organisation_id for user in firms}) == 2
        assert DEMO_PASSWORD in demo
        assert "http://127.0.0.1:8000/" in demo

    def test_a_changed_demo_password_is_restored(self, demo):
        user = User.objects.get(username="coordinator")
        user.set_password("something else entirely")
        user.save()

        seed()

        user.refresh_from_db()
        assert user.check_password(DEMO_PASSWORD)

    def test_synthetic_partnerships_are_valid_and_a_second_run_adds_none(self, demo):
        seed("--partnerships", "200")

        synthetic = Partnership.objects.filter(title__startswith=SYNTHETIC_PREFIX)
        assert synthetic.count() == 200
        assert set(synthetic.values_list("status", flat=True)) == set(Status.values)
        assert synthetic.values("lead_body").distinct().count() > 5
        checks = {"validate_unique": False, "validate_constraints": False}  # held by the database
        for partnership in synthetic.select_related("lead_body").prefetch_related(
            "parties__organisation", "parties__contributions", "rules"
        ):
            partnership.full_clean(**checks)
            assert partnership.lead_body.is_public_body
            assert 2 <= len(partnership.parties.all()) <= 4
            for party in partnership.parties.all():
                party.full_clean(**checks)
                for contribution in party.contributions.all():
                    contribution.full_clean(**checks)
            for rule in partnership.rules.all():
                rule.full_clean(**checks)
            if partnership.status in {Status.ACTIVE, Status.SUSPENDED, Status.CONCLUDED}:
                assert partnership.activated_at is not None
            if partnership.activated_at is not None:
                assert activation_problems(partnership) == [], partnership.title
        first = snapshot()

        output = seed("--partnerships", "200")

        assert "0 added" in output
        assert snapshot() == first

    def test_the_cached_public_register_shows_what_a_run_added(self, demo):
        def published_count():
            response = Client().get(reverse("partnerships:public_partnership_list"),
                                    HTTP_ACCEPT_LANGUAGE="en")
            return re.search(r'class="result-count"[^>]*>(\d+) result', response.content.decode())[1]

        assert published_count() == published_count()  # the second answer is the cached one
        before = int(published_count())

        seed("--partnerships", "20")

        assert int(published_count()) > before

    def test_a_larger_number_tops_the_synthetic_set_up(self, demo):
        seed("--partnerships", "30")

        output = seed("--partnerships", "45")

        assert "15 added" in output
        assert Partnership.objects.filter(title__startswith=SYNTHETIC_PREFIX).count() == 45


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="batches are written side by side on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_batches_written_side_by_side_commit_in_order_and_a_failure_leaves_no_gap(monkeypatch):
    seed()
    monkeypatch.setattr(synthetic, "BATCH_SIZE", 5)
    copy = synthetic._Batch.copy

    def copy_but_the_third(batch, **kwargs):
        if batch.partnerships[0][0].startswith(f"{SYNTHETIC_PREFIX}000011 "):
            raise DatabaseError("connection lost")
        copy(batch, **kwargs)

    monkeypatch.setattr(synthetic._Batch, "copy", copy_but_the_third)
    with pytest.raises(DatabaseError):
        seed("--partnerships", "30")
    def numbers():
        titles = Partnership.objects.filter(title__startswith=SYNTHETIC_PREFIX).values_list(
            "title", flat=True)
        return sorted(int(title.split()[1]) for title in titles)

    assert numbers() == list(range(1, 11))

    monkeypatch.setattr(synthetic._Batch, "copy", copy)
    assert "20 added" in seed("--partnerships", "30")

    assert numbers() == list(range(1, 31))
    with connection.cursor() as cursor:
        # The words; their positions follow the order the plan gives the names in.
        cursor.execute(
            "SELECT count(*) FROM partnerships_partnership WHERE title LIKE %s "
            "AND tsvector_to_array(search_vector) IS DISTINCT FROM "
            "tsvector_to_array(partnership_search_document(id, title, summary, territory))",
            [f"{SYNTHETIC_PREFIX}%"],
        )
        assert cursor.fetchone() == (0,)


def test_production_refuses_demo_data(settings):
    settings.REGISTRY_ALLOW_DEMO_DATA = False

    with pytest.raises(CommandError, match="REGISTRY_ALLOW_DEMO_DATA"):
        seed()
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_a_clash_with_existing_data_loads_nothing_and_says_why():
    f.PublicBodyFactory(
        name="Ville de Saint-Denis", identifier="219300662", verification_status="unverified"
    )

    with pytest.raises(CommandError, match="Ville de Saint-Denis is not a verified organisation"):
        seed()
    assert Organisation.objects.count() == 1
    assert not Partnership.objects.exists()


def test_a_negative_number_of_partnerships_is_refused():
    with pytest.raises(CommandError, match="--partnerships"):
        seed("--partnerships", "-1")
    assert not Partnership.objects.exists()
