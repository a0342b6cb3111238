"""Loads the demo content (``core.demo_data``) through the services, as the system (actor=None),
so that every rule of the registry applies to it.

Each object is looked up by its natural key first and only created when missing: running the
load again leaves the data, their timestamps and their history exactly as they were.
"""

from collections import Counter
from functools import cache, partial

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction

from actors.choices import Function, VerificationStatus
from actors.identifiers import normalise_identifier
from actors.models import Organisation, User
from actors.services import organisation_create, organisation_set_verification
from goals.models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy
from goals.services import goal_create, indicator_create, measurement_record, strategy_create
from partnerships.choices import Status
from partnerships.models import Partnership
from partnerships.services import partnership_create, partnership_transition, party_add, rule_add

from . import demo_data

# How each status is reached from a draft, unless a partnership names its own path.
PATHS = {
    Status.DRAFT: [],
    Status.NEGOTIATION: [Status.NEGOTIATION],
    Status.ACTIVE: [Status.NEGOTIATION, Status.ACTIVE],
    Status.SUSPENDED: [Status.NEGOTIATION, Status.ACTIVE, Status.SUSPENDED],
    Status.CONCLUDED: [Status.NEGOTIATION, Status.ACTIVE, Status.CONCLUDED],
    Status.TERMINATED: [Status.NEGOTIATION, Status.TERMINATED],
}


@transaction.atomic
def seed_demo() -> Counter:
    """Create whatever demo content is missing; return how many objects of each kind were made."""
    created = Counter()
    groups = _community_groups(created)
    organisations = _organisations(created)
    _accounts(organisations, created)
    goals = _strategies(organisations, groups, created)
    _partnerships(organisations, goals, groups, created)
    return created


def _community_groups(created) -> dict[str, CommunityGroup]:
    groups = {}
    for code, name_en, name_fr, partners_customers in demo_data.COMMUNITY_GROUPS:
        group, made = CommunityGroup.objects.get_or_create(
            code=code,
            defaults={"name_en": name_en, "name_fr": name_fr,
                      "partners_customers": partners_customers},
        )
        if made:
            created["community groups"] += 1
        groups[code] = group
    return groups


def _organisations(created) -> dict[str, Organisation]:
    organisations = {}
    for spec in demo_data.ORGANISATIONS:
        fields = spec["fields"]
        scheme = fields["identifier_scheme"]
        organisation = Organisation.objects.filter(
            identifier_scheme=scheme,
            identifier=normalise_identifier(scheme, fields["identifier"]),
        ).first()
        if organisation is None:
            organisation = organisation_create(actor=None, **fields)
            if spec["verification"] != VerificationStatus.UNVERIFIED:
                organisation = organisation_set_verification(
                    actor=None, organisation=organisation, status=spec["verification"]
                )
            created["organisations"] += 1
        organisations[spec["key"]] = organisation
    return organisations


def demo_accounts() -> list[dict]:
    """The demo accounts as the command prints them and the README lists them."""
    organisations = {spec["key"]: spec["fields"]["name"] for spec in demo_data.ORGANISATIONS}
    return [
        {"username": username, "kind": kind,
         "organisation": organisations.get(org_key, ""), "password": demo_data.DEMO_PASSWORD}
        for username, kind, org_key, *_ in demo_data.ACCOUNTS
    ]


def _accounts(organisations, created):
    # Hashing is slow by design: the demo accounts share one hash, made or checked once a run.
    password = make_password(demo_data.DEMO_PASSWORD)
    is_demo_password = cache(partial(check_password, demo_data.DEMO_PASSWORD))
    for username, _kind, org_key, function, first_name, last_name in demo_data.ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                password=password,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@demo.efus-ppp.localhost",
                organisation=organisations.get(org_key),
                function=function,
                is_staff=function == Function.NONE,
                is_superuser=function == Function.NONE,
            )
            user.full_clean()
            user.save()
            created["demo accounts"] += 1
        elif not is_demo_password(user.password):
            # The printed password must work, even after someone changed it in the demo.
            user.password = password
            user.save(update_fields=["password"])


def _strategies(organisations, groups, created) -> dict[str, Goal]:
    goals = {}
    for spec in demo_data.STRATEGIES:
        owner = organisations[spec["owner"]]
        strategy = SafetyStrategy.objects.filter(owner=owner, title=spec["title"]).first()
        if strategy is None:
            strategy = strategy_create(
                actor=None, owner=owner, title=spec["title"], territory=spec["territory"],
                starts_on=spec["starts_on"], ends_on=spec["ends_on"], summary=spec["summary"],
            )
            created["strategies"] += 1
        for goal_spec in spec["goals"]:
            goals[goal_spec["title"]] = _goal(strategy, goal_spec, spec["territory"], groups,
                                              created)
    return goals


def _goal(strategy, spec, territory, groups, created) -> Goal:
    goal = Goal.objects.filter(strategy=strategy, title=spec["title"]).first()
    if goal is None:
        goal = goal_create(
            actor=None, strategy=strategy, title=spec["title"], area=spec["area"],
            horizon=spec["horizon"], priority=spec["priority"], territory=territory,
            description=spec["description"],
            community_groups=[groups[code] for code in spec["groups"]],
        )
        created["goals"] += 1
    for indicator_spec in spec["indicators"]:
        measurements = indicator_spec["measurements"]
        fields = {k: v for k, v in indicator_spec.items() if k != "measurements"}
        indicator = Indicator.objects.filter(goal=goal, name=fields["name"]).first()
        if indicator is None:
            indicator = indicator_create(actor=None, goal=goal, **fields)
            created["indicators"] += 1
        known = set(Measurement.objects.filter(indicator=indicator)
                    .values_list("measured_on", flat=True))
        for measured_on, value in measurements:
            if measured_on not in known:
                measurement_record(actor=None, indicator=indicator, measured_on=measured_on,
                                   value=value)
                created["measurements"] += 1
    return goal


def _partnerships(organisations, goals, groups, created):
    for spec in demo_data.PARTNERSHIPS:
        lead = organisations[spec["lead"]]
        if Partnership.objects.filter(lead_body=lead, title=spec["title"]).exists():
            continue
        _partnership(spec, lead, organisations, goals, groups)
        created["partnerships"] += 1


def _partnership(spec, lead, organisations, goals, groups):
    partnership = partnership_create(
        actor=None,
        lead_body=lead,
        title=spec["title"],
        territory=spec["territory"],
        summary=spec["summary"],
        starts_on=spec.get("starts_on"),
        ends_on=spec.get("ends_on"),
        next_review_on=spec.get("next_review_on"),
        internal_notes=spec.get("internal_notes", ""),
        goals=[goals[title] for title in spec.get("goals", [])],
        community_groups=[groups[code] for code in spec["groups"]],
    )
    for party in spec["parties"]:
        party_add(
            actor=None,
            partnership=partnership,
            organisation=organisations[party["org"]],
            role=party["role"],
            responsibilities=party["responsibilities"],
            joined_on=spec.get("starts_on"),
            contributions=party["contributions"],
        )
    texts = demo_data.RULE_TEXTS[spec["language"]]
    for category in spec["rules"]:
        title, text = texts[category]
        rule_add(actor=None, partnership=partnership, category=category, title=title,
                 text=text.format(lead=lead.name))
    for status in spec.get("path", PATHS[spec["status"]]):
        partnership = partnership_transition(actor=None, partnership=partnership, status=status)
    return partnership
