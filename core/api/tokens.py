"""Each user's own API tokens: list, create (the key is shown once), revoke; the API here and
the page ``accounts:token_list`` call the same services below.

Keys are stored hashed by knox; only the first characters (``token_key``) are kept in clear to
name a token. Each token has a name and a scope (``core.models.TokenDetails``): a read-only
token is refused every write (``core.api.authentication``). Analysts make read-only tokens
only. Administrators manage everyone's tokens in the admin (knox's ``AuthToken`` admin).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.access import is_admin, is_analyst, is_coordinator
from core.models import TokenDetails, TokenScope

from .parsers import RegistryJSONParser
from .serializers import RegistryModelSerializer

DEFAULT_EXPIRY_DAYS = 90
MAX_EXPIRY_DAYS = 365
MAX_TOKENS_PER_USER = 20


def token_scopes(user) -> list[str]:
    """The scopes ``user`` may give a token: analysts read only; whoever may write, both."""
    if is_analyst(user) and not (is_admin(user) or is_coordinator(user)):
        return [TokenScope.READ]
    return [TokenScope.READ, TokenScope.WRITE]


def user_tokens(*, user):
    """``user``'s tokens, newest first, with their details."""
    return (
        AuthToken.objects.filter(user=user).select_related("details").order_by("-created")
    )


def token_create(*, user, name: str, expiry_days: int = DEFAULT_EXPIRY_DAYS,
                 scope: str = TokenScope.READ) -> tuple[AuthToken, str]:
    """A new token for ``user`` and its key, which is not kept anywhere: show it once."""
    if scope not in token_scopes(user):
        raise PermissionDenied(_("You may only make read-only tokens."))
    if not 1 <= expiry_days <= MAX_EXPIRY_DAYS:
        raise ValidationError({"expiry_days": _("Choose between 1 and 365 days.")})
    with transaction.atomic():
        AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
        if AuthToken.objects.filter(user=user).select_for_update().count() >= MAX_TOKENS_PER_USER:
            raise ValidationError(
                _("You already have %(count)s tokens: revoke one first.")
                % {"count": MAX_TOKENS_PER_USER}
            )
        instance, key = AuthToken.objects.create(
            user=user, expiry=datetime.timedelta(days=expiry_days)
        )
        details = TokenDetails(token=instance, name=name.strip(), scope=scope)
        details.full_clean(exclude=["token"])
        details.save()
    return instance, key


def token_revoke(*, user, token_key: str) -> bool:
    """Revoke ``user``'s token named by ``token_key``; whether there was one."""
    deleted, _count = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return bool(deleted)


class StrictCharField(serializers.CharField):
    """Text only: a number or a list is refused rather than turned into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TokenSerializer(RegistryModelSerializer):
    name = serializers.CharField(source="details.name", read_only=True, default="")
    scope = serializers.ChoiceField(
        source="details.scope", choices=TokenScope.choices, read_only=True,
        default=TokenScope.WRITE,
    )
    last_used_at = serializers.DateTimeField(
        source="details.last_used_at", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = AuthToken
        fields = ["token_key", "name", "scope", "created", "expiry", "last_used_at"]
        read_only_fields = fields

    def to_representation(self, instance):
        # A token made before names and scopes has no details: it reads and writes.
        data = super().to_representation(instance)
        data["name"] = data.get("name") or ""
        data["scope"] = data.get("scope") or TokenScope.WRITE
        return data


class TokenCreateSerializer(serializers.Serializer):
    name = StrictCharField(
        max_length=100, default="API", help_text=_("What the token is for, to recognise it later."),
    )
    expiry_days = serializers.IntegerField(
        min_value=1, max_value=MAX_EXPIRY_DAYS, default=DEFAULT_EXPIRY_DAYS,
        help_text=_("Days until the token expires (1 to 365, 90 by default)."),
    )
    scope = serializers.ChoiceField(
        choices=TokenScope.choices, required=False,
        help_text=_("read: reads only, every write is refused (403); write: reads and writes. "
                    "Analysts make read-only tokens. By default the widest you may make."),
    )


class NewTokenSerializer(TokenSerializer):
    token = serializers.CharField(
        read_only=True, help_text=_("The key itself. It is shown only in this response.")
    )

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]
        read_only_fields = fields


class TokenViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Your own API tokens. Sign in to the site (or use an existing token) to manage them."""

    permission_classes = [IsAuthenticated]
    parser_classes = [RegistryJSONParser]
    serializer_class = TokenSerializer
    pagination_class = None
    lookup_field = "token_key"
    lookup_value_regex = "[^/]+"
    public_reads = False
    # A read-only token may still revoke a token of its user (its own, if it leaks).
    revocable_with_read_scope = True

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuthToken.objects.none()
        return user_tokens(user=self.request.user)

    @extend_schema(request=TokenCreateSerializer, responses={201: NewTokenSerializer})
    def create(self, request):
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.setdefault("scope", token_scopes(request.user)[-1])
        try:
            instance, key = token_create(user=request.user, **data)
        except PermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from error
        except ValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        data = NewTokenSerializer(user_tokens(user=request.user).get(pk=instance.pk)).data
        data["token"] = key
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None}, description=(
        "Revoke one of your tokens, at once. A token may revoke itself: sent with the token it "
        "names, this is how a script signs out, or how you stop a key that leaked; any token of "
        "yours may do it, a read-only one too."))
    def destroy(self, request, token_key=None):
        if not token_revoke(user=request.user, token_key=token_key):
            raise NotFound(_("You have no token with this key."))
        return Response(status=status.HTTP_204_NO_CONTENT)
