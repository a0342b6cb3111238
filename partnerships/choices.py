from django.db import models
from django.utils.translation import gettext_lazy as _

from actors.choices import KINDS_BY_SECTOR, OrganisationKind, Sector


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEGOTIATION = "negotiation", _("In negotiation")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CONCLUDED = "concluded", _("Concluded")
    TERMINATED = "terminated", _("Terminated")


# The lifecycle: draft -> negotiation -> active -> (suspended <-> active) -> concluded | terminated
TRANSITIONS = {
    Status.DRAFT: {Status.NEGOTIATION, Status.TERMINATED},
    Status.NEGOTIATION: {Status.DRAFT, Status.ACTIVE, Status.TERMINATED},
    Status.ACTIVE: {Status.SUSPENDED, Status.CONCLUDED, Status.TERMINATED},
    Status.SUSPENDED: {Status.ACTIVE, Status.CONCLUDED, Status.TERMINATED},
    Status.CONCLUDED: set(),
    Status.TERMINATED: set(),
}

# Statuses anyone may read; drafts and negotiations stay with their lead body and parties.
PUBLISHED_STATUSES = [Status.ACTIVE, Status.SUSPENDED, Status.CONCLUDED, Status.TERMINATED]
# Irreversible or grave steps: they are confirmed and their reason is kept and published.
REASONED_STATUSES = [Status.SUSPENDED, Status.CONCLUDED, Status.TERMINATED]
# A partnership in these statuses can no longer be edited.
CLOSED_STATUSES = [Status.CONCLUDED, Status.TERMINATED]


class Role(models.TextChoices):
    LEAD_AUTHORITY = "lead_authority", _("Lead authority")
    REGULATORY_AUTHORITY = "regulatory_authority", _("Police or regulatory authority")
    CO_FUNDER = "co_funder", _("Co-funder")
    OPERATIONAL_PARTNER = "operational_partner", _("Operational partner")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    DATA_PROVIDER = "data_provider", _("Data provider")
    EXPERT_ADVISER = "expert_adviser", _("Expert adviser")
    FACILITATOR = "facilitator", _("Facilitator")
    EVALUATOR = "evaluator", _("Evaluator")


# Roles that carry public powers and responsibilities: the manifesto's "without challenging
# respective responsibilities". Every other role is open to every sector.
ROLE_SECTORS = {
    Role.LEAD_AUTHORITY: {Sector.PUBLIC},
    Role.REGULATORY_AUTHORITY: {Sector.PUBLIC},
    Role.FACILITATOR: {Sector.PUBLIC, Sector.INTERMEDIARY},
}

# Roles "matched to the nature, powers and potential of the entities involved": the kinds of
# organisation that may hold a role, where the sector alone does not say it. Police or regulatory
# powers belong to the police, the prosecution service (which directs the judicial police),
# municipalities (the mayor's police powers and the municipal police), national authorities
# (where the regulators sit, such as the CNAPS or the SIA) and transport authorities (which set
# and enforce the rules of their network). A school, social services or a housing body holds no
# such power, whatever its sector.
REGULATORY_KINDS = frozenset({
    OrganisationKind.POLICE,
    OrganisationKind.PROSECUTION,
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.NATIONAL_AUTHORITY,
    OrganisationKind.TRANSPORT_AUTHORITY,
})
ROLE_KINDS = {
    role: frozenset(kind for sector in sectors for kind in KINDS_BY_SECTOR[sector])
    for role, sectors in ROLE_SECTORS.items()
} | {Role.REGULATORY_AUTHORITY: REGULATORY_KINDS}

# Roles in which a party may deploy security staff or services on the ground (patrols,
# guarding, stewarding): a private security company takes them only with a licence in force
# (France's CNAPS authorisation, the UK's SIA licence...). Funding, data, advice, evaluation and
# facilitation are not security activities.
SECURITY_ROLES = frozenset({Role.OPERATIONAL_PARTNER, Role.SERVICE_PROVIDER})
# Kinds of organisation that need a security licence for the roles above.
LICENSED_KINDS = frozenset({OrganisationKind.PRIVATE_SECURITY})


class ContributionKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    HUMAN_RESOURCES = "human_resources", _("Human resources")
    EXPERTISE = "expertise", _("Expertise")
    IN_KIND = "in_kind", _("In kind")
    DATA = "data", _("Data")


class DocumentKind(models.TextChoices):
    SIGNED_AGREEMENT = "signed_agreement", _("Signed agreement")
    AMENDMENT = "amendment", _("Amendment")
    MINUTES = "minutes", _("Minutes")
    EVALUATION_REPORT = "evaluation_report", _("Evaluation report")


# The parties' own people may file these; the rest is the lead body's.
PARTY_DOCUMENT_KINDS = [DocumentKind.MINUTES, DocumentKind.EVALUATION_REPORT]


class DocumentVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTIES = "parties", _("Parties only")
    INTERNAL = "internal", _("Lead body only")


# The languages a partnership's texts or a document are written in (ISO 639-1, as OCDS wants).
DOCUMENT_LANGUAGES = [
    ("en", _("English")), ("fr", _("French")), ("de", _("German")), ("es", _("Spanish")),
    ("it", _("Italian")), ("nl", _("Dutch")), ("pt", _("Portuguese")), ("other", _("Other")),
]


class RuleCategory(models.TextChoices):
    GOVERNANCE = "governance", _("Governance and decision-making")
    DATA_PROTECTION = "data_protection", _("Data sharing and confidentiality")
    CONFLICT_OF_INTEREST = "conflict_of_interest", _("Conflict of interest")
    FUNDING = "funding", _("Funding")
    EVALUATION = "evaluation", _("Evaluation and reporting")
    EXIT = "exit", _("Termination and exit")
    TRANSPARENCY = "transparency", _("Transparency")


REQUIRED_RULE_CATEGORIES = [
    RuleCategory.GOVERNANCE,
    RuleCategory.DATA_PROTECTION,
    RuleCategory.CONFLICT_OF_INTEREST,
    RuleCategory.EXIT,
]


# ISO 4217 codes of the currencies in circulation. Fund codes, precious metals, bond units and
# the testing codes are left out: a contribution is paid in money.
CURRENCIES = frozenset({
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
})
