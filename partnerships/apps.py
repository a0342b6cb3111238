from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from core.pagecache import bump_on_writes

        # What the public pages show: a write here changes them.
        bump_on_writes(self.get_models())
