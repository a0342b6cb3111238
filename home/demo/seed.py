"""Loads the demo content (``home.demo.data``) through the services, so that every rule of the
registry applies to it: as the system (actor=None), or as the demo account of the firm or body
that would act in the registry itself (a firm writing its expression of interest, a coordinator
reviewing it).

Each object is looked up by its natural key first and only created when missing: running the
load again leaves the data, their timestamps and their history exactly as they were.
"""

from collections import Counter
from datetime import datetime, time, timedelta
from functools import cache, partial
from io import BytesIO

from django.contrib.auth.hashers import check_password, make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from actors.choices import Function, VerificationStatus
from actors.identifiers import normalise_identifier
from actors.models import Organisation, User
from actors.services import organisation_create, organisation_set_verification
from calls.choices import CallStatus, EoiStatus
from calls.models import CallForPartners, ExpressionOfInterest
from calls.services import (
    call_close,
    call_create,
    call_publish,
    call_update,
    comment_add,
    eoi_accept,
    eoi_create,
    eoi_decline,
    eoi_shortlist,
    eoi_start_review,
    eoi_submit,
    eoi_withdraw,
)
from goals.models import CommunityGroup, Goal, Indicator, Measurement, SafetyStrategy
from goals.services import goal_create, indicator_create, measurement_record, strategy_create
from partnerships.choices import Status
from partnerships.models import Partnership
from partnerships.services import (
    document_add,
    partnership_create,
    partnership_transition,
    party_add,
    rule_add,
)

from . import data as demo_data
from .cooperation import seed_cooperation

# How each status is reached from a draft, unless a partnership names its own path.
PATHS = {
    Status.DRAFT: [],
    Status.NEGOTIATION: [Status.NEGOTIATION],
    Status.ACTIVE: [Status.NEGOTIATION, Status.ACTIVE],
    Status.SUSPENDED: [Status.NEGOTIATION, Status.ACTIVE, Status.SUSPENDED],
    Status.CONCLUDED: [Status.NEGOTIATION, Status.ACTIVE, Status.CONCLUDED],
    Status.TERMINATED: [Status.NEGOTIATION, Status.TERMINATED],
}

# How an expression of interest reaches its state from a draft.
EOI_PATHS = {
    EoiStatus.DRAFT: [],
    EoiStatus.SUBMITTED: [EoiStatus.SUBMITTED],
    EoiStatus.UNDER_REVIEW: [EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW],
    EoiStatus.SHORTLISTED: [EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED],
    EoiStatus.DECLINED: [EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.DECLINED],
    EoiStatus.ACCEPTED: [EoiStatus.SUBMITTED, EoiStatus.UNDER_REVIEW, EoiStatus.SHORTLISTED,
                         EoiStatus.ACCEPTED],
    EoiStatus.WITHDRAWN: [EoiStatus.SUBMITTED, EoiStatus.WITHDRAWN],
}
# The hour open demo calls close at, on their closing day.
CLOSING_TIME = time(18)


@transaction.atomic
def seed_demo() -> Counter:
    """Create whatever demo content is missing; return how many objects of each kind were made."""
    created = Counter()
    groups = _community_groups(created)
    organisations = _organisations(created)
    _accounts(organisations, created)
    goals = _strategies(organisations, groups, created)
    _partnerships(organisations, goals, groups, created)
    calls = _calls(organisations, goals, created)
    _expressions_of_interest(calls, organisations, goals, groups, created)
    _close_finished_calls(calls)
    seed_cooperation(organisations, groups, created)
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
            organisation = organisation_create(actor=None, **fields, **_licence(spec))
            if spec["verification"] != VerificationStatus.UNVERIFIED:
                organisation = organisation_set_verification(
                    actor=None, organisation=organisation, status=spec["verification"]
                )
            created["organisations"] += 1
        organisations[spec["key"]] = organisation
    return organisations


def _licence(spec) -> dict:
    if spec["licence"] is None:
        return {}
    scheme, number, days = spec["licence"]
    return {"licence_scheme": scheme, "licence_number": number,
            "licence_expires_on": timezone.localdate() + timedelta(days=days)}


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
        language=spec["language"],
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
        partnership = partnership_transition(
            actor=None, partnership=partnership, status=status,
            reason=spec.get("reason", DEFAULT_REASONS.get(status, "")),
        )
    for document in spec.get("documents", []):
        document_add(actor=None, partnership=partnership, language=spec["language"],
                     uploaded=_pdf(document["title"]), **document)
    return partnership


def _pdf(title: str) -> ContentFile:
    """A one-page PDF that says its title, as a document's stand-in."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(title)
    canvas.drawString(72, 770, title)
    canvas.showPage()
    canvas.save()
    return ContentFile(buffer.getvalue(), name=f"{slugify(title)}.pdf")


# The public reason of each grave step, when the demo partnership does not give its own.
DEFAULT_REASONS = {
    Status.SUSPENDED: "Suspended while the steering committee reviews the data-sharing protocol.",
    Status.CONCLUDED: "Concluded at the end of its term; the final evaluation report is published.",
    Status.TERMINATED: "Terminated by mutual agreement: the parties could not agree on funding.",
}


def _actor(org_key: str) -> User | None:
    """The demo account that acts for an organisation in the registry, if it has one."""
    username = next(
        (username for username, _kind, key, *_ in demo_data.ACCOUNTS if key == org_key), None
    )
    return User.objects.get(username=username) if username else None


def _calls(organisations, goals, created) -> dict[str, CallForPartners]:
    calls = {}
    today = timezone.localdate()
    for spec in demo_data.CALLS:
        lead = organisations[spec["lead"]]
        call = CallForPartners.objects.filter(lead_body=lead, title=spec["title"]).first()
        if call is None:
            coordinator = _actor(spec["lead"])
            closing_day = today + timedelta(days=spec["closes"])
            call = call_create(
                actor=coordinator,
                lead_body=lead,
                title=spec["title"],
                description=spec["description"],
                territory=spec["territory"],
                contribution_kinds=spec["kinds"],
                opens_on=today + timedelta(days=spec["opens"]),
                closes_at=timezone.make_aware(datetime.combine(closing_day, CLOSING_TIME)),
                goals=[goals[title] for title in spec["goals"]],
            )
            if spec["status"] != CallStatus.DRAFT:
                call = call_publish(actor=coordinator, call=call)
            created["calls for partners"] += 1
        calls[spec["key"]] = call
    return calls


def _close_finished_calls(calls):
    for spec in demo_data.CALLS:
        call = calls[spec["key"]]
        if spec["status"] == CallStatus.CLOSED and call.status == CallStatus.OPEN:
            # Only a call whose deadline lies ahead can be published: a closed demo call is
            # published, answered, then reaches its deadline and is closed as the beat task would.
            call = call_update(actor=None, call=call, closes_at=timezone.now())
            call_close(actor=None, call=call)


def _expressions_of_interest(calls, organisations, goals, groups, created):
    leads = {spec["key"]: spec["lead"] for spec in demo_data.CALLS}
    for spec in demo_data.EXPRESSIONS_OF_INTEREST:
        call = calls.get(spec["call"])
        body_key = leads[spec["call"]] if call else spec["public_body"]
        public_body = organisations[body_key]
        organisation = organisations[spec["org"]]
        if ExpressionOfInterest.objects.filter(
            organisation=organisation, public_body=public_body, title=spec["title"]
        ).exists():
            continue
        if call is not None and not call.is_accepting:
            # A call that has closed since the first load takes no more answers.
            continue
        _expression_of_interest(spec, call, public_body, organisation, goals, groups,
                                firm=_actor(spec["org"]), reviewer=_actor(body_key))
        created["expressions of interest"] += 1


def _expression_of_interest(spec, call, public_body, organisation, goals, groups, *, firm, reviewer):
    contact_name, contact_email, contact_phone = spec["contact"]
    eoi = eoi_create(
        actor=firm,
        organisation=organisation,
        call=call,
        public_body=None if call else public_body,
        title=spec["title"],
        summary=spec["summary"],
        expectations=spec["expectations"],
        goals=[goals[title] for title in spec["goals"]],
        community_groups=[groups[code] for code in spec["groups"]],
        offers=spec["offers"],
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        consent=True,
    )
    for status in EOI_PATHS[spec["status"]]:
        eoi = _eoi_step(eoi, status, spec, firm=firm, reviewer=reviewer)
        if status == EoiStatus.SUBMITTED:
            for text in spec["comments"]:
                comment_add(actor=reviewer, eoi=eoi, text=text)


def _eoi_step(eoi, status, spec, *, firm, reviewer):
    match status:
        case EoiStatus.SUBMITTED:
            return eoi_submit(actor=firm, eoi=eoi)
        case EoiStatus.WITHDRAWN:
            return eoi_withdraw(actor=firm, eoi=eoi)
        case EoiStatus.UNDER_REVIEW:
            return eoi_start_review(actor=reviewer, eoi=eoi)
        case EoiStatus.SHORTLISTED:
            return eoi_shortlist(actor=reviewer, eoi=eoi)
        case EoiStatus.DECLINED:
            return eoi_decline(actor=reviewer, eoi=eoi, reason=spec["decline_reason"])
        case EoiStatus.ACCEPTED:
            accept = spec["accept"]
            partnership = Partnership.objects.get(lead_body=eoi.public_body,
                                              title=accept["partnership"])
            return eoi_accept(actor=reviewer, eoi=eoi, partnership=partnership,
                              role=accept["role"], responsibilities=accept["responsibilities"])
