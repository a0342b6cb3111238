from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public body")
    PRIVATE = "private", _("Private sector")
    INTERMEDIARY = "intermediary", _("Intermediary or civil society")


class OrganisationKind(models.TextChoices):
    # Public bodies
    MUNICIPALITY = "municipality", _("Municipality")
    INTERMUNICIPAL = "intermunicipal", _("Inter-municipal body")
    REGIONAL_AUTHORITY = "regional_authority", _("Regional authority")
    NATIONAL_AUTHORITY = "national_authority", _("National authority")
    POLICE = "police", _("Police")
    PROSECUTION = "prosecution", _("Prosecution service")
    TRANSPORT_AUTHORITY = "transport_authority", _("Transport authority")
    SCHOOL = "school", _("School")
    SOCIAL_SERVICES = "social_services", _("Social services")
    HOUSING_BODY = "housing_body", _("Public housing body")
    # Private sector
    SME = "sme", _("Small or medium enterprise")
    LARGE_ENTERPRISE = "large_enterprise", _("Large enterprise")
    PRIVATE_SECURITY = "private_security", _("Private security company")
    RETAILER = "retailer", _("Retailer")
    TRANSPORT_OPERATOR = "transport_operator", _("Transport operator")
    NIGHTLIFE = "nightlife", _("Nightlife venue or operator")
    TECHNOLOGY = "technology", _("Technology company")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    # Intermediaries and civil society
    CHAMBER_OF_COMMERCE = "chamber_of_commerce", _("Chamber of commerce")
    BID = "bid", _("Business improvement district")
    CITY_CENTRE_MANAGEMENT = "city_centre_management", _("City-centre management")
    NGO = "ngo", _("Non-governmental organisation")
    RESIDENTS_ASSOCIATION = "residents_association", _("Residents' association")
    RESEARCH = "research", _("University or research body")


KINDS_BY_SECTOR = {
    Sector.PUBLIC: {
        OrganisationKind.MUNICIPALITY,
        OrganisationKind.INTERMUNICIPAL,
        OrganisationKind.REGIONAL_AUTHORITY,
        OrganisationKind.NATIONAL_AUTHORITY,
        OrganisationKind.POLICE,
        OrganisationKind.PROSECUTION,
        OrganisationKind.TRANSPORT_AUTHORITY,
        OrganisationKind.SCHOOL,
        OrganisationKind.SOCIAL_SERVICES,
        OrganisationKind.HOUSING_BODY,
    },
    Sector.PRIVATE: {
        OrganisationKind.SME,
        OrganisationKind.LARGE_ENTERPRISE,
        OrganisationKind.PRIVATE_SECURITY,
        OrganisationKind.RETAILER,
        OrganisationKind.TRANSPORT_OPERATOR,
        OrganisationKind.NIGHTLIFE,
        OrganisationKind.TECHNOLOGY,
        OrganisationKind.BUSINESS_ASSOCIATION,
    },
    Sector.INTERMEDIARY: {
        OrganisationKind.CHAMBER_OF_COMMERCE,
        OrganisationKind.BID,
        OrganisationKind.CITY_CENTRE_MANAGEMENT,
        OrganisationKind.NGO,
        OrganisationKind.RESIDENTS_ASSOCIATION,
        OrganisationKind.RESEARCH,
    },
}


# Who may register their own organisation: firms, and the intermediaries that bring them
# together (chambers of commerce, business improvement districts, associations). Public bodies
# are registered by a coordinator or an administrator.
SELF_REGISTERING_SECTORS = (Sector.PRIVATE, Sector.INTERMEDIARY)


def sector_of(kind: str) -> str | None:
    """The sector a kind of organisation belongs to."""
    return next((sector for sector, kinds in KINDS_BY_SECTOR.items() if kind in kinds), None)


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class Function(models.TextChoices):
    """What a person does for their organisation in the registry."""

    NONE = "", _("No function")
    COORDINATOR = "coordinator", _("Coordinator")
    FIRM_REPRESENTATIVE = "firm_representative", _("Firm representative")
    ANALYST = "analyst", _("Analyst")
