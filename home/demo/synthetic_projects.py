"""A large synthetic projects register for benchmarks: projects and standing offers spread over
the demo organisations, areas and territories, written with bulk inserts (no history rows).
A second run with the same number adds nothing."""

import random

from django.db import transaction

from actors.choices import Sector, VerificationStatus
from actors.models import Organisation
from goals.choices import Area
from partnerships.choices import ContributionKind
from projects.choices import ProjectState, Visibility
from projects.models import ContributionOffer, Project

PREFIX = "Synthetic project "
OFFER_PREFIX = "Synthetic offer "
BATCH_SIZE = 2_000
# One standing offer for every ten projects.
OFFERS_PER_PROJECT = 0.1


def _territories(organisations) -> list[str]:
    return sorted({organisation.territory for organisation in organisations})


@transaction.atomic
def generate_synthetic_projects(total: int) -> tuple[int, int]:
    """Bring the synthetic projects up to ``total`` and the offers up to a tenth of it;
    returns how many of each were added."""
    rng = random.Random(2012)
    organisations = list(Organisation.objects.filter(
        verification_status=VerificationStatus.VERIFIED).order_by("pk"))
    offering = [o for o in organisations if o.sector != Sector.PUBLIC]
    territories = _territories(organisations)
    areas, states, kinds = Area.values, ProjectState.values, ContributionKind.values
    visibilities = [Visibility.PUBLIC] * 6 + [Visibility.NETWORK] * 3 + [Visibility.OWN]
    have = Project.objects.filter(title__startswith=PREFIX).count()
    projects = [
        Project(
            organisation=rng.choice(organisations), title=f"{PREFIX}{number}",
            summary=rng.choice(["Night mediation and lighting", "Shared incident data",
                                "Training of private and public staff", "Safer school routes"]),
            area=rng.choice(areas), territory=rng.choice(territories), state=rng.choice(states),
            visibility=rng.choice(visibilities),
        )
        for number in range(have, total)
    ]
    Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
    wanted = int(total * OFFERS_PER_PROJECT)
    have_offers = ContributionOffer.objects.filter(description__startswith=OFFER_PREFIX).count()
    offers = []
    for number in range(have_offers, wanted):
        kind = rng.choice(kinds)
        offers.append(ContributionOffer(
            organisation=rng.choice(offering), kind=kind, description=f"{OFFER_PREFIX}{number}",
            amount=10_000 if kind == ContributionKind.FINANCIAL else None,
            currency="EUR" if kind == ContributionKind.FINANCIAL else "",
            person_days=20 if kind == ContributionKind.HUMAN_RESOURCES else None,
            area=rng.choice([*areas, ""]), territory=rng.choice(territories),
        ))
    ContributionOffer.objects.bulk_create(offers, batch_size=BATCH_SIZE)
    return len(projects), len(offers)
