"""Driving the Django admin as a browser would: read a page's forms, post them back changed."""

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def admin_url(model, view: str, *args) -> str:
    return reverse(admin_urlname(model._meta, view), args=args)


def admin_as(client, user, *codenames):
    """Sign ``user`` in to the admin as staff holding the model permissions ``codenames``."""
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def _values(form) -> dict:
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, list | tuple):
            value = [str(item) for item in value]
        else:
            value = str(value)
        data[bound.html_name] = value
    return data


def form_data(response) -> dict:
    """What the change or add page in ``response`` would post back if saved untouched."""
    data = _values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(_values(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(_values(form))
    return data


def add_form(client, model, **fields) -> dict:
    """The add page of ``model`` as it would be posted with ``fields`` filled in."""
    data = form_data(client.get(admin_url(model, "add")))
    data.update({key: str(value) for key, value in fields.items()})
    return data


def add_row(data: dict, prefix: str, **fields) -> dict:
    """Fill one more row of the inline formset ``prefix``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value if isinstance(value, list) else str(value)
    return data


def errors_of(response) -> list[str]:
    """Every error the re-displayed admin page shows: fields, rows and whole formsets."""
    errors = [str(e) for field_errors in response.context["adminform"].form.errors.values()
              for e in field_errors]
    for inline in response.context["inline_admin_formsets"]:
        errors.extend(str(e) for e in inline.formset.non_form_errors())
        for form_errors in inline.formset.errors:
            errors.extend(str(e) for field_errors in form_errors.values() for e in field_errors)
    return errors


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def run_action(client, model, action: str, *objects, **extra):
    """Apply the change-list action ``action`` to ``objects`` (``extra``: what its confirmation
    page asks, such as a reason)."""
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [str(obj.pk) for obj in objects], **extra},
    )


def change_list_at_3_then_30_rows(client, model, factory, assert_num_queries):
    """Load ``model``'s change list with 3 rows, then with 30 under the same query budget."""
    url = admin_url(model, "changelist")
    factory.create_batch(3)
    client.get(url)
    with CaptureQueriesContext(connection) as three_rows:
        assert client.get(url).status_code == 200
    factory.create_batch(27)
    with assert_num_queries(len(three_rows)):
        return client.get(url)


def change_lists_cost_the_same_for_3_and_30_rows(*cases):
    """The test that the change list of each ``(model, factory)`` in ``cases`` shows every row
    and costs as many queries with 30 rows as with 3; a test module binds it to a test name."""

    @pytest.mark.parametrize(("model", "factory"), cases)
    def test(admin_client, django_assert_num_queries, model, factory):
        response = change_list_at_3_then_30_rows(admin_client, model, factory,
                                                 django_assert_num_queries)

        assert response.context["cl"].result_count == model.objects.count()

    return test
