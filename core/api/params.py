"""Strict parsing of the query parameters the API itself defines (not the FilterSets' ones)."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

TRUE = {"true", "1"}
FALSE = {"false", "0"}


def parse_bool(params, name: str, *, default: bool) -> bool:
    raw = params.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValidationError({name: [_("Use true or false.")]})


def parse_int(params, name: str, *, default: int, minimum: int, maximum: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    # The length check comes first: converting a huge digit string is slow, and it is out of range.
    if raw.isascii() and raw.isdigit() and len(raw) <= len(str(maximum)):
        value = int(raw)
        if minimum <= value <= maximum:
            return value
    raise ValidationError(
        {name: [_("Use a whole number from %(min)s to %(max)s.") % {"min": minimum, "max": maximum}]}
    )
