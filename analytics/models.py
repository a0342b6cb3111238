from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerships.choices import CURRENCIES


class ExchangeRateQuerySet(models.QuerySet):
    def for_date(self, currency: str, day):
        """The rate in force for ``currency`` on ``day``: the latest one valid from that day or before."""
        return self.filter(currency=currency, valid_from__lte=day).order_by("-valid_from").first()


class ExchangeRate(models.Model):
    """How many euros one unit of a currency was worth from a date on, until the next rate.

    Administrators keep the table in the admin. A contribution is converted at the rate in force
    on its partnership's start date (or the day the partnership was registered, when it has no
    start date yet), so figures do not move when a rate is added for a later period.
    """

    currency = models.CharField(
        _("currency"), max_length=3, choices=sorted((code, code) for code in CURRENCIES),
        help_text=_("ISO 4217 code, e.g. GBP."),
    )
    rate_to_eur = models.DecimalField(
        _("rate to EUR"), max_digits=18, decimal_places=8,
        help_text=_("Euros for one unit of the currency."),
    )
    valid_from = models.DateField(_("valid from"))

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "valid_from"], name="exchange_rate_once_per_day",
                violation_error_message=_("This currency already has a rate from this date."),
            ),
            models.CheckConstraint(
                condition=models.Q(rate_to_eur__gt=0), name="exchange_rate_positive",
                violation_error_message=_("A rate must be positive."),
            ),
        ]

    def __str__(self):
        return f"{self.currency} {self.rate_to_eur} EUR ({self.valid_from.isoformat()})"


# Each goal area's bit in ``PartnershipFigures.areas`` (the migration that keeps the figures
# writes these numbers into its SQL: a new area needs a migration that rebuilds them).
AREA_BITS = {
    "institutional_strength": 1,
    "intervention_projects": 2,
    "production_of_information": 4,
    "other": 8,
}


class PartnershipFigures(models.Model):
    """What the figures across partnerships read of one partnership, in one narrow row.

    On PostgreSQL a table that triggers keep current whatever writes the rows (migration
    0002); on other databases a view that computes the same columns when read. Never written
    by the application.
    """

    partnership = models.OneToOneField(
        "partnerships.Partnership", primary_key=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    status = models.CharField(max_length=12)
    territory = models.CharField(max_length=120)
    year = models.IntegerField(null=True)  # of the start date
    day = models.DateField()  # whose exchange rates apply: the start date, or the registration day
    areas = models.IntegerField()  # the goal areas of its goals, a bit each (AREA_BITS)
    community_groups = models.TextField()  # ids of the groups served, comma-separated

    class Meta:
        managed = False
        db_table = "analytics_partnership_figures"

    def __str__(self):
        return f"figures of partnership {self.partnership_id}"


class ContributionFigures(models.Model):
    """One contribution with what the figures group it by, and its amount converted to euros
    at the rate in force on its partnership's ``day`` (null: in euros already, no amount, or no
    rate for that day). Kept like ``PartnershipFigures``."""

    contribution = models.OneToOneField(
        "partnerships.Contribution", primary_key=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.DO_NOTHING, db_constraint=False,
        related_name="+",
    )
    kind = models.CharField(max_length=20)
    sector = models.CharField(max_length=20)
    currency = models.CharField(max_length=3)
    city = models.CharField(max_length=120)
    year = models.IntegerField(null=True)
    day = models.DateField()
    areas = models.IntegerField()
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    euros = models.DecimalField(max_digits=30, decimal_places=10, null=True)
    person_days = models.DecimalField(max_digits=9, decimal_places=1, null=True)

    class Meta:
        managed = False
        db_table = "analytics_contribution_figures"

    def __str__(self):
        return f"figures of contribution {self.contribution_id}"
