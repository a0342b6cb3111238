from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.access import Action, is_admin

from .choices import DeliveryStatus


class NotificationQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """Notifications hold personal data and are read in the admin only."""
        return self if is_admin(user) else self.none()

    def due(self, now=None):
        """Pending, its time come, and not claimed by a delivery in progress (or its claim ran
        out: the delivery died, and the row is sent again with the same Message-ID)."""
        now = now or timezone.now()
        return self.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
            models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lte=now)
        )


class Notification(models.Model):
    """An e-mail the registry owes someone: the outbox.

    It is written in the same transaction as the change that causes it and delivered
    afterwards by a task, so that an unreachable broker or a dead worker loses nothing.
    """

    key = models.CharField(
        _("key"),
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Set for notifications that must exist once only, such as reminders."),
    )
    kind = models.CharField(_("kind"), max_length=50)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    to_email = models.EmailField(pgettext_lazy("e-mail recipient", "to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    claimed_until = models.DateTimeField(
        _("claimed until"),
        null=True,
        blank=True,
        help_text=_("A delivery is sending it; past this time it is tried again."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=DeliveryStatus.values),
                name="notification_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=DeliveryStatus.SENT) | models.Q(sent_at__isnull=False),
                name="notification_sent_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} → {self.to_email} ({self.get_status_display()})"

    @property
    def message_id(self) -> str:
        """The same for every attempt, so a mail sent again is recognised as the same mail."""
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "efus-ppp.localhost"
        return f"<notification-{self.pk}@{domain}>"


class LanguagePreference(models.Model):
    """The language a person reads their e-mails in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="language_preference",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("language preference")
        verbose_name_plural = _("language preferences")
        ordering = ["user_id"]

    def __str__(self):
        return f"{self.user}: {self.language}"
