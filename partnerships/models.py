import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import Action, is_admin, public_body_id

from .choices import (
    CLOSED_STATUSES,
    DOCUMENT_LANGUAGES,
    PUBLISHED_STATUSES,
    DocumentKind,
    DocumentVisibility,
    Role,
    RuleCategory,
    Status,
)
from .measures import ContributionMeasure


def partnership_access(user, action: str = Action.VIEW, path: str = "") -> models.Q | None:
    """The partnerships ``user`` may act on, as a condition on the partnership that ``path``
    leads to ("" for the partnerships themselves, "party__partnership__" from a contribution);
    None: every one. Published partnerships for all; drafts for their lead body, parties and
    admins.

    A party's own partnerships: the partnerships test an ``IN`` (PostgreSQL hashes the
    organisation's party rows once); related rows test an ``EXISTS`` on the partnership they
    join, so a page of them walks its own index (as an ``IN`` there, the planner hashed every
    row of the table and sorted them to keep one page: a second for an analyst's contributions
    at 100 000 partnerships, under a millisecond this way)."""
    if is_admin(user):
        return None
    body = public_body_id(user)
    if action != Action.VIEW:
        return models.Q(**{f"{path}pk__in": []} if body is None else {f"{path}lead_body_id": body})
    visible = models.Q(**{f"{path}status__in": PUBLISHED_STATUSES})
    if not (user and user.is_authenticated):
        return visible
    if body is not None:
        visible |= models.Q(**{f"{path}lead_body_id": body})
    if user.organisation_id:
        own = Party.objects.filter(organisation_id=user.organisation_id)
        visible |= (
            models.Q(pk__in=own.values("partnership_id")) if not path
            else models.Exists(own.filter(partnership=models.OuterRef(f"{path}pk")))
        )
    return visible


class PartnershipQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """The partnerships ``user`` may act on (``partnership_access``)."""
        condition = partnership_access(user, action)
        return self if condition is None else self.filter(condition)

    def may_create(self, user) -> bool:
        """A body's coordinators register partnerships their body leads (the service checks)."""
        return is_admin(user) or public_body_id(user) is not None

    def published(self):
        return self.filter(status__in=PUBLISHED_STATUSES)


class Partnership(models.Model):
    """An agreement between public and private actors around shared safety goals."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    lead_body = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("lead public body"),
        on_delete=models.PROTECT,
        related_name="led_partnerships",
    )
    territory = models.CharField(_("territory"), max_length=120)
    # The language its title, summary and rules are written in; blank: the registry's own
    # (OCDS_LANGUAGE).
    language = models.CharField(
        _("language"), max_length=8, choices=DOCUMENT_LANGUAGES, blank=True, default=""
    )
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals"), blank=True, related_name="partnerships"
    )
    community_groups = models.ManyToManyField(
        "goals.CommunityGroup",
        verbose_name=_("community groups served"),
        blank=True,
        related_name="partnerships",
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    next_review_on = models.DateField(_("next review on"), null=True, blank=True)
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True, editable=False)
    # Why it was last suspended, concluded or terminated: public, shown with the change.
    status_reason = models.TextField(_("reason for the status"), blank=True, editable=False)
    status_changed_on = models.DateField(
        _("status changed on"), null=True, blank=True, editable=False
    )
    # Confidential: never shown outside the lead body.
    internal_notes = models.TextField(_("internal notes"), blank=True)
    created_by = models.ForeignKey(
        "actors.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # On PostgreSQL, the words of the title, summary and territory, and the names of its
    # parties, goals and community groups, in French and in English: kept by triggers (see
    # the app's first migration), read by the search. Empty on other databases.
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(
        m2m_fields=[goals, community_groups], excluded_fields=["search_vector"]
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="partnership_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="partnership_ends_after_start",
                violation_error_message=_("A partnership cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["lead_body", "status"]),
            models.Index(fields=["next_review_on"]),
            # The figures across partnerships read these columns of every visible partnership;
            # on PostgreSQL they come from this narrow index alone (an index-only scan) instead
            # of the wide rows, which hold the summary and the search vector.
            models.Index(
                fields=["status", "territory", "starts_on", "created_at", "lead_body", "id"],
                name="partnership_figures",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:partnership_detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def clean(self):
        if self.lead_body_id and not self.lead_body.is_public_body:
            raise ValidationError({"lead_body": _("The lead body must be a public body.")})


class RestrictedByPartnershipQuerySet(models.QuerySet):
    partnership_path = "partnership"

    def restrict(self, user, action: str = Action.VIEW):
        condition = partnership_access(user, action, f"{self.partnership_path}__")
        return self if condition is None else self.filter(condition)

    def may_create(self, user) -> bool:
        """Adding one changes a partnership: whoever may register partnerships may try."""
        return Partnership.objects.may_create(user)


class Party(models.Model):
    """An organisation's place in a partnership: its role and written responsibilities."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="parties",
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="parties",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    responsibilities = models.TextField(
        _("responsibilities"), help_text=_("What this party undertakes to do, in plain words.")
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = RestrictedByPartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["partnership_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation", "role"],
                name="party_role_once",
                violation_error_message=_("This organisation already holds this role here."),
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(role=Role.LEAD_AUTHORITY),
                name="party_one_lead_authority",
                violation_error_message=_("A partnership has one lead authority."),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="party_role_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(responsibilities=""),
                name="party_responsibilities_written",
                violation_error_message=_("Write down this party's responsibilities."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"

    def get_absolute_url(self):
        return self.partnership.get_absolute_url() + f"#party-{self.pk}"

    def clean(self):
        from .policies import party_problems

        if self.organisation_id and self.role:
            problems = party_problems(organisation=self.organisation, role=self.role)
            if problems:
                raise ValidationError(problems)


class ContributionQuerySet(RestrictedByPartnershipQuerySet):
    partnership_path = "party__partnership"


class Contribution(ContributionMeasure):
    """What a party brings: money, people's time, expertise, things or data."""

    party = models.ForeignKey(
        Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="contributions"
    )

    history = HistoricalRecords()
    objects = ContributionQuerySet.as_manager()

    class Meta(ContributionMeasure.Meta):
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["party_id", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description or self.party}"


class Rule(models.Model):
    """A clause of the agreement, by category: the partnership's explicit rules."""

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="rules"
    )
    category = models.CharField(_("category"), max_length=30, choices=RuleCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))

    history = HistoricalRecords()
    objects = RestrictedByPartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["partnership_id", "category", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=RuleCategory.values), name="rule_category_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(text=""),
                name="rule_text_written",
                violation_error_message=_("A rule needs its text."),
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.title}"

    def get_absolute_url(self):
        return self.partnership.get_absolute_url() + f"#rule-{self.pk}"


class DocumentQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Public documents of published partnerships for all; the parties' documents for the
        parties' people; what a person filed, for them; everything for the lead body's
        coordinators and admins."""
        if is_admin(user):
            return self
        body = public_body_id(user)
        authenticated = bool(user and user.is_authenticated)
        if action == Action.VIEW:
            visible = models.Q(visibility=DocumentVisibility.PUBLIC,
                               partnership__status__in=PUBLISHED_STATUSES)
            if body is not None:
                visible |= models.Q(partnership__lead_body_id=body)
            if authenticated:
                # A party's person who files a document for the lead body alone still sees it.
                visible |= models.Q(uploaded_by=user)
            if authenticated and user.organisation_id:
                visible |= models.Q(
                    visibility__in=[DocumentVisibility.PUBLIC, DocumentVisibility.PARTIES],
                    partnership__in=Party.objects.filter(
                        organisation_id=user.organisation_id
                    ).values("partnership_id"),
                )
            return self.filter(visible)
        allowed = models.Q(pk__in=[])
        if body is not None:
            allowed |= models.Q(partnership__lead_body_id=body)
        if authenticated:
            allowed |= models.Q(uploaded_by=user)
        return self.filter(allowed)

    def may_create(self, user) -> bool:
        """The lead body's coordinators and the parties' people file documents (the service
        checks which partnership and which kind)."""
        return is_admin(user) or bool(
            user and user.is_authenticated and user.is_active and user.organisation_id
        )


def document_path(instance, filename):
    """Files are stored under a name the server makes; the uploader's name is only shown."""
    return f"partnerships/documents/{instance.uuid}.pdf"


class Document(models.Model):
    """A document of a partnership: the signed agreement, an amendment, minutes, a report."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    issued_on = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=8, choices=DOCUMENT_LANGUAGES)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=DocumentVisibility.choices,
        default=DocumentVisibility.PUBLIC,
    )
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    # Personal: never in public pages or open data.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["partnership_id", "-issued_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="document_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=DocumentVisibility.values),
                name="document_visibility_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:document_download", args=[self.uuid])
