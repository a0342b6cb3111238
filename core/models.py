from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class TokenDetails(models.Model):
    """What knox's token does not record: its name, what it may do, and when it was last used.

    A token made before scopes existed has no details and keeps reading and writing."""

    token = models.OneToOneField(
        "knox.AuthToken", verbose_name=_("token"), on_delete=models.CASCADE, primary_key=True,
        related_name="details",
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=5, choices=TokenScope.choices,
                             default=TokenScope.READ)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("token details")
        verbose_name_plural = _("token details")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=TokenScope.values), name="token_scope_valid"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_scope_display()})"


