"""factory_boy factories for every registry model."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from actors.choices import Function, OrganisationKind, Sector, VerificationStatus
from actors.identifiers import luhn_ok
from goals.choices import Area, Horizon
from partnerships.choices import ContributionKind, DocumentKind, DocumentVisibility, Role, RuleCategory


def siren(n: int) -> str:
    """A valid SIREN (9 digits with a Luhn key) made from ``n``."""
    base = f"{n:08d}"[-8:]
    for key in range(10):
        if luhn_ok(base + str(key)):
            return base + str(key)
    raise AssertionError("unreachable")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = "actors.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.PRIVATE
    kind = OrganisationKind.SME
    identifier_scheme = "FR-RCS"
    identifier = factory.Sequence(lambda n: siren(10_000_000 + n))
    country = "FR"
    territory = "Saint-Denis"
    verification_status = VerificationStatus.VERIFIED
    contact_name = "Camille Martin"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+33 1 23 45 67 89"
    internal_notes = "Internal: met at the spring forum."


class PublicBodyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Ville {n}")
    sector = Sector.PUBLIC
    kind = OrganisationKind.MUNICIPALITY


class IntermediaryFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Chambre {n}")
    sector = Sector.INTERMEDIARY
    kind = OrganisationKind.CHAMBER_OF_COMMERCE


class UserFactory(DjangoModelFactory):
    class Meta:
        model = "actors.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Alex"
    last_name = "Durand"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CoordinatorFactory(UserFactory):
    organisation = factory.SubFactory(PublicBodyFactory)
    function = Function.COORDINATOR


class FirmRepresentativeFactory(UserFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    function = Function.FIRM_REPRESENTATIVE


class AnalystFactory(UserFactory):
    organisation = factory.SubFactory(IntermediaryFactory, kind=OrganisationKind.RESEARCH)
    function = Function.ANALYST


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True


class CommunityGroupFactory(DjangoModelFactory):
    class Meta:
        model = "goals.CommunityGroup"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"group-{n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")
    name_fr = factory.Sequence(lambda n: f"Groupe {n}")
    partners_customers = False


class StrategyFactory(DjangoModelFactory):
    class Meta:
        model = "goals.SafetyStrategy"

    owner = factory.SubFactory(PublicBodyFactory)
    title = factory.Sequence(lambda n: f"Local safety strategy {n}")
    territory = "Saint-Denis"
    starts_on = datetime.date(2025, 1, 1)


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = "goals.Goal"

    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Shared goal {n}")
    area = Area.INTERVENTION_PROJECTS
    horizon = Horizon.MEDIUM
    priority = 2
    territory = "Saint-Denis"


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = "goals.Indicator"

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "incidents"
    baseline = Decimal("100")
    baseline_on = datetime.date(2025, 1, 1)
    target = Decimal("60")
    direction = "decrease"


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = "partnerships.Partnership"

    title = factory.Sequence(lambda n: f"Partnership {n}")
    lead_body = factory.SubFactory(PublicBodyFactory)
    territory = "Saint-Denis"
    summary = "Safer streets around the station."
    internal_notes = "Internal: budget still under discussion."


class PartyFactory(DjangoModelFactory):
    class Meta:
        model = "partnerships.Party"

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.OPERATIONAL_PARTNER
    responsibilities = "Runs the night patrols with the municipal mediators."


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = "partnerships.Contribution"

    party = factory.SubFactory(PartyFactory)
    kind = ContributionKind.FINANCIAL
    amount = Decimal("25000")
    currency = "EUR"


class RuleFactory(DjangoModelFactory):
    class Meta:
        model = "partnerships.Rule"

    partnership = factory.SubFactory(PartnershipFactory)
    category = RuleCategory.GOVERNANCE
    title = factory.Sequence(lambda n: f"Rule {n}")
    text = "Decisions are taken by the steering committee chaired by the city."


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = "partnerships.Document"

    partnership = factory.SubFactory(PartnershipFactory)
    kind = DocumentKind.MINUTES
    title = factory.Sequence(lambda n: f"Minutes {n}")
    issued_on = datetime.date(2025, 3, 10)
    language = "fr"
    visibility = DocumentVisibility.PUBLIC
    file = factory.django.FileField(filename="minutes.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "minutes.pdf"
    size = 15
