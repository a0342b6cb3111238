"""The manifesto's rules for partnerships, as plain checks that return what is missing.

Services call these before every write, and model ``clean()`` calls the per-row ones so that
the admin and every form give the same messages.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actors.choices import OrganisationKind, Sector, VerificationStatus

from .choices import (
    LICENSED_KINDS,
    REQUIRED_RULE_CATEGORIES,
    ROLE_KINDS,
    ROLE_SECTORS,
    SECURITY_ROLES,
    TRANSITIONS,
    Role,
    RuleCategory,
    Status,
)

LIVE_STATUSES = (Status.ACTIVE, Status.SUSPENDED)


def role_problem(*, organisation, role: str) -> str | None:
    """Why the nature of ``organisation`` (its sector and kind) does not fit ``role``, or None."""
    allowed = ROLE_KINDS.get(role)
    if allowed is None or organisation.kind in allowed:
        return None
    sectors = ROLE_SECTORS[role]
    if organisation.sector in sectors:
        return _("The role “%(role)s” is not for a %(kind)s: %(name)s holds no police or "
                 "regulatory powers.") % {
            "role": Role(role).label,
            "kind": OrganisationKind(organisation.kind).label.lower(),
            "name": organisation.name,
        }
    if sectors == {Sector.PUBLIC}:
        return _("The role “%(role)s” is reserved to public bodies; %(name)s is not one.") % {
            "role": Role(role).label, "name": organisation.name,
        }
    return _("The role “%(role)s” is open to public bodies and intermediaries only; "
             "%(name)s is a private firm.") % {"role": Role(role).label, "name": organisation.name}


def licence_problem(*, organisation, role: str, on=None) -> str | None:
    """A private security company takes a security role only with its licence in force."""
    if role not in SECURITY_ROLES or organisation.kind not in LICENSED_KINDS:
        return None
    if not organisation.has_licence:
        return _("%(name)s is a private security company: record its security licence before "
                 "it takes the role “%(role)s”.") % {"name": organisation.name,
                                                     "role": Role(role).label}
    if not organisation.licence_in_force(on):
        return _("The security licence of %(name)s expired on %(date)s: record the renewed "
                 "licence before it takes the role “%(role)s”.") % {
            "name": organisation.name,
            "date": organisation.licence_expires_on.isoformat(),
            "role": Role(role).label,
        }
    return None


def party_problems(*, organisation, role: str) -> dict[str, str]:
    """Why ``organisation`` cannot hold ``role`` in a partnership, by field (empty when it can)."""
    problems = {}
    if organisation.verification_status != VerificationStatus.VERIFIED:
        problems["organisation"] = (
            _("%(name)s is not a verified organisation: a coordinator must verify it before it "
              "can become a party.") % {"name": organisation.name}
        )
    problem = role_problem(organisation=organisation, role=role) or licence_problem(
        organisation=organisation, role=role
    )
    if problem:
        problems["role"] = problem
    return problems


def roles_open_to(organisation) -> list[Role]:
    """The roles ``organisation`` may hold today, in the order of the vocabulary."""
    return [
        role for role in Role
        if role_problem(organisation=organisation, role=role) is None
        and licence_problem(organisation=organisation, role=role) is None
    ]


def lead_authority_problem(*, partnership, role: str, party=None) -> str | None:
    """A partnership has one lead authority: refuse a second."""
    if role != Role.LEAD_AUTHORITY:
        return None
    others = partnership.parties.filter(role=Role.LEAD_AUTHORITY)
    if party is not None and party.pk:
        others = others.exclude(pk=party.pk)
    holder = others.select_related("organisation").first()
    if holder is None:
        return None
    return _("%(name)s is already the lead authority of this partnership; a partnership has "
             "one lead authority.") % {"name": holder.organisation.name}


def transition_problem(*, current: str, target: str) -> str | None:
    if target not in Status.values:
        return _("Unknown status “%(status)s”.") % {"status": target}
    if target not in TRANSITIONS[Status(current)]:
        return _("A partnership cannot go from “%(current)s” to “%(target)s”.") % {
            "current": Status(current).label,
            "target": Status(target).label,
        }
    return None


def party_mix_problems(organisations) -> list[str]:
    """What a set of parties lacks: at least one public body and one private-sector partner."""
    sectors = {organisation.sector for organisation in organisations}
    problems = []
    if Sector.PUBLIC not in sectors:
        problems.append(_("Add at least one public body as a party."))
    if Sector.PRIVATE not in sectors:
        problems.append(_("Add at least one private-sector party."))
    return problems


def missing_rule_problems(categories) -> list[str]:
    """The rule categories an active partnership needs and ``categories`` lacks."""
    present = set(categories)
    missing = [str(RuleCategory(c).label) for c in REQUIRED_RULE_CATEGORIES if c not in present]
    if not missing:
        return []
    return [_("Add the missing rules: %(categories)s.") % {"categories": ", ".join(missing)}]


def community_problems(groups) -> list[str]:
    """Safety for the whole community, not only for the private partners' own customers."""
    groups = list(groups)
    if not groups:
        return [_("Name the community groups this partnership serves.")]
    if all(group.partners_customers for group in groups):
        return [
            _("The partnership serves only the private partners' own customers: name at least "
              "one group of the wider community (residents, young people, commuters...).")
        ]
    return []


def goal_problems(goals) -> list[str]:
    """The private sector takes part "in a strategy of security for the common good": an active
    partnership serves at least one goal of a local safety strategy."""
    if not goals.exists():
        return [_("Link the partnership to at least one goal of a local safety strategy.")]
    return []


def activation_problems(partnership) -> list[str]:
    """What a partnership lacks before it may become active."""
    parties = list(partnership.parties.select_related("organisation"))
    problems = party_mix_problems(party.organisation for party in parties)
    for party in parties:
        problems.extend(party_problems(organisation=party.organisation, role=party.role).values())
    problems.extend(missing_rule_problems(partnership.rules.values_list("category", flat=True)))
    problems.extend(community_problems(partnership.community_groups.all()))
    problems.extend(goal_problems(partnership.goals.all()))
    if not partnership.lead_body.is_public_body:
        problems.append(_("The lead body must be a public body."))
    return problems


def is_live(partnership) -> bool:
    """Active and suspended partnerships keep what made their activation lawful."""
    return partnership.status in LIVE_STATUSES


def refuse_live_gaps(problems: list[str]) -> None:
    """Refuse a change that would leave a live partnership lacking what activation needs."""
    if problems:
        raise ValidationError(
            [_("This change would leave the active partnership without what it needs."), *problems]
        )
