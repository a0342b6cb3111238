"""The benchmark's baseline: what the API answers an anonymous client, each response built
from one raw psycopg query and written by orjson (as fast as Python serves JSON).

No Django, no framework: a WSGI callable with one connection per worker process. It serves
``GET /api/v1/partnerships/`` with ``cursor``, ``status``, ``country`` and ``q``, a published
partnership's detail ``/api/v1/partnerships/<id>/`` and the first page of
``/api/v1/organisations/``, which is what the benchmark asks of both servers. ``bench/run.py``
checks that both answer the same JSON before measuring anything; ``tests/api/test_bench.py``
that they answer the same bytes.

Run: ``BENCH_DATABASE_URL=postgres://... gunicorn --chdir bench baseline:application``.
"""

import base64
import datetime
import json
import os
import re
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

import orjson
import psycopg

PAGE_SIZE = 50
PUBLISHED = ("active", "suspended", "concluded", "terminated")
STATUSES = {"draft", "negotiation", *PUBLISHED}
TIME_ZONE = ZoneInfo(os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris"))
PATH = "/api/v1/partnerships/"
DETAIL = re.compile(r"^/api/v1/partnerships/(\d+)/$")
ORGANISATIONS = "/api/v1/organisations/"

SELECT = """
SELECT p.id, p.title, p.status, p.territory, p.starts_on, p.ends_on, p.next_review_on,
       p.activated_at, p.created_at, p.updated_at,
       o.id, o.name, o.sector, o.kind, o.country,
       (SELECT count(*) FROM partnerships_party x WHERE x.partnership_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'id', g.id, 'title', g.title, 'area', g.area, 'horizon', g.horizon,
                   'priority', g.priority) ORDER BY g.priority, g.title, g.id), '[]')
          FROM partnerships_partnership_goals pg JOIN goals_goal g ON g.id = pg.goal_id
         WHERE pg.partnership_id = p.id),
       (SELECT coalesce(json_agg(json_build_object(
                   'code', c.code, 'name_en', c.name_en, 'name_fr', c.name_fr)
                   ORDER BY c.name_en), '[]')
          FROM partnerships_partnership_community_groups pc
          JOIN goals_communitygroup c ON c.id = pc.communitygroup_id
         WHERE pc.partnership_id = p.id)
  FROM partnerships_partnership p JOIN actors_organisation o ON o.id = p.lead_body_id
 WHERE {where}
 ORDER BY p.id {direction}
 LIMIT %s
"""
SEARCH = """
p.search_vector @@ (websearch_to_tsquery('french_unaccent'::regconfig, %s)
                    || websearch_to_tsquery('english_unaccent'::regconfig, %s))
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
 WHERE p.id = %s AND p.status = ANY(%s)
"""
ORGANISATION_FIELDS = (
    "id", "name", "sector", "kind", "identifier_scheme", "identifier", "country", "territory",
    "website", "description", "verification_status", "verified_at", "licence_scheme",
    "licence_number", "licence_expires_on", "created_at", "updated_at",
)
ORGANISATIONS_SQL = f"""
SELECT {", ".join(ORGANISATION_FIELDS)} FROM actors_organisation
 WHERE verification_status = 'verified' ORDER BY id DESC LIMIT %s
"""

_connection = None


def connection():
    global _connection
    if _connection is None or _connection.closed:
        # Prepared statements (psycopg's default) unless the run compares without them.
        prepare = None if os.environ.get("DATABASE_PREPARED_STATEMENTS") == "false" else 5
        _connection = psycopg.connect(
            os.environ["BENCH_DATABASE_URL"], autocommit=True, prepare_threshold=prepare
        )
    return _connection


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


def page(params):
    where = ["p.status = ANY(%s)"]
    args = [list(PUBLISHED)]
    statuses = [s for s in params.get("status", []) if s in STATUSES]
    if statuses:
        where.append("p.status = ANY(%s)")
        args.append(statuses)
    if params.get("country"):
        where.append("upper(o.country) = upper(%s)")
        args.append(params["country"][0])
    if params.get("q"):
        where.append(SEARCH)
        args += [params["q"][0]] * 2
    position, backwards = None, False
    if params.get("cursor"):
        position, backwards = decode_cursor(params["cursor"][0])
        where.append("p.id > %s" if backwards else "p.id < %s")
        args.append(position)
    sql = SELECT.format(where=" AND ".join(where), direction="ASC" if backwards else "DESC")
    rows = connection().execute(sql, [*args, PAGE_SIZE + 1]).fetchall()
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
        "goals": goals,
        "community_groups": groups,
        "created_at": moment(created_at),
        "updated_at": moment(updated_at),
    }


def detail(pk, origin):
    row = connection().execute(DETAIL_SQL, [pk, list(PUBLISHED)]).fetchone()
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


def organisations(origin):
    rows = connection().execute(ORGANISATIONS_SQL, [PAGE_SIZE + 1]).fetchall()
    today = datetime.datetime.now(TIME_ZONE).date()
    results = []
    for row in rows[:PAGE_SIZE]:
        o = dict(zip(ORGANISATION_FIELDS, row, strict=True))
        results.append({
            "id": o["id"],
            "url": f"{origin}{ORGANISATIONS}{o['id']}/",
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
        })
    more = len(rows) > PAGE_SIZE
    cursor = encode_cursor(results[-1]["id"]) if more else None
    return {
        "next": f"{origin}{ORGANISATIONS}?cursor={cursor}" if cursor else None,
        "previous": None,
        "results": results,
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
    if path == ORGANISATIONS:
        return _json(start_response, organisations(origin))
    if match := DETAIL.match(path):
        return _json(start_response, detail(int(match[1]), origin))
    if path != PATH:
        return _json(start_response, None)
    params = parse_qs(environ.get("QUERY_STRING", ""))
    rows, has_next, has_previous = page(params)

    def link(pk, backwards):
        query = {key: values for key, values in params.items() if key != "cursor"}
        query["cursor"] = [encode_cursor(pk, backwards)]
        return f"{origin}{PATH}?{urlencode(sorted(query.items()), doseq=True)}"

    body = {
        "next": link(rows[-1][0], False) if has_next and rows else None,
        "previous": link(rows[0][0], True) if has_previous and rows else None,
        "results": [represent(row, origin) for row in rows],
    }
    return _json(start_response, body)
