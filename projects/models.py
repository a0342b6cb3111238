from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.choices import VerificationStatus
from core.access import Action, is_admin, is_analyst, is_coordinator
from goals.choices import Area

from .choices import FINISHED_STATES, BudgetBand, ProjectState, Visibility


def is_network_member(user) -> bool:
    """Who reads the network's projects: coordinators and analysts of the network, and the
    people of verified organisations."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_admin(user) or is_coordinator(user) or is_analyst(user):
        return True
    organisation = getattr(user, "organisation", None)
    return bool(
        user.organisation_id and organisation.verification_status == VerificationStatus.VERIFIED
    )


class ProjectQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Public projects for everyone; network projects for the network; the rest for the
        organisation that runs them. Only the organisation's coordinators or representatives
        change them."""
        if is_admin(user):
            return self
        own = (
            models.Q(organisation_id=user.organisation_id)
            if user and user.is_authenticated and user.organisation_id
            else models.Q(pk__in=[])
        )
        if action == Action.VIEW:
            visible = models.Q(visibility=Visibility.PUBLIC) | own
            if is_network_member(user):
                visible |= models.Q(visibility=Visibility.NETWORK)
            return self.filter(visible)
        if self.may_create(user):
            return self.filter(own)
        return self.none()

    def may_create(self, user) -> bool:
        """A body's coordinators record its projects, a firm's or intermediary's
        representatives record theirs."""
        if is_admin(user):
            return True
        return bool(
            user and user.is_authenticated and user.organisation_id
            and (is_coordinator(user) or getattr(user, "is_firm_representative", False))
        )


class Project(models.Model):
    """A safety project that a public body, a firm or an intermediary runs or plans, shared with
    the network so that others can learn from it or join it."""

    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    area = models.CharField(_("area"), max_length=30, choices=Area.choices)
    territory = models.CharField(_("territory"), max_length=120)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=ProjectState.choices, default=ProjectState.PLANNED
    )
    community_groups = models.ManyToManyField(
        "goals.CommunityGroup", verbose_name=_("community groups served"), blank=True,
        related_name="projects",
    )
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals served"), blank=True, related_name="projects",
        help_text=_("For a public body: the goals of its own strategies the project serves."),
    )
    budget_band = models.CharField(
        _("budget"), max_length=12, choices=BudgetBand.choices, blank=True
    )
    partners = models.ManyToManyField(
        "actors.Organisation", verbose_name=_("partners already involved"), blank=True,
        related_name="projects_joined",
    )
    results = models.TextField(_("results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    visibility = models.CharField(
        _("who may read it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[community_groups, goals, partners])
    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-updated_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ProjectState.values), name="project_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=Visibility.values),
                name="project_visibility_valid",
            ),
        ]
        indexes = [models.Index(fields=["area", "territory"]), models.Index(fields=["visibility"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED_STATES
