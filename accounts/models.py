from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A firm representative's self-registration: whether their e-mail address is confirmed,
    and the organisation they asked to join, until one of its representatives accepts them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="registration",
    )
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    requested_organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("asks to join"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return str(self.user)

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None
