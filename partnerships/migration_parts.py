"""The contribution measure (``measures.ContributionMeasure``) as the migrations of the models
that record one wrote it: a party's contribution, a firm's offer, a contribution offer, and
their histories.

Frozen like those migrations: a change to the measure gets new migrations, never an edit here.
"""

from django.db import models


def measure_fields():
    """``kind``, ``description``, ``amount``, ``currency`` and ``person_days``, in this order."""
    kinds = [
        ("financial", "Financial"),
        ("human_resources", "Human resources"),
        ("expertise", "Expertise"),
        ("in_kind", "In kind"),
        ("data", "Data"),
    ]
    return [
        ("kind", models.CharField(choices=kinds, max_length=20, verbose_name="kind")),
        ("description", models.CharField(blank=True, max_length=300, verbose_name="description")),
        (
            "amount",
            models.DecimalField(
                blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="amount"
            ),
        ),
        ("currency", models.CharField(blank=True, max_length=3, verbose_name="currency")),
        (
            "person_days",
            models.DecimalField(
                blank=True, decimal_places=1, max_digits=9, null=True, verbose_name="person-days"
            ),
        ),
    ]
