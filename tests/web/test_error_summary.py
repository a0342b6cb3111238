from django import forms
from django.forms import formset_factory

from core.forms import error_summary


class RowForm(forms.Form):
    name = forms.CharField(max_length=3)


RowFormSet = formset_factory(RowForm, can_delete=True, extra=1)


def test_an_unbound_formset_has_nothing_to_summarise():
    assert error_summary((RowFormSet(prefix="rows"), "Row")) == []


def test_deleted_rows_are_left_out_and_the_others_point_at_their_field():
    data = {
        "rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "0",
        "rows-0-name": "too long", "rows-0-DELETE": "on",
        "rows-1-name": "also too long",
    }
    entries = error_summary((RowFormSet(data, prefix="rows"), "Row"))
    assert len(entries) == 1
    assert entries[0]["message"].startswith("Row 2: ")
    assert entries[0]["anchor"] == "id_rows-1-name"
