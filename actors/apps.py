from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Actors")

    def ready(self):
        from core.pagecache import bump_on_writes

        # What the public pages show: a write here changes them.
        bump_on_writes(self.get_models())
