from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.choices import Sector
from core.access import Action, is_admin, public_body_id

from .choices import Area, Horizon, IndicatorDirection, Priority


def years_after(day, years: int):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def horizon_problem(*, horizon: str, set_on, target_on) -> str | None:
    """Why ``target_on`` does not fit ``horizon`` for a goal set on ``set_on``: short term
    within a year, medium term within one to three years, long term beyond three."""
    if target_on < set_on:
        return _("The target date cannot precede the day the goal was set (%(date)s).") % {
            "date": set_on.isoformat()
        }
    one_year, three_years = years_after(set_on, 1), years_after(set_on, 3)
    if horizon == Horizon.SHORT and target_on > one_year:
        return _("A short-term goal is reached within a year: by %(date)s.") % {
            "date": one_year.isoformat()
        }
    if horizon == Horizon.MEDIUM and not one_year < target_on <= three_years:
        return _("A medium-term goal is reached in one to three years: after %(start)s and by "
                 "%(end)s.") % {"start": one_year.isoformat(), "end": three_years.isoformat()}
    if horizon == Horizon.LONG and target_on <= three_years:
        return _("A long-term goal is reached in more than three years: after %(date)s.") % {
            "date": three_years.isoformat()
        }
    return None


class CommunityGroup(models.Model):
    """A part of the community a partnership serves: residents, young people, commuters..."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    partners_customers = models.BooleanField(
        _("private partners' own customers"),
        default=False,
        help_text=_(
            "Marks a group made only of the private partners' own clients: a partnership cannot "
            "serve such groups alone."
        ),
    )

    class Meta:
        verbose_name = _("community group")
        verbose_name_plural = _("community groups")
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if (get_language() or "").startswith("fr") else self.name_en


class OwnedByBodyQuerySet(models.QuerySet):
    """Strategies and goals are public; only their owner body's coordinators change them."""

    owner_path = "owner"

    def restrict(self, user, action: str = Action.VIEW):
        if action == Action.VIEW or is_admin(user):
            return self
        body = public_body_id(user)
        if body is None:
            return self.none()
        return self.filter(**{f"{self.owner_path}_id": body})

    def may_create(self, user) -> bool:
        """A body's coordinators write under their own body (the service checks which)."""
        return is_admin(user) or public_body_id(user) is not None


class SafetyStrategy(models.Model):
    """A public body's local safety strategy: shared goals belong to one."""

    owner = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("owner body"),
        on_delete=models.PROTECT,
        related_name="strategies",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    territory = models.CharField(_("territory"), max_length=120)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = OwnedByBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("local safety strategy")
        verbose_name_plural = _("local safety strategies")
        ordering = ["-starts_on", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="strategy_ends_after_start",
                violation_error_message=_("A strategy cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:strategy_detail", args=[self.pk])

    def clean(self):
        if self.owner_id and self.owner.sector != Sector.PUBLIC:
            raise ValidationError({"owner": _("A local safety strategy belongs to a public body.")})


class GoalQuerySet(OwnedByBodyQuerySet):
    owner_path = "strategy__owner"


class Goal(models.Model):
    """A shared goal of a local safety strategy, which partnerships work towards."""

    strategy = models.ForeignKey(
        SafetyStrategy,
        verbose_name=_("strategy"),
        on_delete=models.PROTECT,
        related_name="goals",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(_("area"), max_length=30, choices=Area.choices)
    horizon = models.CharField(_("horizon"), max_length=10, choices=Horizon.choices)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    territory = models.CharField(_("territory"), max_length=120)
    target_on = models.DateField(
        _("target date"), null=True, blank=True,
        help_text=_("When the goal should be reached; it must agree with the horizon."),
    )
    community_groups = models.ManyToManyField(
        CommunityGroup, verbose_name=_("community groups"), blank=True, related_name="goals"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[community_groups])
    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared goal")
        verbose_name_plural = _("shared goals")
        ordering = ["priority", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__in=Area.values), name="goal_area_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(horizon__in=Horizon.values), name="goal_horizon_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(priority__in=Priority.values), name="goal_priority_valid"
            ),
        ]
        indexes = [models.Index(fields=["area", "horizon"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:goal_detail", args=[self.pk])

    @property
    def owner(self):
        return self.strategy.owner

    def clean(self):
        if self.target_on is None or self.horizon not in Horizon.values:
            return
        set_on = timezone.localdate(self.created_at) if self.created_at else timezone.localdate()
        message = horizon_problem(horizon=self.horizon, set_on=set_on, target_on=self.target_on)
        if message:
            raise ValidationError({"target_on": message})


class IndicatorQuerySet(OwnedByBodyQuerySet):
    owner_path = "goal__strategy__owner"


class Indicator(models.Model):
    """A measurable indicator of a goal: a baseline, a target and dated measurements."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_on = models.DateField(_("baseline date"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=IndicatorDirection.choices,
        default=IndicatorDirection.INCREASE,
    )

    history = HistoricalRecords()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["goal_id", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(baseline=models.F("target")),
                name="indicator_target_differs_from_baseline",
                violation_error_message=_("The target must differ from the baseline."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def get_absolute_url(self):
        return reverse("goals:goal_detail", args=[self.goal_id]) + f"#indicator-{self.pk}"

    def clean(self):
        if self.baseline is None or self.target is None or not self.direction:
            return
        if self.direction == IndicatorDirection.INCREASE and self.target < self.baseline:
            raise ValidationError(
                {"target": _("When higher is better, the target must be above the baseline.")}
            )
        if self.direction == IndicatorDirection.DECREASE and self.target > self.baseline:
            raise ValidationError(
                {"target": _("When lower is better, the target must be below the baseline.")}
            )

    def progress(self, value: Decimal | None) -> float | None:
        """Share of the way from baseline to target reached by ``value``, from 0 to 1."""
        if value is None or self.target == self.baseline:
            return None
        share = (value - self.baseline) / (self.target - self.baseline)
        return float(max(Decimal(0), min(Decimal(1), share)))


class MeasurementQuerySet(OwnedByBodyQuerySet):
    owner_path = "indicator__goal__strategy__owner"


class Measurement(models.Model):
    """A dated value of an indicator."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MeasurementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator_id", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="measurement_one_per_day",
                violation_error_message=_("This indicator already has a measurement on that date."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} ({self.measured_on})"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()

    def clean(self):
        # An indicator added on the same admin page is not saved yet, but its baseline is known.
        has_indicator = self.indicator_id or Measurement.indicator.is_cached(self)
        baseline_on = self.indicator.baseline_on if has_indicator else None
        if baseline_on and self.measured_on and self.measured_on < baseline_on:
            raise ValidationError(
                {"measured_on": _("A measurement cannot predate the indicator's baseline.")}
            )
        if self.measured_on and self.measured_on > timezone.localdate():
            raise ValidationError(
                {"measured_on": _("A measurement cannot be dated in the future.")}
            )
