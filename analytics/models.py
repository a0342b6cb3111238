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
