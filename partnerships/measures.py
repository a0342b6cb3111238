"""The measure of a contribution: its kind, what it is, and how much money or time it brings.

A party's contribution and a firm's offer record the same measure. Its fields, database
checks and currency rule are defined here once; the forms and serializers that take a measure
build on ``ContributionMeasureForm`` and ``ContributionMeasureSerializer``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import CURRENCIES, ContributionKind

MEASURE_FIELDS = ("kind", "description", "amount", "currency", "person_days")
UNKNOWN_CURRENCY = _("Use the three-letter ISO 4217 code of the currency, e.g. EUR.")


def checked_currency(value) -> str:
    """``value`` as an ISO 4217 code in capitals, or "" when none is given."""
    code = (value or "").strip().upper()
    if code and code not in CURRENCIES:
        raise ValidationError(UNKNOWN_CURRENCY, code="unknown_currency")
    return code


class ContributionMeasure(models.Model):
    """Money, people's time, expertise, things or data, measured."""

    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    person_days = models.DecimalField(
        _("person-days"), max_digits=9, decimal_places=1, null=True, blank=True
    )

    class Meta:
        abstract = True
        # Named after the model that extends this one. A check whose condition is NULL passes:
        # a missing amount or number of days is ruled out explicitly.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ContributionKind.values), name="%(class)s_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ContributionKind.FINANCIAL)
                | (models.Q(amount__isnull=False, amount__gt=0) & ~models.Q(currency="")),
                name="%(class)s_financial_has_amount",
                violation_error_message=_(
                    "A financial contribution needs a positive amount and a currency."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ContributionKind.HUMAN_RESOURCES)
                | models.Q(person_days__isnull=False, person_days__gt=0),
                name="%(class)s_human_resources_has_days",
                violation_error_message=_(
                    "A human-resources contribution needs a positive number of person-days."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="%(class)s_amount_not_negative",
            ),
        ]

    def clean(self):
        super().clean()
        try:
            self.currency = checked_currency(self.currency)
        except ValidationError as error:
            raise ValidationError({"currency": error}) from None

    def measure(self) -> dict:
        """The measure alone, in the shape ``partnerships.services.contribution_add`` takes."""
        return {name: getattr(self, name) for name in MEASURE_FIELDS}
