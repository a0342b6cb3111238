"""A large synthetic registry for benchmarks, written with bulk inserts.

Services save one row at a time and record each change in the history, which would take hours
for 100 000 partnerships; here rows go in by batches, bypassing the services (and therefore
the history). Every row still obeys the registry's rules: lead bodies are verified public
bodies, reserved roles go to public bodies only, every partnership that has been active has a
public and a private party, the required rules, a goal and groups beyond the partners' own
customers.

Synthetic partnerships are marked by the title prefix ``[synthetic]`` and numbered, and each
one is drawn from a random generator seeded with its number: the data set is the same on every
machine, and a second run only adds what is missing.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from actors.choices import Sector, VerificationStatus
from actors.models import Organisation
from goals.models import CommunityGroup, Goal
from partnerships.choices import (
    REQUIRED_RULE_CATEGORIES,
    ContributionKind,
    Role,
    RuleCategory,
    Status,
)
from partnerships.models import Contribution, Partnership, Party, Rule
from partnerships.services import partnership_search_deferred

from .data import RULE_TEXTS

SYNTHETIC_PREFIX = "[synthetic] "
BATCH_SIZE = 1000

STATUS_WEIGHTS = {
    Status.DRAFT: 15,
    Status.NEGOTIATION: 15,
    Status.ACTIVE: 40,
    Status.SUSPENDED: 8,
    Status.CONCLUDED: 14,
    Status.TERMINATED: 8,
}
# Statuses that can only be reached through activation.
ACTIVATED = {Status.ACTIVE, Status.SUSPENDED, Status.CONCLUDED}
SYNTHETIC_REASONS = {
    Status.SUSPENDED: "Suspended pending the review of its data-sharing protocol.",
    Status.CONCLUDED: "Concluded at the end of its term.",
    Status.TERMINATED: "Terminated by mutual agreement.",
}
OPEN_ROLES = [
    Role.OPERATIONAL_PARTNER,
    Role.CO_FUNDER,
    Role.SERVICE_PROVIDER,
    Role.DATA_PROVIDER,
    Role.EXPERT_ADVISER,
    Role.EVALUATOR,
]
OPTIONAL_RULES = [c for c in RuleCategory if c not in REQUIRED_RULE_CATEGORIES]

THEMES = [
    "Safer station nights",
    "Shop watch and alert network",
    "Youth outreach after school",
    "Night-time economy welfare",
    "Safe routes to school",
    "Market square prevention",
    "Shared incident observatory",
    "Homeless outreach and shelter",
    "Public transport safety",
    "Business crime reduction",
    "Safe events and crowd management",
    "Lighting and urban design",
]
RESPONSIBILITIES = {
    Role.LEAD_AUTHORITY: "Chairs the steering committee and reports to the local safety council.",
    Role.REGULATORY_AUTHORITY: "Keeps sole use of police powers and shares aggregated figures.",
    Role.FACILITATOR: "Brings local businesses and residents around the table.",
    Role.OPERATIONAL_PARTNER: "Runs agreed field actions under the lead body's coordination.",
    Role.CO_FUNDER: "Co-funds the agreed actions; its money buys no priority.",
    Role.SERVICE_PROVIDER: "Provides prevention staff without police powers.",
    Role.DATA_PROVIDER: "Shares anonymised, aggregated data under the data-sharing protocol.",
    Role.EXPERT_ADVISER: "Advises the steering committee on methods and good practice.",
    Role.EVALUATOR: "Evaluates the results against the shared goals' indicators.",
}
CONTRIBUTION_DESCRIPTIONS = {
    ContributionKind.FINANCIAL: "Funding of the agreed actions",
    ContributionKind.HUMAN_RESOURCES: "Staff time on the ground",
    ContributionKind.EXPERTISE: "Methodological advice",
    ContributionKind.IN_KIND: "Premises and equipment",
    ContributionKind.DATA: "Anonymised incident data",
}
FIRST_DAY = datetime.date(2022, 1, 1)


def synthetic_partnerships():
    return Partnership.objects.filter(title__startswith=SYNTHETIC_PREFIX)


@dataclass
class _Pools:
    """What synthetic partnerships are made of, read once from the demo data."""

    leads: list[Organisation]
    police: dict[str, list[int]]
    private: dict[str, list[int]]
    intermediaries: dict[str, list[int]]
    goals: dict[str, list[int]]
    inclusive_groups: list[int]
    customer_groups: list[int]

    @classmethod
    def load(cls) -> "_Pools":
        verified = Organisation.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).order_by("identifier_scheme", "identifier")
        police, private, intermediaries = defaultdict(list), defaultdict(list), defaultdict(list)
        leads = []
        for organisation in verified:
            if organisation.sector == Sector.PUBLIC:
                leads.append(organisation)
                if organisation.kind == "police":
                    police[organisation.country].append(organisation.pk)
            elif organisation.sector == Sector.PRIVATE:
                private[organisation.country].append(organisation.pk)
            else:
                intermediaries[organisation.country].append(organisation.pk)
        goals = defaultdict(list)
        for goal_id, territory in Goal.objects.order_by("pk").values_list("pk", "territory"):
            goals[territory].append(goal_id)
        groups = CommunityGroup.objects.order_by("code")
        pools = cls(
            leads=leads,
            police=police,
            private=private,
            intermediaries=intermediaries,
            goals=goals,
            inclusive_groups=[g.pk for g in groups if not g.partners_customers],
            customer_groups=[g.pk for g in groups if g.partners_customers],
        )
        if not (pools.leads and pools.private and pools.inclusive_groups):
            raise ValueError("Load the demo data first: synthetic partnerships are made from it.")
        return pools

    def all_goals(self) -> list[int]:
        return [pk for ids in self.goals.values() for pk in ids]

    def private_ids(self, country: str) -> list[int]:
        return self.private.get(country) or [pk for ids in self.private.values() for pk in ids]


@dataclass
class _Batch:
    partnerships: list[Partnership] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    goal_links: list = field(default_factory=list)
    group_links: list = field(default_factory=list)

    def save(self):
        Partnership.objects.bulk_create(self.partnerships, batch_size=BATCH_SIZE)
        Party.objects.bulk_create(self.parties, batch_size=BATCH_SIZE)
        Contribution.objects.bulk_create(self.contributions, batch_size=BATCH_SIZE)
        Rule.objects.bulk_create(self.rules, batch_size=BATCH_SIZE)
        Partnership.goals.through.objects.bulk_create(self.goal_links, batch_size=BATCH_SIZE)
        Partnership.community_groups.through.objects.bulk_create(
            self.group_links, batch_size=BATCH_SIZE
        )


def generate_synthetic(total: int, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the number of synthetic partnerships up to ``total``; return how many were added."""
    existing = synthetic_partnerships().count()
    if existing >= total:
        return 0
    pools = _Pools.load()
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    for start in range(existing, total, BATCH_SIZE):
        batch = _Batch()
        for number in range(start, min(start + BATCH_SIZE, total)):
            _add_partnership(batch, number, pools, statuses, weights)
        with partnership_search_deferred() as written:
            batch.save()
            written.extend(partnership.pk for partnership in batch.partnerships)
        if progress:
            progress(min(start + BATCH_SIZE, total) - existing, total - existing)
    return total - existing


def _add_partnership(batch: _Batch, number: int, pools: _Pools, statuses, weights):
    rng = random.Random(number)
    lead = rng.choice(pools.leads)
    status = rng.choices(statuses, weights)[0]
    activated = status in ACTIVATED or (status == Status.TERMINATED and rng.random() < 0.5)
    starts_on = FIRST_DAY + datetime.timedelta(days=rng.randrange(5 * 365))
    theme = rng.choice(THEMES)
    partnership = Partnership(
        title=f"{SYNTHETIC_PREFIX}{number + 1:06d} {theme} – {lead.territory}",
        summary=f"{theme} in {lead.territory}, led by {lead.name}.",
        status=status,
        lead_body_id=lead.pk,
        territory=lead.territory,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=rng.randrange(365, 4 * 365)),
        next_review_on=starts_on + datetime.timedelta(days=rng.randrange(180, 900)),
        status_reason=SYNTHETIC_REASONS.get(status, ""),
        status_changed_on=starts_on if status in SYNTHETIC_REASONS else None,
        activated_at=(
            datetime.datetime.combine(starts_on, datetime.time(9), tzinfo=datetime.UTC)
            if activated
            else None
        ),
    )
    batch.partnerships.append(partnership)
    _add_parties(batch, partnership, rng, lead, pools)
    _add_rules(batch, partnership, rng, lead, activated)
    # Every partnership serves a goal; where the lead's territory has none, one from elsewhere.
    territory_goals = pools.goals.get(lead.territory) or pools.all_goals()
    for goal_id in rng.sample(territory_goals, min(len(territory_goals), rng.randint(1, 2))):
        batch.goal_links.append(Partnership.goals.through(partnership=partnership, goal_id=goal_id))
    groups = rng.sample(pools.inclusive_groups, rng.randint(1, 3))
    if pools.customer_groups and rng.random() < 0.2:
        groups.append(pools.customer_groups[0])
    for group_id in groups:
        batch.group_links.append(
            Partnership.community_groups.through(partnership=partnership, communitygroup_id=group_id)
        )


def _add_parties(batch, partnership, rng, lead, pools):
    private_ids = pools.private_ids(lead.country)
    members = [(lead.pk, Role.LEAD_AUTHORITY), (rng.choice(private_ids), rng.choice(OPEN_ROLES))]
    extras = []
    if pools.police.get(lead.country):
        extras.append((rng.choice(pools.police[lead.country]), Role.REGULATORY_AUTHORITY))
    if pools.intermediaries.get(lead.country):
        extras.append((rng.choice(pools.intermediaries[lead.country]), Role.FACILITATOR))
    extras.append((rng.choice(private_ids), rng.choice(OPEN_ROLES)))
    for organisation_id, role in rng.sample(extras, rng.randint(0, min(2, len(extras)))):
        if organisation_id not in {pk for pk, _ in members}:
            members.append((organisation_id, role))
    for organisation_id, role in members:
        party = Party(
            partnership=partnership,
            organisation_id=organisation_id,
            role=role,
            responsibilities=RESPONSIBILITIES[role],
            joined_on=partnership.starts_on,
        )
        batch.parties.append(party)
        for kind in rng.sample(list(ContributionKind), rng.randint(0, 2)):
            batch.contributions.append(_contribution(party, kind, rng, lead.country))


def _contribution(party, kind, rng, country) -> Contribution:
    contribution = Contribution(
        party=party, kind=kind, description=CONTRIBUTION_DESCRIPTIONS[kind]
    )
    if kind == ContributionKind.FINANCIAL:
        contribution.amount = Decimal(rng.randrange(5, 300) * 1000)
        contribution.currency = "GBP" if country == "GB" else "EUR"
    elif kind == ContributionKind.HUMAN_RESOURCES:
        contribution.person_days = Decimal(rng.randrange(10, 400))
    return contribution


def _add_rules(batch, partnership, rng, lead, activated):
    if activated:
        categories = [*REQUIRED_RULE_CATEGORIES,
                      *rng.sample(OPTIONAL_RULES, rng.randint(0, len(OPTIONAL_RULES)))]
    else:
        categories = rng.sample(list(RuleCategory), rng.randint(0, len(RuleCategory)))
    for category in categories:
        title, text = RULE_TEXTS["en"][category]
        batch.rules.append(
            Rule(partnership=partnership, category=category, title=title,
                 text=text.format(lead=lead.name))
        )
