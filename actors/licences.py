"""Licences of private security companies: the authorisation a national regulator gives a firm
to provide security services. A scheme names the regulator; where its number format is known
the number is checked."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .identifiers import pattern_check, scheme_error


@dataclass(frozen=True)
class LicenceScheme:
    code: str
    label: str
    pattern: str | None = None
    message: str = ""

    @property
    def check(self):
        return pattern_check(self.pattern, self.message) if self.pattern else None


LICENCE_SCHEMES = {
    scheme.code: scheme
    for scheme in [
        LicenceScheme(
            "FR-CNAPS",
            "France: CNAPS authorisation to operate (autorisation d'exercer)",
            r"AUT-\d{3}-\d{4}-\d{2}-\d{2}-\d{11}",
            _("A CNAPS authorisation reads AUT-, the département and four groups of digits, "
              "e.g. AUT-093-2118-05-28-20190359478."),
        ),
        LicenceScheme(
            "GB-SIA",
            "United Kingdom: Security Industry Authority licence",
            r"\d{16}",
            _("An SIA licence number has 16 digits."),
        ),
        LicenceScheme("OTHER", "Other national regulator (format not checked)"),
    ]
}

LICENCE_SCHEME_CHOICES = [(code, scheme.label) for code, scheme in LICENCE_SCHEMES.items()]


def normalise_licence_number(scheme: str, value: str) -> str:
    value = (value or "").strip().upper()
    if scheme == "GB-SIA":
        value = re.sub(r"[\s-]", "", value)
    return value


def licence_number_error(scheme: str, value: str) -> str | None:
    """Why ``value`` is not a licence number of ``scheme``, or None."""
    return scheme_error(LICENCE_SCHEMES, scheme, value, unknown=_("Unknown licence scheme."),
                        missing=_("Give the licence number."))
