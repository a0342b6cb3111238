"""Organisation identifiers in the org-id.guide style: a scheme and an identifier in it.

Where a scheme's format is known the identifier is checked; local schemes (not listed on
org-id.guide) are accepted and flagged as local.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _siren_or_siret(value: str) -> str | None:
    if not re.fullmatch(r"\d{9}|\d{14}", value):
        return _("A SIREN has 9 digits and a SIRET 14 digits.")
    if not luhn_ok(value):
        return _("This SIREN/SIRET fails its check key: please check for a typing error.")
    return None


def _lei(value: str) -> str | None:
    if not re.fullmatch(r"[0-9A-Z]{18}\d{2}", value):
        return _("A Legal Entity Identifier has 20 characters: 18 letters or digits then 2 digits.")
    numeric = "".join(str(int(char, 36)) for char in value)
    if int(numeric) % 97 != 1:
        return _("This Legal Entity Identifier fails its check digits.")
    return None


def pattern_check(regex: str, message) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if re.fullmatch(regex, value) else message

    return check


@dataclass(frozen=True)
class Scheme:
    code: str
    label: str
    check: Callable[[str], str | None] | None = None
    local: bool = False


SCHEMES = {
    scheme.code: scheme
    for scheme in [
        Scheme("FR-RCS", "France: SIREN/SIRET (Registre du commerce et des sociétés)", _siren_or_siret),
        Scheme(
            "FR-RNA",
            "France: Répertoire national des associations (local scheme)",
            pattern_check(r"W\d{9}", _("An RNA number is a W followed by 9 digits.")),
            local=True,
        ),
        Scheme(
            "GB-COH",
            "United Kingdom: Companies House",
            pattern_check(
                r"(\d{8}|[A-Z]{2}\d{6})",
                _("A Companies House number has 8 digits, or 2 letters and 6 digits."),
            ),
        ),
        Scheme(
            "GB-LAE",
            "United Kingdom: Local authorities (England)",
            pattern_check(r"[A-Z]{3,4}", _("A GB-LAE code has 3 or 4 capital letters.")),
        ),
        Scheme(
            "GB-CHC",
            "United Kingdom: Charity Commission (England and Wales)",
            pattern_check(r"\d{6,7}", _("A charity number has 6 or 7 digits.")),
        ),
        Scheme(
            "DE-CR",
            "Germany: Commercial register (Handelsregister)",
            pattern_check(
                r"[A-Za-zÄÖÜäöüß .\-]+ (HRA|HRB|GnR|PR|VR) \d{1,6}( ?[A-Z]{1,2})?",
                _("A German register entry reads: court, register type and number, "
                  "e.g. 'Berlin HRB 12345'."),
            ),
        ),
        Scheme(
            "BE-BCE_KBO",
            "Belgium: Crossroads Bank for Enterprises",
            pattern_check(r"[01]\d{9}", _("A Belgian enterprise number has 10 digits.")),
        ),
        Scheme(
            "NL-KVK",
            "Netherlands: Chamber of Commerce",
            pattern_check(r"\d{8}", _("A KvK number has 8 digits.")),
        ),
        Scheme(
            "ES-DIR3",
            "Spain: Common directory of public administration units",
            pattern_check(r"[A-Z]\d{8}|[A-Z]{2}\d{7}", _("A DIR3 code has 9 characters.")),
        ),
        Scheme(
            "IT-IPA",
            "Italy: Public administration index",
            pattern_check(r"[a-z0-9_]{2,20}", _("An IPA code is 2 to 20 lower-case letters or digits.")),
        ),
        Scheme("XI-LEI", "Global Legal Entity Identifier", _lei),
        Scheme(
            "XX-LOCAL",
            "Other local scheme (not on org-id.guide)",
            pattern_check(r"[A-Za-z0-9 ./_\-]{1,64}", _("Use letters, digits, spaces and . / _ -.")),
            local=True,
        ),
    ]
}

SCHEME_CHOICES = [(code, scheme.label) for code, scheme in SCHEMES.items()]


def normalise_identifier(scheme: str, value: str) -> str:
    value = (value or "").strip()
    if scheme in {"FR-RCS", "BE-BCE_KBO"}:
        value = re.sub(r"[\s.]", "", value)
    elif scheme in {"GB-COH", "XI-LEI", "GB-LAE", "FR-RNA", "ES-DIR3"}:
        value = value.replace(" ", "").upper()
    return value


def scheme_error(schemes: dict, scheme: str, value: str, *, unknown, missing) -> str | None:
    """Why ``value`` is not valid in ``scheme``, one of ``schemes`` (which have a ``check``), or
    None: ``unknown`` where the scheme is not one of them, ``missing`` where there is no value."""
    known = schemes.get(scheme)
    if known is None:
        return unknown
    if not value:
        return missing
    return known.check(value) if known.check else None


def identifier_error(scheme: str, value: str) -> str | None:
    """The message explaining why ``value`` is not a valid identifier in ``scheme``, or None."""
    return scheme_error(SCHEMES, scheme, value, unknown=_("Unknown identifier scheme."),
                        missing=_("Give the organisation's identifier in this scheme."))
