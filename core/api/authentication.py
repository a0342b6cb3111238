from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``; keys are stored hashed and may expire."""

    def authenticate_credentials(self, token):
        try:
            return super().authenticate_credentials(token)
        except UnicodeDecodeError as error:
            # Header bytes arrive as Latin-1; a key is ASCII, so anything else is simply wrong.
            raise exceptions.AuthenticationFailed() from error
