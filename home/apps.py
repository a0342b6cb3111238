from django.apps import AppConfig


class HomeConfig(AppConfig):
    """What composes the domain apps: the home pages, the coordinator's dashboard, the
    language switch and the demo data. It may import every app; only the URL conf imports it."""

    name = "home"
    verbose_name = "Home pages and demo data"
