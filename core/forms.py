"""Form pieces shared by every app's pages."""

from contextlib import contextmanager

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """A native date picker; the browser shows the date in the reader's locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RegistryForm(forms.Form):
    required_css_class = "required"


def _field_anchor(bound_field) -> str:
    widget = bound_field.field.widget
    if bound_field.use_fieldset or isinstance(widget, forms.MultiWidget):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def _form_errors(form, context: str = "") -> list[dict]:
    entries = []
    prefix = f"{context}: " if context else ""
    for message in form.non_field_errors():
        entries.append({"anchor": form.prefix or "", "message": prefix + message})
    for bound_field in form:
        for message in bound_field.errors:
            entries.append({
                "anchor": _field_anchor(bound_field),
                "message": f"{prefix}{bound_field.label}: {message}",
            })
    return entries


def error_summary(*items) -> list[dict]:
    """Every error of the given forms and formsets, each with the id of the field to jump to.

    A formset item is a pair ``(formset, row_label)``; its rows are numbered from 1.
    """
    entries = []
    for item in items:
        if isinstance(item, tuple):
            formset, row_label = item
            if not formset.is_bound:
                continue
            for message in formset.non_form_errors():
                entries.append({"anchor": f"{formset.prefix}-rows", "message": message})
            for number, form in enumerate(formset.forms, start=1):
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                entries.extend(_form_errors(form, f"{row_label} {number}"))
        elif isinstance(item, BaseFormSet):
            entries.extend(error_summary((item, _("Row"))))
        elif item is not None:
            entries.extend(_form_errors(item))
    return entries


def adapt_filter_form(form, *, hidden=()):
    """Make a FilterSet's form usable as a page form: checkboxes for short choice lists, date
    pickers with a name for each end of a range, and ``hidden`` filters kept as hidden inputs."""
    for name, field in form.fields.items():
        widget = field.widget
        if name in hidden:
            field.widget = (
                forms.MultipleHiddenInput()
                if isinstance(widget, forms.SelectMultiple) else forms.HiddenInput()
            )
        elif isinstance(widget, forms.SelectMultiple):
            field.widget = forms.CheckboxSelectMultiple(choices=widget.choices)
        elif isinstance(widget, forms.MultiWidget):
            for sub_widget, label in zip(widget.widgets, (_("from"), _("to")), strict=False):
                sub_widget.input_type = "date"
                sub_widget.attrs["aria-label"] = f"{field.label}: {label}"
        elif isinstance(widget, forms.NullBooleanSelect):
            # django-filter's own labels read "Unknown" where the filter is simply not applied.
            widget.choices = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
        elif name == "q":
            field.widget.input_type = "search"
    return form


def add_service_errors(form, error: ValidationError):
    """Put a service's refusal on the fields it names, or on the whole form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields and field != NON_FIELD_ERRORS else None
            form.add_error(target, errors)
    else:
        form.add_error(None, error)


@contextmanager
def errors_onto(form):
    """Run a service call; a ``ValidationError`` it raises becomes errors of ``form``."""
    try:
        yield
    except ValidationError as error:
        add_service_errors(form, error)


FIRST_YEAR, LAST_YEAR = 1900, 2200


def check_year(value):
    """Dates in the registry fall between 1900 and 2200: anything else is a typing slip (and
    year 9999 plus a time zone would overflow)."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Give a date between the years %(first)s and %(last)s."),
            code="year_out_of_range", params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class DateField(forms.DateField):
    default_validators = [check_year]


class DateTimeField(forms.DateTimeField):
    default_validators = [check_year]
