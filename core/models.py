"""What core itself stores: the keys that make retried writes safe, and what API tokens
are named and allowed to do."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

IDEMPOTENCY_KEY_TTL = datetime.timedelta(hours=24)


class IdempotencyKeyQuerySet(models.QuerySet):
    def live(self):
        return self.filter(created_at__gt=timezone.now() - IDEMPOTENCY_KEY_TTL)

    def expired(self):
        return self.filter(created_at__lte=timezone.now() - IDEMPOTENCY_KEY_TTL)


class IdempotencyKey(models.Model):
    """A write a client may send again: an API POST with an ``Idempotency-Key`` header, or a page
    form's one-time token. It is written in the write's own transaction, so after a crash there
    is either both the change and its key, or neither; a retry finds the key and gets the first
    answer (``status``, ``body``, ``location``) instead of a second change."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=2000)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the request's content.")
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    # The JSON text as sent, so that a replay has the same bytes (a JSON column may reorder keys).
    body = models.TextField(blank=True, default="")
    location = models.CharField(max_length=2000, blank=True)
    etag = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = IdempotencyKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_idempotency_key_per_user"),
        ]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"

    def get_absolute_url(self):
        return self.location

    @property
    def is_expired(self) -> bool:
        return self.created_at <= timezone.now() - IDEMPOTENCY_KEY_TTL


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


