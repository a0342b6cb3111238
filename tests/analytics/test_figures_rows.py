"""The figures' own rows (``PartnershipFigures``, ``ContributionFigures``) follow every write to
what they are made of, whatever makes it (a service, a bulk update, a delete): on PostgreSQL
the triggers keep the tables, elsewhere the views compute them when read. After each write the
figures still equal the sums computed here in Python from the rows themselves."""

import datetime
from decimal import Decimal

import pytest

from actors.choices import Sector
from actors.models import Organisation
from analytics.models import ContributionFigures, ExchangeRate, PartnershipFigures
from goals.models import Goal
from partnerships.choices import ContributionKind, Status
from partnerships.models import Contribution, Partnership, Party
from tests import factories as f

from .test_api import check_contribution_totals, check_partnership_counts, demo  # noqa: F401

pytestmark = pytest.mark.django_db


def check():
    for kind in ("analyst", "admin"):
        check_partnership_counts(kind)
        check_contribution_totals(kind)
    assert PartnershipFigures.objects.count() == Partnership.objects.count()
    assert ContributionFigures.objects.count() == Contribution.objects.count()


def test_the_figures_rows_follow_every_write(demo):  # noqa: F811 (the fixture imported)
    late = demo["late"]
    check()

    party = late.parties.exclude(organisation__sector=Sector.PUBLIC).first()
    sector = Sector.PRIVATE if party.organisation.sector == Sector.INTERMEDIARY else Sector.INTERMEDIARY
    Organisation.objects.filter(pk=party.organisation_id).update(sector=sector)
    check()

    goal = late.goals.first()
    Goal.objects.filter(pk=goal.pk).update(area="other")
    check()
    late.goals.remove(goal)
    late.community_groups.add(f.CommunityGroupFactory(code="elders"))
    check()

    Partnership.objects.filter(pk=late.pk).update(territory="Roubaix", starts_on=None)
    Partnership.objects.filter(pk=demo["early"].pk).update(status=Status.SUSPENDED)
    check()

    financial = Contribution.objects.filter(kind=ContributionKind.FINANCIAL, currency="EUR")
    Contribution.objects.filter(pk=financial.first().pk).update(currency="GBP")
    Contribution.objects.filter(pk=financial.last().pk).delete()
    f.ContributionFactory(party=party, amount=Decimal("70"), currency="CHF")
    check()

    other = Partnership.objects.exclude(pk=late.pk).filter(status=Status.ACTIVE).first()
    Party.objects.filter(pk=party.pk).update(partnership=other)
    check()

    # Rates added, changed and removed after the contributions: amounts are converted again.
    francs = ExchangeRate.objects.create(currency="CHF", rate_to_eur=Decimal("0.95"),
                                         valid_from=datetime.date(2000, 1, 1))
    check()
    ExchangeRate.objects.filter(pk=francs.pk).update(rate_to_eur=Decimal("1.05"))
    ExchangeRate.objects.filter(currency="GBP", valid_from=datetime.date(2024, 1, 1)).delete()
    check()

    Partnership.objects.get(pk=demo["early"].pk).delete()
    check()
