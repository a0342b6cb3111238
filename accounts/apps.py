from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People's accounts: firm sign-up, e-mail confirmation, requests to join an organisation,
    and each person's own personal data (download and erasure).

    Other apps hold personal data of their own that accounts cannot know about, since it sits
    below them. An app takes part in the download and the erasure by defining, on its
    AppConfig, either or both of:

    ``personal_data(self, user) -> dict``
        What the app holds about ``user``, as JSON-ready values under keys of its own; they are
        added to the person's download after ``account`` and ``registration``.
    ``erase_personal_data(self, user) -> None``
        Blank what the app holds about ``user``. It runs inside the erasure's transaction,
        before the account's name and e-mail address are blanked, so it can still match them.
    """

    name = "accounts"
    verbose_name = _("Accounts")


def personal_data_hooks(name: str):
    """The ``name`` hook (see ``AccountsConfig``) of every installed app that defines it."""
    for config in apps.get_app_configs():
        hook = getattr(config, name, None)
        if callable(hook):
            yield hook
