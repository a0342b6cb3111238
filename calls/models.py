import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import Action, is_admin, is_analyst, public_body_id
from partnerships.choices import ContributionKind
from partnerships.measures import ContributionMeasure

from .choices import PUBLISHED_CALL_STATUSES, SENT_STATUSES, CallStatus, EoiStatus

# Long free texts are capped so that a form cannot be used to store megabytes.
LONG_TEXT = 5000


class CallQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Published calls for everyone; drafts and every change for the lead body only."""
        if is_admin(user):
            return self
        body = public_body_id(user)
        if action == Action.VIEW:
            visible = models.Q(status__in=PUBLISHED_CALL_STATUSES)
            if body is not None:
                visible |= models.Q(lead_body_id=body)
            return self.filter(visible)
        if body is None or action == Action.VERIFY:
            return self.none()
        return self.filter(lead_body_id=body)

    def may_create(self, user) -> bool:
        """A body's coordinators prepare its calls (the service checks which body)."""
        return is_admin(user) or public_body_id(user) is not None

    def accepting(self, now=None):
        """Calls a firm can answer right now."""
        now = now or timezone.now()
        return self.filter(
            status=CallStatus.OPEN, opens_on__lte=timezone.localdate(now), closes_at__gt=now
        )


class CallForPartners(models.Model):
    """A public body's invitation to private firms to offer their contribution to its goals."""

    lead_body = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("lead public body"),
        on_delete=models.PROTECT,
        related_name="calls_for_partners",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), validators=[MaxLengthValidator(LONG_TEXT)])
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals"), blank=True, related_name="calls_for_partners"
    )
    territory = models.CharField(_("territory"), max_length=120)
    contribution_kinds = models.JSONField(
        _("contribution kinds sought"),
        default=list,
        help_text=_("What the body hopes firms will bring: money, people's time, expertise..."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_at = models.DateTimeField(_("closes at"))
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT,
        editable=False,
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[goals])
    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for partners")
        verbose_name_plural = _("calls for partners")
        ordering = ["closes_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CallStatus.values), name="call_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "closes_at"]),
            models.Index(fields=["lead_body", "status"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("calls:call_detail", args=[self.pk])

    @property
    def is_accepting(self) -> bool:
        now = timezone.now()
        return (
            self.status == CallStatus.OPEN
            and self.opens_on <= timezone.localdate(now)
            and self.closes_at > now
        )

    def get_contribution_kinds_display(self) -> list[str]:
        return [ContributionKind(kind).label for kind in self.contribution_kinds]

    def clean(self):
        errors = {}
        if self.lead_body_id and not self.lead_body.is_public_body:
            errors["lead_body"] = _("A call for partners is published by a public body.")
        kinds = self.contribution_kinds
        if not isinstance(kinds, list) or not kinds:
            errors["contribution_kinds"] = _("Say which kinds of contribution you seek.")
        elif not set(kinds) <= set(ContributionKind.values):
            errors["contribution_kinds"] = _("Unknown kind of contribution.")
        else:
            self.contribution_kinds = [k for k in ContributionKind.values if k in kinds]
        if self.opens_on and self.closes_at and timezone.localdate(self.closes_at) < self.opens_on:
            errors["closes_at"] = _("A call cannot close before it opens.")
        if errors:
            raise ValidationError(errors)


class EoiQuerySet(models.QuerySet):
    def _personal(self, user) -> models.Q | None:
        """Who may read an expression of interest whole, contact details included:
        the firm that wrote it, and the coordinators of the body it was sent to."""
        conditions = []
        if user.is_firm_representative and user.organisation_id:
            conditions.append(models.Q(organisation_id=user.organisation_id))
        body = public_body_id(user)
        if body is not None:
            conditions.append(models.Q(public_body_id=body, status__in=SENT_STATUSES))
        if not conditions:
            return None
        condition = conditions[0]
        for other in conditions[1:]:
            condition |= other
        return condition

    def with_personal_data(self, user):
        if is_admin(user):
            return self
        if not (user and user.is_authenticated):
            return self.none()
        condition = self._personal(user)
        return self.filter(condition) if condition is not None else self.none()

    def restrict(self, user, action: str = Action.VIEW):
        """Firms see their own; coordinators what was sent to their body; analysts every
        submission (without personal data, which the pages and the API leave out)."""
        if is_admin(user):
            return self
        if not (user and user.is_authenticated):
            return self.none()
        if action == Action.VIEW and is_analyst(user):
            return self.filter(status__in=SENT_STATUSES)
        if action == Action.DELETE:
            if user.is_firm_representative and user.organisation_id:
                return self.filter(organisation_id=user.organisation_id, status=EoiStatus.DRAFT)
            return self.none()
        if action in (Action.VIEW, Action.CHANGE):
            return self.with_personal_data(user)
        return self.none()

    def may_create(self, user) -> bool:
        """Firms express their interest, through their representatives."""
        return is_admin(user) or bool(
            user and user.is_authenticated and user.is_firm_representative
            and user.organisation_id
        )


class ExpressionOfInterest(models.Model):
    """A firm's offer to contribute to a body's safety goals, on a call or spontaneous."""

    call = models.ForeignKey(
        CallForPartners,
        verbose_name=_("call for partners"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expressions_of_interest",
        help_text=_("Empty for a spontaneous expression of interest."),
    )
    public_body = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        related_name="received_expressions_of_interest",
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="expressions_of_interest",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("what you propose"), validators=[MaxLengthValidator(LONG_TEXT)]
    )
    expectations = models.TextField(
        _("what you expect from the partnership"),
        blank=True,
        validators=[MaxLengthValidator(LONG_TEXT)],
    )
    goals = models.ManyToManyField(
        "goals.Goal",
        verbose_name=_("goals of interest"),
        blank=True,
        related_name="expressions_of_interest",
    )
    community_groups = models.ManyToManyField(
        "goals.CommunityGroup",
        verbose_name=_("community groups you can reach"),
        blank=True,
        related_name="expressions_of_interest",
    )
    # Personal data: shown to the firm and the receiving body's coordinators only.
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consent_given_at = models.DateTimeField(
        _("consent to personal data processing given at"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=15, choices=EoiStatus.choices, default=EoiStatus.DRAFT,
        editable=False,
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        validators=[MaxLengthValidator(LONG_TEXT)],
        help_text=_("Shown to the firm."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    review_started_at = models.DateTimeField(_("review started at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("party in partnership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(
        m2m_fields=[goals, community_groups],
        excluded_fields=["contact_name", "contact_email", "contact_phone"],
    )
    objects = EoiQuerySet.as_manager()

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=EoiStatus.values), name="eoi_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=EoiStatus.DECLINED) | ~models.Q(decline_reason=""),
                name="eoi_declined_has_reason",
                violation_error_message=_("Give the firm the reason for declining."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=EoiStatus.DRAFT)
                | models.Q(consent_given_at__isnull=False),
                name="eoi_sent_with_consent",
                violation_error_message=_(
                    "Consent to the processing of the contact's personal data is required."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["public_body", "status"]),
            models.Index(fields=["organisation", "status"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("calls:eoi_detail", args=[self.pk])


class Offer(ContributionMeasure):
    """One thing a firm offers: money, people's time, expertise, things or data."""

    expression_of_interest = models.ForeignKey(
        ExpressionOfInterest,
        verbose_name=_("expression of interest"),
        on_delete=models.CASCADE,
        related_name="offers",
    )

    history = HistoricalRecords()

    class Meta(ContributionMeasure.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["expression_of_interest_id", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}" if self.description else (
            self.get_kind_display()
        )


class InternalCommentQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Review notes stay with the receiving body: never the firm, never analysts."""
        if is_admin(user):
            return self
        body = public_body_id(user)
        if body is None or action not in (Action.VIEW, Action.CHANGE):
            return self.none()
        return self.filter(expression_of_interest__public_body_id=body)


class InternalComment(models.Model):
    """A coordinator's review note on an expression of interest; never shown to the firm."""

    expression_of_interest = models.ForeignKey(
        ExpressionOfInterest,
        verbose_name=_("expression of interest"),
        on_delete=models.CASCADE,
        related_name="internal_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"), validators=[MaxLengthValidator(LONG_TEXT)])
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = InternalCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("internal comment")
        verbose_name_plural = _("internal comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


def attachment_path(instance, filename):
    """Files are stored under a name the server makes; the uploader's name is only shown."""
    return f"calls/attachments/{instance.uuid}.pdf"


class AttachmentQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Attachments may hold personal data: only those who see the contact details."""
        eois = ExpressionOfInterest.objects.with_personal_data(user)
        if action == Action.VIEW:
            return self.filter(expression_of_interest__in=eois)
        if action in (Action.CHANGE, Action.DELETE) and user.is_authenticated:
            if is_admin(user):
                return self
            if user.is_firm_representative and user.organisation_id:
                return self.filter(expression_of_interest__organisation_id=user.organisation_id)
        return self.none()


class Attachment(models.Model):
    """A PDF document attached to an expression of interest."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    expression_of_interest = models.ForeignKey(
        ExpressionOfInterest,
        verbose_name=_("expression of interest"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("calls:attachment_download", args=[self.uuid])
