from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals and strategies")

    def ready(self):
        from core.pagecache import bump_on_writes

        # What the public pages show: a write here changes them.
        bump_on_writes(self.get_models())
