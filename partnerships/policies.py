"""The manifesto's rules for partnerships, as plain checks that return what is missing.

Services call these before every write, and model ``clean()`` calls the per-row ones so that
the admin and every form give the same messages.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actors.choices import Sector, VerificationStatus

from .choices import REQUIRED_RULE_CATEGORIES, ROLE_SECTORS, TRANSITIONS, Role, RuleCategory, Status

LIVE_STATUSES = (Status.ACTIVE, Status.SUSPENDED)


def party_problems(*, organisation, role: str) -> dict[str, str]:
    """Why ``organisation`` cannot hold ``role`` in a partnership, by field (empty when it can)."""
    problems = {}
    if organisation.verification_status != VerificationStatus.VERIFIED:
        problems["organisation"] = (
            _("%(name)s is not a verified organisation: a coordinator must verify it before it "
              "can become a party.") % {"name": organisation.name}
        )
    allowed = ROLE_SECTORS.get(role)
    if allowed and organisation.sector not in allowed:
        if allowed == {Sector.PUBLIC}:
            problems["role"] = _(
                "The role “%(role)s” is reserved to public bodies; %(name)s is not one."
            ) % {"role": Role(role).label, "name": organisation.name}
        else:
            problems["role"] = (
                _("The role “%(role)s” is open to public bodies and intermediaries only; "
                  "%(name)s is a private firm.")
                % {"role": Role(role).label, "name": organisation.name}
            )
    return problems


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


def activation_problems(partnership) -> list[str]:
    """What a partnership lacks before it may become active."""
    parties = list(partnership.parties.select_related("organisation"))
    problems = party_mix_problems(party.organisation for party in parties)
    for party in parties:
        problems.extend(party_problems(organisation=party.organisation, role=party.role).values())
    problems.extend(missing_rule_problems(partnership.rules.values_list("category", flat=True)))
    problems.extend(community_problems(partnership.community_groups.all()))
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
