"""The usual pages of a registry model, routed and named the same way in every app."""

from django.urls import path

# Where each action of a model lives, below the prefix of its pages.
COLLECTION_ROUTES = {"list": "", "create": "new/"}
OBJECT_ROUTE = "<int:pk>/"


def resource_paths(views, model, *actions, prefix=""):
    """Paths for `actions` of `model`, named `<model>_<action>` (as `<app>:<model>_<action>`).

    `list` lives at the prefix, `create` at `new/`, `detail` at `<pk>/` and any other action at
    `<pk>/<action>/` (underscores as hyphens). The view is `views.<model>_<action>`, or
    `<model>_<action>_view` where a list view leaves the plain name to its selector.
    """
    paths = []
    for action in actions:
        name = f"{model}_{action}"
        view = getattr(views, f"{name}_view", None) or getattr(views, name)
        if action in COLLECTION_ROUTES:
            route = COLLECTION_ROUTES[action]
        elif action == "detail":
            route = OBJECT_ROUTE
        else:
            route = f"{OBJECT_ROUTE}{action.replace('_', '-')}/"
        paths.append(path(prefix + route, view, name=name))
    return paths
