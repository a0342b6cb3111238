from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.access import Action, may


class RegistryPermission(BasePermission):
    """Reads are open (each queryset is restricted per user); writes need a signed-in user.

    On one object, ``PUT``, ``PATCH`` and ``DELETE`` need ``may(user, action, obj)``. The services
    check again, but asking here keeps the browsable API from offering an edit form, pre-filled
    with the object, to someone who may only read it. Other writes on an object (a transition, a
    verification, a review decision) are decided by their own actions and services."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in ("PUT", "PATCH"):
            return may(request.user, Action.CHANGE, obj)
        if request.method == "DELETE":
            return may(request.user, getattr(view, "destroy_action", Action.CHANGE), obj)
        return True
