from rest_framework.permissions import SAFE_METHODS, BasePermission


class RegistryPermission(BasePermission):
    """Reads are open (each queryset is restricted per user); writes need a signed-in user.
    Which objects a user may change is decided by ``restrict(user, action)`` and the services."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)
