from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Calls for partners")

    # Hooks of the personal-data download and the account erasure (see accounts.apps); they
    # import when called, as an AppConfig module is loaded before the models are.

    def personal_data(self, user) -> dict:
        from .selectors import personal_data

        return personal_data(user=user)

    def erase_personal_data(self, user) -> None:
        from .services import personal_data_erase

        personal_data_erase(user=user)
