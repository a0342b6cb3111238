"""The benchmark's baseline: what the API answers an anonymous client or an analyst, each
response built from one raw psycopg query and written by orjson (as fast as Python serves JSON).

No Django, no framework: a WSGI callable with one connection per worker thread (gunicorn's
gthread workers, as the app is served). It serves, as the benchmark asks of both servers:

- ``GET /api/v1/partnerships/`` with ``cursor``, ``status``, ``country`` and ``q``;
- a partnership's detail ``/api/v1/partnerships/<id>/``;
- the first pages of ``/api/v1/organisations/``, ``/api/v1/goals/``, ``/api/v1/rules/`` and
  ``/api/v1/contributions/``.

A request with ``Authorization: Token <key>`` of an active analyst's unexpired token is answered
as the API answers that analyst (published partnerships and those their organisation is a
party to; every organisation): the token is checked inside the page's own query (a ``WITH``
clause), so it costs no extra round trip. Any other request is answered as anonymous. A search
first asks the index for up to 201 matching ids, as the API does (``core.search``): that is
the one route that sends two queries.

``bench/run.py`` checks that both servers answer the same bytes before measuring anything;
``tests/api/test_bench.py`` checks it too, on PostgreSQL.

Run: ``BENCH_DATABASE_URL=postgres://... gunicorn --chdir bench baseline:application``.
"""

import base64
import datetime
import hashlib
import json
import os
import re
import threading
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

import orjson
import psycopg

PAGE_SIZE = 50
RARE_MATCHES = 200  # core.search: a word in fewer rows than this is found through its ids
PUBLISHED = ["active", "suspended", "concluded", "terminated"]
STATUSES = {"draft", "negotiation", *PUBLISHED}
TIME_ZONE = ZoneInfo(os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris"))
PATH = "/api/v1/partnerships/"
DETAIL = re.compile(r"^/api/v1/partnerships/(\d+)/$")
TOKEN_KEY_LENGTH = 15  # knox keeps the first characters of a key in clear

# The reader of a request with a token: an active analyst's organisation, if the key is valid.
READER = """WITH reader AS (
    SELECT u.organisation_id FROM knox_authtoken t JOIN actors_user u ON u.id = t.user_id
     WHERE t.token_key = %s AND t.digest = %s AND (t.expiry IS NULL OR t.expiry > now())
       AND u.is_active AND u.function = 'analyst')
"""
# Partnerships a reader sees: the published ones, and those their organisation is a party to.
# Written as EXISTS, PostgreSQL walks the rules' or contributions' primary key to a first page
# (2 to 4 ms); written as "id IN (<parties>)", it hashes every row first (0.6 to 1 s).
VISIBLE = """(p.status = ANY(%s) OR EXISTS (
    SELECT 1 FROM partnerships_party v
     WHERE v.partnership_id = p.id AND v.organisation_id IN (SELECT organisation_id FROM reader)))"""

SELECT = """
SELECT p.id, p.title, p.status, p.territory, p.starts_on, p.ends_on, p.next_review_on,
       p.activated_at, p.created_at, p.updated_at,
       o.id, o.name, o.sector, o.kind, o.country,
       (SELECT count(*) FROM partnerships_party x WHERE x.partnership_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'id', g.id, 'title', g.title, 'area', g.area, 'horizon', g.horizon,
                   'priority', g.priority) ORDER BY g.priority, g.title, g.id), '[]')
          FROM partnerships_partnership_goals pg JOIN goals_goal g ON g.id = pg.goal_id
         WHERE pg.partnership_id = p.id)::text,
       (SELECT coalesce(json_agg(json_build_object(
                   'code', c.code, 'name_en', c.name_en, 'name_fr', c.name_fr)
                   ORDER BY c.name_en, c.id), '[]')
          FROM partnerships_partnership_community_groups pc
          JOIN goals_communitygroup c ON c.id = pc.communitygroup_id
         WHERE pc.partnership_id = p.id)::text
  FROM partnerships_partnership p JOIN actors_organisation o ON o.id = p.lead_body_id
 WHERE {where}
 ORDER BY p.id {direction}
 LIMIT %s
"""
SEARCH = """
p.search_vector @@ (websearch_to_tsquery('french_unaccent'::regconfig, %s)
                    || websearch_to_tsquery('english_unaccent'::regconfig, %s))
"""
PROBE = f"""
SELECT p.id FROM partnerships_partnership p WHERE {SEARCH} LIMIT {RARE_MATCHES + 1}
"""

GOALS_SQL = """(SELECT coalesce(json_agg(json_build_object(
                   'id', g.id, 'title', g.title, 'area', g.area, 'horizon', g.horizon,
                   'priority', g.priority) ORDER BY g.priority, g.title, g.id), '[]')
          FROM partnerships_partnership_goals pg JOIN goals_goal g ON g.id = pg.goal_id
         WHERE pg.partnership_id = p.id)"""
ORGANISATION_JSON = """json_build_object('id', o.id, 'name', o.name, 'sector', o.sector,
                                 'kind', o.kind, 'country', o.country)"""
DETAIL_SQL = f"""
SELECT p.id, p.title, p.status, p.territory, p.starts_on, p.ends_on, p.next_review_on,
       p.activated_at, p.created_at, p.updated_at, p.summary, p.language, p.status_reason,
       p.status_changed_on, {ORGANISATION_JSON}, {GOALS_SQL},
       (SELECT coalesce(json_agg(json_build_object(
                   'code', c.code, 'name_en', c.name_en, 'name_fr', c.name_fr)
                   ORDER BY c.name_en, c.id), '[]')
          FROM partnerships_partnership_community_groups pc
          JOIN goals_communitygroup c ON c.id = pc.communitygroup_id
         WHERE pc.partnership_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'id', x.id,
                   'organisation', {ORGANISATION_JSON},
                   'role', x.role, 'responsibilities', x.responsibilities,
                   'joined_on', x.joined_on,
                   'contributions', (SELECT coalesce(json_agg(json_build_object(
                           'id', c.id, 'kind', c.kind, 'description', c.description,
                           'amount', c.amount::text, 'currency', c.currency,
                           'person_days', c.person_days::text) ORDER BY c.id), '[]')
                      FROM partnerships_contribution c WHERE c.party_id = x.id))
                   ORDER BY x.id), '[]')
          FROM partnerships_party x JOIN actors_organisation o ON o.id = x.organisation_id
         WHERE x.partnership_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'id', r.id, 'category', r.category, 'title', r.title, 'text', r.text)
                   ORDER BY r.category, r.id), '[]')
          FROM partnerships_rule r WHERE r.partnership_id = p.id)
  FROM partnerships_partnership p JOIN actors_organisation o ON o.id = p.lead_body_id
 WHERE p.id = %s AND {{visible}}
"""
ORGANISATION_FIELDS = (
    "id", "name", "sector", "kind", "identifier_scheme", "identifier", "country", "territory",
    "website", "description", "verification_status", "verified_at", "licence_scheme",
    "licence_number", "licence_expires_on", "created_at", "updated_at",
)
ORGANISATIONS_SQL = f"""
SELECT {", ".join(ORGANISATION_FIELDS)} FROM actors_organisation
 WHERE {{visible}} ORDER BY id DESC LIMIT %s
"""
GOAL_LIST_SQL = """
SELECT g.id, g.title, s.id, s.title, o.id, o.name, o.sector, o.kind, o.country, g.area,
       g.horizon, g.target_on, g.priority, g.territory,
       array(SELECT c.code FROM goals_goal_community_groups gc
               JOIN goals_communitygroup c ON c.id = gc.communitygroup_id
              WHERE gc.goal_id = g.id ORDER BY c.name_en, c.id),
       array(SELECT c.name_en FROM goals_goal_community_groups gc
               JOIN goals_communitygroup c ON c.id = gc.communitygroup_id
              WHERE gc.goal_id = g.id ORDER BY c.name_en, c.id),
       g.created_at, g.updated_at
  FROM goals_goal g JOIN goals_safetystrategy s ON s.id = g.strategy_id
  JOIN actors_organisation o ON o.id = s.owner_id
 ORDER BY g.id DESC LIMIT %s
"""
RULE_LIST_SQL = """
SELECT r.id, r.partnership_id, p.title, r.category, r.title, r.text
  FROM partnerships_rule r JOIN partnerships_partnership p ON p.id = r.partnership_id
 WHERE {visible} ORDER BY r.id DESC LIMIT %s
"""
CONTRIBUTION_LIST_SQL = """
SELECT c.id, c.party_id, p.id, p.title, p.status, p.territory,
       o.id, o.name, o.sector, o.kind, o.country, x.role,
       c.kind, c.description, c.amount::text, c.currency, c.person_days::text
  FROM partnerships_contribution c JOIN partnerships_party x ON x.id = c.party_id
  JOIN partnerships_partnership p ON p.id = x.partnership_id
  JOIN actors_organisation o ON o.id = x.organisation_id
 WHERE {visible} ORDER BY c.id DESC LIMIT %s
"""

_local = threading.local()


def connection():
    current = getattr(_local, "connection", None)
    if current is None or current.closed:
        # Prepared statements (psycopg's default) unless the run compares without them.
        prepare = None if os.environ.get("DATABASE_PREPARED_STATEMENTS") == "false" else 5
        current = _local.connection = psycopg.connect(
            os.environ["BENCH_DATABASE_URL"], autocommit=True, prepare_threshold=prepare
        )
    return current


def close():
    current = getattr(_local, "connection", None)
    if current is not None:
        current.close()
        _local.connection = None


def encode_cursor(pk, backwards=False):
    data = {"o": "-pk", "p": [pk]}
    if backwards:
        data["r"] = 1
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(raw):
    data = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    return int(data["p"][0]), bool(data.get("r"))


def moment(value):
    return None if value is None else value.astimezone(TIME_ZONE).isoformat()


def day(value):
    return None if value is None else value.isoformat()


class Reader:
    """Who asks: anonymous, or the holder of a token, checked by the query it is put into."""

    def __init__(self, environ):
        header = environ.get("HTTP_AUTHORIZATION", "").split()
        self.key = header[1] if len(header) == 2 and header[0].lower() == "token" else None

    def with_clause(self):
        if self.key is None:
            return "", []
        digest = hashlib.sha512(self.key.encode()).hexdigest()
        return READER, [self.key[:TOKEN_KEY_LENGTH], digest]

    def partnerships(self):
        """The condition on partnership ``p`` that the reader may see, and its parameters."""
        if self.key is None:
            return "p.status = ANY(%s)", [PUBLISHED]
        return VISIBLE, [PUBLISHED]

    def organisations(self):
        if self.key is None:
            return "verification_status = 'verified'", []
        # Analysts read every organisation.
        return "(verification_status = 'verified' OR EXISTS (SELECT 1 FROM reader))", []


def run(reader, sql, params):
    prefix, prefix_params = reader.with_clause()
    return connection().execute(prefix + sql, [*prefix_params, *params])


def page(params, reader):
    statuses = [s for s in params.get("status", []) if s in STATUSES]
    if statuses and set(statuses) <= set(PUBLISHED):
        # Published rows are everyone's: the reader's visibility adds nothing but its cost.
        where, args = ["p.status = ANY(%s)"], [statuses]
    else:
        visible, args = reader.partnerships()
        where = [visible]
        if statuses:
            where.append("p.status = ANY(%s)")
            args.append(statuses)
    if params.get("country"):
        where.append("upper(o.country) = upper(%s)")
        args.append(params["country"][0])
    if params.get("q"):
        words = " ".join(params["q"][0].split())
        found = [row[0] for row in connection().execute(PROBE, [words, words])]
        if len(found) <= RARE_MATCHES:
            where.append("p.id = ANY(%s)")
            args.append(found)
        else:
            where.append(SEARCH)
            args += [words, words]
    position, backwards = None, False
    if params.get("cursor"):
        position, backwards = decode_cursor(params["cursor"][0])
        where.append("p.id > %s" if backwards else "p.id < %s")
        args.append(position)
    sql = SELECT.format(where=" AND ".join(where), direction="ASC" if backwards else "DESC")
    rows = run(reader, sql, [*args, PAGE_SIZE + 1]).fetchall()
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    if backwards:
        rows.reverse()
        has_next, has_previous = position is not None, more
    else:
        has_next, has_previous = more, position is not None
    return rows, has_next, has_previous


def represent(row, origin):
    (pk, title, status, territory, starts_on, ends_on, next_review_on, activated_at, created_at,
     updated_at, body_id, body_name, sector, kind, country, party_count, goals, groups) = row
    return {
        "id": pk,
        "url": f"{origin}{PATH}{pk}/",
        "title": title,
        "status": status,
        "lead_body": {"id": body_id, "name": body_name, "sector": sector, "kind": kind,
                      "country": country},
        "territory": territory,
        "starts_on": day(starts_on),
        "ends_on": day(ends_on),
        "next_review_on": day(next_review_on),
        "activated_at": moment(activated_at),
        "party_count": party_count,
        "goals": orjson.loads(goals),
        "community_groups": orjson.loads(groups),
        "created_at": moment(created_at),
        "updated_at": moment(updated_at),
    }


def partnerships(params, reader, origin):
    rows, has_next, has_previous = page(params, reader)

    def link(pk, backwards):
        query = {key: values for key, values in params.items() if key != "cursor"}
        query["cursor"] = [encode_cursor(pk, backwards)]
        return f"{origin}{PATH}?{urlencode(sorted(query.items()), doseq=True)}"

    return {
        "next": link(rows[-1][0], False) if has_next and rows else None,
        "previous": link(rows[0][0], True) if has_previous and rows else None,
        "results": [represent(row, origin) for row in rows],
    }


def detail(pk, reader, origin):
    visible, args = reader.partnerships()
    row = run(reader, DETAIL_SQL.format(visible=visible), [pk, *args]).fetchone()
    if row is None:
        return None
    (pk, title, status, territory, starts_on, ends_on, next_review_on, activated_at, created_at,
     updated_at, summary, language, status_reason, status_changed_on, lead_body, goals, groups,
     parties, rules) = row
    return {
        "id": pk,
        "url": f"{origin}{PATH}{pk}/",
        "title": title,
        "status": status,
        "lead_body": lead_body,
        "territory": territory,
        "starts_on": day(starts_on),
        "ends_on": day(ends_on),
        "next_review_on": day(next_review_on),
        "activated_at": moment(activated_at),
        "goals": goals,
        "community_groups": groups,
        "created_at": moment(created_at),
        "updated_at": moment(updated_at),
        "summary": summary,
        "language": language,
        "status_reason": status_reason,
        "status_changed_on": day(status_changed_on),
        "parties": parties,
        "rules": rules,
    }


def first_page(path, rows, origin, represent_row):
    """A first page of a list in id order, newest first, with its link to the next."""
    results = [represent_row(row) for row in rows[:PAGE_SIZE]]
    more = len(rows) > PAGE_SIZE
    return {
        "next": f"{origin}{path}?cursor={encode_cursor(results[-1]['id'])}" if more else None,
        "previous": None,
        "results": results,
    }


def organisations(path, reader, origin):
    visible, args = reader.organisations()
    rows = run(reader, ORGANISATIONS_SQL.format(visible=visible), [*args, PAGE_SIZE + 1])
    today = datetime.datetime.now(TIME_ZONE).date()

    def organisation(row):
        o = dict(zip(ORGANISATION_FIELDS, row, strict=True))
        return {
            "id": o["id"],
            "url": f"{origin}{path}{o['id']}/",
            "name": o["name"],
            "sector": o["sector"],
            "kind": o["kind"],
            "identifier_scheme": o["identifier_scheme"],
            "identifier": o["identifier"],
            "org_id": f"{o['identifier_scheme']}-{o['identifier']}",
            "country": o["country"],
            "territory": o["territory"],
            "website": o["website"],
            "description": o["description"],
            "verification_status": o["verification_status"],
            "verified_at": moment(o["verified_at"]),
            "licence_scheme": o["licence_scheme"],
            "licence_number": o["licence_number"],
            "licence_expires_on": day(o["licence_expires_on"]),
            "licence_in_force": bool(o["licence_number"]) and o["licence_expires_on"] is not None
            and o["licence_expires_on"] >= today,
            "created_at": moment(o["created_at"]),
            "updated_at": moment(o["updated_at"]),
        }

    return first_page(path, rows.fetchall(), origin, organisation)


def goals(path, reader, origin):
    """Goals are public: every reader sees them all."""
    rows = connection().execute(GOAL_LIST_SQL, [PAGE_SIZE + 1]).fetchall()

    def goal(row):
        (pk, title, strategy_id, strategy_title, owner_id, owner_name, sector, kind, country,
         area, horizon, target_on, priority, territory, codes, names, created_at,
         updated_at) = row
        return {
            "id": pk,
            "url": f"{origin}{path}{pk}/",
            "title": title,
            "strategy": {"id": strategy_id, "title": strategy_title},
            "owner": {"id": owner_id, "name": owner_name, "sector": sector, "kind": kind,
                      "country": country},
            "area": area,
            "horizon": horizon,
            "target_on": day(target_on),
            "priority": priority,
            "territory": territory,
            "community_groups": codes,
            "community_groups_label": names,
            "created_at": moment(created_at),
            "updated_at": moment(updated_at),
        }

    return first_page(path, rows, origin, goal)


def rules(path, reader, origin):
    visible, args = reader.partnerships()
    rows = run(reader, RULE_LIST_SQL.format(visible=visible), [*args, PAGE_SIZE + 1])

    def rule(row):
        pk, partnership_id, partnership_title, category, title, text = row
        return {
            "id": pk,
            "url": f"{origin}{path}{pk}/",
            "partnership": partnership_id,
            "partnership_title": partnership_title,
            "category": category,
            "title": title,
            "text": text,
        }

    return first_page(path, rows.fetchall(), origin, rule)


def contributions(path, reader, origin):
    visible, args = reader.partnerships()
    rows = run(reader, CONTRIBUTION_LIST_SQL.format(visible=visible), [*args, PAGE_SIZE + 1])

    def contribution(row):
        (pk, party_id, partnership_id, partnership_title, status, territory, organisation_id,
         name, sector, kind, country, role, contribution_kind, description, amount, currency,
         person_days) = row
        return {
            "id": pk,
            "url": f"{origin}{path}{pk}/",
            "party": party_id,
            "partnership": {"id": partnership_id, "title": partnership_title, "status": status,
                            "territory": territory},
            "organisation": {"id": organisation_id, "name": name, "sector": sector,
                             "kind": kind, "country": country},
            "role": role,
            "kind": contribution_kind,
            "description": description,
            "amount": amount,
            "currency": currency,
            "person_days": person_days,
        }

    return first_page(path, rows.fetchall(), origin, contribution)


FIRST_PAGES = {
    "/api/v1/organisations/": organisations,
    "/api/v1/goals/": goals,
    "/api/v1/rules/": rules,
    "/api/v1/contributions/": contributions,
}


def _json(start_response, body):
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    payload = orjson.dumps(body)
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(payload)))])
    return [payload]


def application(environ, start_response):
    path = environ["PATH_INFO"]
    origin = f"{environ['wsgi.url_scheme']}://{environ['HTTP_HOST']}"
    if environ["REQUEST_METHOD"] != "GET":
        return _json(start_response, None)
    reader = Reader(environ)
    params = parse_qs(environ.get("QUERY_STRING", ""))
    if path in FIRST_PAGES and not params:
        return _json(start_response, FIRST_PAGES[path](path, reader, origin))
    if match := DETAIL.match(path):
        return _json(start_response, detail(int(match[1]), reader, origin))
    if path != PATH:
        return _json(start_response, None)
    return _json(start_response, partnerships(params, reader, origin))
