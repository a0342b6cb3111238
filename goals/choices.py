from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    INSTITUTIONAL_STRENGTH = "institutional_strength", _("Institutional strength")
    INTERVENTION_PROJECTS = "intervention_projects", _("Intervention projects")
    PRODUCTION_OF_INFORMATION = "production_of_information", _("Production of information")
    OTHER = "other", _("Other")


class Horizon(models.TextChoices):
    SHORT = "short", _("Short term (under 1 year)")
    MEDIUM = "medium", _("Medium term (1 to 3 years)")
    LONG = "long", _("Long term (over 3 years)")


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("Higher is better")
    DECREASE = "decrease", _("Lower is better")
