from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """The register of public and private safety projects that cities share, to learn from one
    another and find partners."""

    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from core.pagecache import bump_on_writes

        # What the public pages show: a write here changes them.
        bump_on_writes(self.get_models())
