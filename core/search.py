"""Free-text search: PostgreSQL full-text search where available, a portable fallback elsewhere.

On PostgreSQL a document is indexed twice, with the ``french_unaccent`` and the
``english_unaccent`` text search configurations (created by ``actors``' first migration: the
French or English stemmer behind the ``unaccent`` dictionary), and a query is parsed with both,
so that "mediation" finds "médiation" and "éclairages" finds "éclairage". Configurations are
written into the SQL as literals, never passed as parameters: the planner can then match the
query's expression with an index's, whether parameters are bound on the client or the server.

On other databases every word must appear, case and accents ignored, in one of the fields
(``fold``, registered as the SQL function ``efus_fold`` on SQLite connections).
"""

import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, TextField

SEARCH_CONFIGS = ("french_unaccent", "english_unaccent")
MAX_QUERY_LENGTH = 200


def fold(text: str | None) -> str | None:
    """``text`` in lower case without accents: "Médiation" -> "mediation"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Folded(Func):
    """``fold(expression)`` in SQL (the ``efus_fold`` function of SQLite connections)."""

    function = "efus_fold"
    output_field = TextField()


class SearchDocument(Func):
    """The ``tsvector`` of ``fields`` in every search configuration, concatenated.

    Built from column references and literals only, so the SQL of an expression index and of a
    query's filter are the same whatever the way parameters are bound."""

    def __init__(self, *fields: str):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(*(F(field) for field in fields), output_field=SearchVectorField())

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, part_params = compiler.compile(expression)
            parts.append(f"COALESCE({sql}, '')")
            params.extend(part_params)
        document = " || ' ' || ".join(parts)
        vectors = [f"to_tsvector('{config}'::regconfig, {document})" for config in SEARCH_CONFIGS]
        return f"({' || '.join(vectors)})", params * len(SEARCH_CONFIGS)


class Matches(Func):
    """``vector @@ query``, the query parsed (web search syntax) in every configuration."""

    output_field = BooleanField()

    def __init__(self, vector, query: str):
        self.words = query
        super().__init__(vector)

    def as_sql(self, compiler, connection, **extra_context):
        vector, params = compiler.compile(self.get_source_expressions()[0])
        queries = " || ".join(
            f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in SEARCH_CONFIGS
        )
        return f"{vector} @@ ({queries})", [*params, *[self.words] * len(SEARCH_CONFIGS)]


def clean_query(query: str) -> str:
    return " ".join(query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


RARE_MATCHES = 200


def _probed_search(queryset, matches):
    """Filter on ``matches``, after asking the GIN index whether the words are rare.

    PostgreSQL estimates that a word missing from its statistics' common words matches 0.5 %
    of rows; for a page in id order it then walks the primary key, testing row after row, which
    reads the whole table when the word is in a handful of rows (a name, a place). So a first,
    unordered query takes up to RARE_MATCHES + 1 matching ids: for a rare word it reads them
    from the index and the page filters on those ids; for a common word it stops after a few
    hundred rows and the page keeps the plain filter, which finds its rows early on (collecting
    every match first, as a subquery would, means testing them all: seconds for a word of most
    of 100 000 rules).
    """
    found = list(
        queryset.model._default_manager.filter(matches).order_by().values_list("pk", flat=True)[
            : RARE_MATCHES + 1
        ]
    )
    if len(found) <= RARE_MATCHES:
        return queryset.filter(pk__in=found)
    return queryset.filter(matches)


def text_search(queryset, fields: tuple[str, ...], query: str, stored_vector: str | None = None):
    """Rows of ``queryset`` whose ``fields`` contain every word of ``query``.

    On PostgreSQL the match reads ``stored_vector`` (a ``tsvector`` column kept by the database,
    see ``partnerships``' first migration) when the model has one, or else computes
    ``SearchDocument(*fields)``, the very expression of the GIN index that each app's search
    index migration creates. ``fields`` may follow relations (``parties__organisation__name``):
    the fallback then looks through a subquery, so rows are never repeated.
    """
    query = clean_query(query)
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        document = F(stored_vector) if stored_vector else SearchDocument(*fields)
        return _probed_search(queryset, Matches(document, query))
    model = queryset.model
    condition = Q()
    for word in query.split():
        word = fold(word)
        word_matches = Q()
        for field in fields:
            if "__" in field:
                related = model._default_manager.alias(_folded=Folded(field)).filter(
                    _folded__contains=word
                )
                word_matches |= Q(pk__in=related.values("pk"))
            else:
                alias = f"_folded_{field}"
                queryset = queryset.alias(**{alias: Folded(field)})
                word_matches |= Q(**{f"{alias}__contains": word})
        condition &= word_matches
    return queryset.filter(condition)


def name_contains(queryset, field: str, text: str):
    """Rows whose ``field`` contains ``text``, even part of a word, case and accents aside: what
    a picker needs while one types a name."""
    text = fold(clean_query(text))
    if connection.vendor == "postgresql":
        return queryset.filter(**{f"{field}__unaccent__icontains": text})
    return queryset.alias(_folded=Folded(field)).filter(_folded__contains=text)
