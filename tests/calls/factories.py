"""Factories for calls for partners and expressions of interest."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from calls.choices import CallStatus
from partnerships.choices import ContributionKind
from tests import factories as f


class CallFactory(DjangoModelFactory):
    class Meta:
        model = "calls.CallForPartners"

    lead_body = factory.SubFactory(f.PublicBodyFactory)
    title = factory.Sequence(lambda n: f"Call for partners {n}")
    description = "Night-time safety around the station: we look for firms that can help."
    territory = "Saint-Denis"
    contribution_kinds = factory.LazyFunction(
        lambda: [ContributionKind.FINANCIAL, ContributionKind.EXPERTISE]
    )
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    status = CallStatus.OPEN


class EoiFactory(DjangoModelFactory):
    class Meta:
        model = "calls.ExpressionOfInterest"

    call = factory.SubFactory(CallFactory)
    public_body = factory.LazyAttribute(lambda eoi: eoi.call.lead_body if eoi.call else None)
    organisation = factory.SubFactory(f.OrganisationFactory)
    title = factory.Sequence(lambda n: f"Lighting and mediation offer {n}")
    summary = "We fund better lighting and lend two mediators on Friday nights."
    expectations = "A seat on the steering committee."
    contact_name = "Camille Martin"
    contact_email = factory.Sequence(lambda n: f"camille{n}@firm.example")
    contact_phone = "+33 6 12 34 56 78"
    consent_given_at = factory.LazyFunction(timezone.now)


class OfferFactory(DjangoModelFactory):
    class Meta:
        model = "calls.Offer"

    expression_of_interest = factory.SubFactory(EoiFactory)
    kind = ContributionKind.EXPERTISE
    description = "Advice on lighting design"
