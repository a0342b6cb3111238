"""Free-text search: PostgreSQL full-text search where available, a portable fallback elsewhere."""

from django.db import connection
from django.db.models import Q

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

        return queryset.annotate(_search=search_vector(*fields)).filter(
            _search=SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        )
    condition = Q()
    for word in query.split():
        word_matches = Q()
        for field in fields:
            word_matches |= Q(**{f"{field}__icontains": word})
        condition &= word_matches
    return queryset.filter(condition)
