from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


# Results and lessons learned are what a finished project leaves to other cities.
FINISHED_STATES = {ProjectState.COMPLETED, ProjectState.ABANDONED}


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone, also in the open data")
    NETWORK = "network", _("Network: signed-in coordinators, analysts and verified organisations")
    OWN = "own", _("Own organisation only")


class BudgetBand(models.TextChoices):
    UNKNOWN = "", _("Not said")
    UNDER_50K = "under_50k", _("Under €50,000")
    FROM_50K = "50k_250k", _("€50,000 to €250,000")
    FROM_250K = "250k_1m", _("€250,000 to €1 million")
    OVER_1M = "over_1m", _("Over €1 million")


class Magnitude(models.TextChoices):
    """An order of magnitude of what a goal lacks or an organisation can bring."""

    SMALL = "small", _("Small (under €10,000 or 20 person-days)")
    MEDIUM = "medium", _("Medium (up to €100,000 or 200 person-days)")
    LARGE = "large", _("Large (more)")


class SuggestionKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    PROJECT = "project", _("Project")
    CALL = "call", _("Call for partners")
