"""The country filters read ``UPPER(country)``, the expression the organisation index holds."""

import pytest
from django.db import connection

from actors.models import Organisation
from partnerships.filtersets import PartnershipFilterSet

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner"),
]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_partnership_country_filter_is_the_indexed_lookup():
    country = PartnershipFilterSet.base_filters["country"]

    assert (country.field_name, country.lookup_expr) == ("lead_body__country", "iexact")


def test_an_organisation_country_lookup_can_use_the_index():
    assert "organisation_country_upper" in _plan(
        Organisation.objects.filter(country__iexact="de").values("pk")
    )
