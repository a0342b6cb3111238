"""Each user's own API tokens: list, create (the key is shown once), revoke.

Keys are stored hashed by knox; only the first characters (``token_key``) are kept in clear to
name a token. Administrators manage everyone's tokens in the admin (knox's ``AuthToken`` admin).
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .parsers import RegistryJSONParser

DEFAULT_EXPIRY_DAYS = 90
MAX_EXPIRY_DAYS = 365
MAX_TOKENS_PER_USER = 20


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuthToken
        fields = ["token_key", "created", "expiry"]
        read_only_fields = fields


class TokenCreateSerializer(serializers.Serializer):
    expiry_days = serializers.IntegerField(
        min_value=1, max_value=MAX_EXPIRY_DAYS, default=DEFAULT_EXPIRY_DAYS,
        help_text=_("Days until the token expires (1 to 365, 90 by default)."),
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

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuthToken.objects.none()
        return AuthToken.objects.filter(user=self.request.user).order_by("-created")

    @extend_schema(request=TokenCreateSerializer, responses={201: NewTokenSerializer})
    def create(self, request):
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            if self.get_queryset().count() >= MAX_TOKENS_PER_USER:
                raise serializers.ValidationError(
                    _("You already have %(count)s tokens: revoke one first.")
                    % {"count": MAX_TOKENS_PER_USER}
                )
            instance, key = AuthToken.objects.create(
                user=request.user,
                expiry=datetime.timedelta(days=serializer.validated_data["expiry_days"]),
            )
        data = NewTokenSerializer(instance).data
        data["token"] = key
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None})
    def destroy(self, request, token_key=None):
        deleted, _count = self.get_queryset().filter(token_key=token_key).delete()
        if not deleted:
            raise NotFound(_("You have no token with this key."))
        return Response(status=status.HTTP_204_NO_CONTENT)
