"""Free-text search: PostgreSQL full-text search where available, a portable fallback elsewhere."""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

SEARCH_CONFIG = "simple"


def search_vector(*fields):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*fields, config=SEARCH_CONFIG)


def text_search(queryset, fields: tuple[str, ...], query: str):
    """Rows of ``queryset`` whose ``fields`` contain every word of ``query``.

    On PostgreSQL the match uses the same ``to_tsvector`` expression as the GIN index created
    by each app's search-index migration, so the index serves it.
    """
    query = " ".join(query.replace("\x00", " ").split())[:200]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        matches = (
            queryset.model._default_manager.alias(_search=search_vector(*fields))
            .filter(_search=SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch"))
            .values("pk")
        )
        sql, params = matches.query.sql_with_params()
        # OFFSET 0 stops PostgreSQL from folding the match into the page query: merged, it
        # walks the pages' id order computing to_tsvector row after row (seconds for a word
        # that is nowhere); apart, it collects the matches from the GIN index once. The SQL is
        # Django's own compilation, with the words still passed as parameters.
        return queryset.filter(pk__in=RawSQL(f"{sql} OFFSET 0", params))  # noqa: S611
    condition = Q()
    for word in query.split():
        word_matches = Q()
        for field in fields:
            word_matches |= Q(**{f"{field}__icontains": word})
        condition &= word_matches
    return queryset.filter(condition)
