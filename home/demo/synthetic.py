"""A large synthetic registry for benchmarks, written in batches: COPY on PostgreSQL, bulk
inserts elsewhere.

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
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

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
# PostgreSQL connections writing batches side by side: one per core of a small machine.
WRITERS = 2

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

    leads: list[Organisation] = field(default_factory=list)
    police: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    private: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    intermediaries: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    goals: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    inclusive_groups: list[int] = field(default_factory=list)
    customer_groups: list[int] = field(default_factory=list)

    @classmethod
    def load(cls) -> "_Pools":
        pools = cls()
        verified = Organisation.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).order_by("identifier_scheme", "identifier")
        for organisation in verified:
            if organisation.sector == Sector.PUBLIC:
                pools.leads.append(organisation)
                if organisation.kind == "police":
                    pools.police[organisation.country].append(organisation.pk)
            elif organisation.sector == Sector.PRIVATE:
                pools.private[organisation.country].append(organisation.pk)
            else:
                pools.intermediaries[organisation.country].append(organisation.pk)
        for goal_id, territory in Goal.objects.order_by("pk").values_list("pk", "territory"):
            pools.goals[territory].append(goal_id)
        for group in CommunityGroup.objects.order_by("code"):
            groups = pools.customer_groups if group.partners_customers else pools.inclusive_groups
            groups.append(group.pk)
        if not (pools.leads and pools.private and pools.inclusive_groups):
            raise ValueError("Load the demo data first: synthetic partnerships are made from it.")
        return pools

    def all_goals(self) -> list[int]:
        return [pk for ids in self.goals.values() for pk in ids]

    def private_ids(self, country: str) -> list[int]:
        return self.private.get(country) or [pk for ids in self.private.values() for pk in ids]


# The columns that the generator fills, in the order of its rows; the other columns take
# their model defaults. A party, a rule or a link names its partnership, and a contribution
# its party, by its index in the batch until the batch is written.
PARTNERSHIP_COLUMNS = ("title", "summary", "status", "lead_body_id", "territory", "starts_on",
                       "ends_on", "next_review_on", "status_reason", "status_changed_on",
                       "activated_at")
PARTY_COLUMNS = ("partnership_id", "organisation_id", "role", "responsibilities", "joined_on")
CONTRIBUTION_COLUMNS = ("party_id", "kind", "description", "amount", "currency", "person_days")
RULE_COLUMNS = ("partnership_id", "category", "title", "text")
GOAL_LINK_COLUMNS = ("partnership_id", "goal_id")
GROUP_LINK_COLUMNS = ("partnership_id", "communitygroup_id")


@dataclass
class _Batch:
    partnerships: list[tuple] = field(default_factory=list)
    parties: list[tuple] = field(default_factory=list)
    contributions: list[tuple] = field(default_factory=list)
    rules: list[tuple] = field(default_factory=list)
    goal_links: list[tuple] = field(default_factory=list)
    group_links: list[tuple] = field(default_factory=list)
    ids: dict[type, list[int]] = field(default_factory=dict)

    def tables(self) -> list[tuple[type, tuple[str, ...], list[tuple]]]:
        return [
            (Partnership, PARTNERSHIP_COLUMNS, self.partnerships),
            (Party, PARTY_COLUMNS, self.parties),
            (Contribution, CONTRIBUTION_COLUMNS, self.contributions),
            (Rule, RULE_COLUMNS, self.rules),
            (Partnership.goals.through, GOAL_LINK_COLUMNS, self.goal_links),
            (Partnership.community_groups.through, GROUP_LINK_COLUMNS, self.group_links),
        ]

    def take_ids(self):
        """Take every row's id from its table's sequence, in one query: the ids inserts in
        this order would have got, whichever connection writes the batch."""
        tables = self.tables()
        arrays = ", ".join(
            "ARRAY(SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s) ORDER BY 1)" for _ in tables
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {arrays}",
                           [value for model, _, rows in tables
                            for value in (model._meta.db_table, len(rows))])
            self.ids = dict(zip((model for model, _, _ in tables), cursor.fetchone(),
                                strict=True))

    def copy(self, *, before_commit: Callable[[], object] = lambda: None):
        """COPY the batch (its ids taken) in one transaction, its partnerships' search
        vectors computed once; ``before_commit`` runs last, before the commit."""
        with transaction.atomic(), connection.cursor() as cursor:
            with partnership_search_deferred() as written:
                for model, columns, rows in self.tables():
                    rows = _linked(model, rows, self.ids)
                    _copy(cursor, model, ("id", *columns),
                          ((pk, *row) for pk, row in zip(self.ids[model], rows, strict=True)))
                written.extend(self.ids[Partnership])
            before_commit()

    def bulk_create(self):
        """Elsewhere than on PostgreSQL: inserts in one transaction, each table's new ids read
        back for the rows that point to them."""
        with transaction.atomic():
            for model, columns, rows in self.tables():
                created = _bulk_create(model, columns, _linked(model, rows, self.ids))
                self.ids[model] = [row.pk for row in created]


def _linked(model, rows, ids: dict[type, list[int]]):
    """The rows with the index of the row they belong to (a contribution's party, another
    row's partnership) replaced by its id."""
    if model is Partnership:
        return rows
    owners = ids[Party if model is Contribution else Partnership]
    return ((owners[row[0]], *row[1:]) for row in rows)


def _bulk_create(model, columns, rows):
    return model.objects.bulk_create(
        [model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=BATCH_SIZE
    )


def _copy(cursor, model, columns, rows):
    """COPY the rows (values of ``columns``) into the model's table; every other column gets
    what ``bulk_create`` would give it: its default, or now."""
    now = timezone.now()
    others = [f for f in model._meta.concrete_fields if f.attname not in columns]
    defaults = tuple(
        now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        else f.get_db_prep_save(f.get_default(), connection)
        for f in others
    )
    names = ", ".join(connection.ops.quote_name(name)
                      for name in (*columns, *(f.column for f in others)))
    with cursor.copy(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) "
                     "FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *defaults))


def _copy_side_by_side(batches: Iterable[_Batch]) -> Iterator[int]:
    """COPY the batches on WRITERS connections at once (PostgreSQL computes the search
    vectors and index entries of one batch on each core), each batch committed only after the
    one before it, so the partnerships stay numbered without a gap whatever fails. Yields the
    number of partnerships of each batch, in order, once committed."""
    with ThreadPoolExecutor(WRITERS) as writers:
        pending: deque[Future] = deque()
        previous = None
        for batch in batches:
            batch.take_ids()
            previous = writers.submit(_copy_after, batch, previous)
            pending.append(previous)
            if len(pending) == WRITERS:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _copy_after(batch: _Batch, previous: Future | None) -> int:
    try:
        batch.copy(before_commit=previous.result if previous else lambda: None)
    finally:
        connection.close()
    return len(batch.partnerships)


def _written_one_by_one(batches: Iterable[_Batch]) -> Iterator[int]:
    for batch in batches:
        if connection.vendor == "postgresql":
            batch.take_ids()
            batch.copy()
        else:
            batch.bulk_create()
        yield len(batch.partnerships)


def generate_synthetic(total: int, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the number of synthetic partnerships up to ``total``; return how many were added."""
    existing = synthetic_partnerships().count()
    if existing >= total:
        return 0
    pools = _Pools.load()
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())

    def batches():
        for start in range(existing, total, BATCH_SIZE):
            batch = _Batch()
            for number in range(start, min(start + BATCH_SIZE, total)):
                _add_partnership(batch, number, pools, statuses, weights)
            yield batch

    # Other connections cannot see what the caller's transaction has not committed (the demo
    # data in a test): inside one, the batches are written on its connection.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        written = _copy_side_by_side(batches())
    else:
        written = _written_one_by_one(batches())
    done = 0
    for count in written:
        done += count
        if progress:
            progress(done, total - existing)
    return total - existing


def _add_partnership(batch: _Batch, number: int, pools: _Pools, statuses, weights):
    rng = random.Random(number)
    lead = rng.choice(pools.leads)
    status = rng.choices(statuses, weights)[0]
    activated = status in ACTIVATED or (status == Status.TERMINATED and rng.random() < 0.5)
    starts_on = FIRST_DAY + datetime.timedelta(days=rng.randrange(5 * 365))
    theme = rng.choice(THEMES)
    index = len(batch.partnerships)
    batch.partnerships.append((
        f"{SYNTHETIC_PREFIX}{number + 1:06d} {theme} – {lead.territory}",
        f"{theme} in {lead.territory}, led by {lead.name}.",
        status.value,
        lead.pk,
        lead.territory,
        starts_on,
        starts_on + datetime.timedelta(days=rng.randrange(365, 4 * 365)),
        starts_on + datetime.timedelta(days=rng.randrange(180, 900)),
        SYNTHETIC_REASONS.get(status, ""),
        starts_on if status in SYNTHETIC_REASONS else None,
        (
            datetime.datetime.combine(starts_on, datetime.time(9), tzinfo=datetime.UTC)
            if activated
            else None
        ),
    ))
    _add_parties(batch, index, starts_on, rng, lead, pools)
    _add_rules(batch, index, rng, lead, activated)
    # Every partnership serves a goal; where the lead's territory has none, one from elsewhere.
    territory_goals = pools.goals.get(lead.territory) or pools.all_goals()
    for goal_id in rng.sample(territory_goals, min(len(territory_goals), rng.randint(1, 2))):
        batch.goal_links.append((index, goal_id))
    groups = rng.sample(pools.inclusive_groups, rng.randint(1, 3))
    if pools.customer_groups and rng.random() < 0.2:
        groups.append(pools.customer_groups[0])
    for group_id in groups:
        batch.group_links.append((index, group_id))


def _add_parties(batch, index, starts_on, rng, lead, pools):
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
        party = len(batch.parties)
        batch.parties.append(
            (index, organisation_id, role.value, RESPONSIBILITIES[role], starts_on)
        )
        for kind in rng.sample(list(ContributionKind), rng.randint(0, 2)):
            batch.contributions.append(_contribution(party, kind, rng, lead.country))


def _contribution(party: int, kind, rng, country) -> tuple:
    amount = person_days = None
    currency = ""
    if kind == ContributionKind.FINANCIAL:
        amount = Decimal(rng.randrange(5, 300) * 1000)
        currency = "GBP" if country == "GB" else "EUR"
    elif kind == ContributionKind.HUMAN_RESOURCES:
        person_days = Decimal(rng.randrange(10, 400))
    return (party, kind.value, CONTRIBUTION_DESCRIPTIONS[kind], amount, currency, person_days)


def _add_rules(batch, index, rng, lead, activated):
    if activated:
        categories = [*REQUIRED_RULE_CATEGORIES,
                      *rng.sample(OPTIONAL_RULES, rng.randint(0, len(OPTIONAL_RULES)))]
    else:
        categories = rng.sample(list(RuleCategory), rng.randint(0, len(RuleCategory)))
    for category in categories:
        title, text = RULE_TEXTS["en"][category]
        batch.rules.append((index, category.value, title, text.format(lead=lead.name)))
