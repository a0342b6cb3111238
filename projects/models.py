from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actors.choices import VerificationStatus
from core.access import Action, is_admin, is_analyst, is_coordinator, public_body_id
from goals.choices import Area
from partnerships.choices import ContributionKind
from partnerships.measures import ContributionMeasure

from .choices import FINISHED_STATES, BudgetBand, Magnitude, ProjectState, SuggestionKind, Visibility


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


class OwnedByOrganisationQuerySet(models.QuerySet):
    """Objects an organisation owns: readable as ``readable`` says, changed only by the
    organisation's own people when ``may_create`` lets them write at all."""

    def readable(self, user) -> models.Q:
        raise NotImplementedError

    def restrict(self, user, action: str = Action.VIEW):
        if is_admin(user):
            return self
        own = (
            models.Q(organisation_id=user.organisation_id)
            if user and user.is_authenticated and user.organisation_id
            else models.Q(pk__in=[])
        )
        if action == Action.VIEW:
            return self.filter(self.readable(user) | own)
        if self.may_create(user):
            return self.filter(own)
        return self.none()


class ProjectQuerySet(OwnedByOrganisationQuerySet):
    """Public projects for everyone; network projects for the network; the rest for the
    organisation that runs them. Only the organisation's coordinators or representatives
    change them."""

    def readable(self, user) -> models.Q:
        visible = models.Q(visibility=Visibility.PUBLIC)
        if is_network_member(user):
            visible |= models.Q(visibility=Visibility.NETWORK)
        return visible

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
        indexes = [
            models.Index(fields=["area", "territory"]),
            models.Index(fields=["visibility"]),
            # The cooperation finder matches territories whatever their case.
            models.Index(Lower("territory"), name="project_territory_lower"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED_STATES


class NeedQuerySet(models.QuerySet):
    """Needs are read by everyone who reads goals; the goal's owner body writes them."""

    def restrict(self, user, action: str = Action.VIEW):
        if action == Action.VIEW or is_admin(user):
            return self
        from_body = public_body_id(user)
        if from_body is None:
            return self.none()
        return self.filter(goal__strategy__owner_id=from_body)

    def may_create(self, user) -> bool:
        return is_admin(user) or public_body_id(user) is not None


class Need(models.Model):
    """What a goal lacks, so that partners answer a need rather than a guess."""

    goal = models.ForeignKey(
        "goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="needs"
    )
    kind = models.CharField(_("contribution sought"), max_length=20,
                            choices=ContributionKind.choices)
    magnitude = models.CharField(_("order of magnitude"), max_length=10, choices=Magnitude.choices,
                                 default=Magnitude.MEDIUM)
    territory = models.CharField(_("territory"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_open = models.BooleanField(_("still open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["goal_id", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ContributionKind.values),
                                   name="need_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description or self.goal}"

    def get_absolute_url(self):
        return reverse("projects:goal_cooperation", args=[self.goal_id])


class OfferQuerySet(OwnedByOrganisationQuerySet):
    """Standing offers of verified organisations are read by everyone; the organisation's
    people write them."""

    def readable(self, user) -> models.Q:
        return models.Q(organisation__verification_status=VerificationStatus.VERIFIED)

    def may_create(self, user) -> bool:
        """Firms' and intermediaries' representatives state what their organisation offers."""
        return is_admin(user) or bool(
            user and user.is_authenticated and user.organisation_id
            and getattr(user, "is_firm_representative", False)
        )


class ContributionOffer(ContributionMeasure):
    """What a firm or an intermediary can bring, standing: the kind and measure of the
    contribution, in which areas and territory, and what it expects in return."""

    organisation = models.ForeignKey(
        "actors.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="contribution_offers",
    )
    area = models.CharField(_("area"), max_length=30, choices=Area.choices, blank=True,
                            help_text=_("The goal area the offer serves; empty for any."))
    territory = models.CharField(_("territory"), max_length=120,
                                 help_text=_("Where the organisation can act."))
    magnitude = models.CharField(_("capacity"), max_length=10, choices=Magnitude.choices,
                                 default=Magnitude.MEDIUM)
    expectations = models.TextField(_("what it expects in return"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = OfferQuerySet.as_manager()

    class Meta(ContributionMeasure.Meta):
        verbose_name = _("contribution offer")
        verbose_name_plural = _("contribution offers")
        ordering = ["organisation_id", "id"]

    def __str__(self):
        return f"{self.organisation}: {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("projects:offer_list")


class Invitation(models.Model):
    """A public body's invitation to an organisation to answer one of its calls."""

    call = models.ForeignKey("calls.CallForPartners", verbose_name=_("call for partners"),
                             on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey("actors.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="invitations")
    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("invited by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation"],
                                    name="invitation_once_per_call"),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.call}"

    def get_absolute_url(self):
        return self.call.get_absolute_url()


class Dismissal(models.Model):
    """A suggestion a coordinator set aside for a goal: it stays out of the goal's suggestions."""

    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE,
                             related_name="dismissals")
    kind = models.CharField(_("kind"), max_length=12, choices=SuggestionKind.choices)
    target_id = models.PositiveBigIntegerField(_("suggested object"))
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dismissed by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "kind", "target_id"],
                                    name="dismissal_once_per_goal"),
        ]

    def __str__(self):
        return f"{self.goal}: {self.kind} #{self.target_id}"


class DigestSubscription(models.Model):
    """A person who asked for a weekly e-mail of the new suggestions for their organisation."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                                on_delete=models.CASCADE, related_name="suggestion_digest")
    is_active = models.BooleanField(_("active"), default=True)
    last_sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest of suggestions")
        verbose_name_plural = _("digests of suggestions")
        ordering = ["user_id"]

    def __str__(self):
        return str(self.user)
