"""Partnerships as Open Contracting Data Standard 1.1 data, with the OCDS for PPPs profile.

A partnership is one contracting process (its ``ocid``). Each of its lifecycle changes, and
each public edit once it is published, is a *release*: a full snapshot of what was public at
that moment, rebuilt from the change history (django-simple-history). A *record* compiles the
releases with the standard's merge rules. Nothing here queries the database: ``selectors``
gathers the rows of a chunk of partnerships and hands them over as ``Sources``.

How the registry maps onto OCDS:
- the lead body is the ``publicAuthority`` (the PPP profile's replacement for ``buyer``);
  parties carry OCDS roles derived from their sector and role, and the registry's own role in
  ``details``;
- the agreement is one award and one contract, whose status follows the lifecycle;
- contributions are the contract's ``finance`` entries (finance extension);
- start, reviews, end and the last grave step (with its public reason) are ``milestones``;
- the indicators of the partnership's goals are ``implementation.metrics`` (metrics extension)
  with baseline, target and measurements as observations.
Personal data (contacts, who made a change) and internal notes are never read here.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from actors.choices import Sector
from partnerships.choices import PUBLISHED_STATUSES, ContributionKind, Role, Status

OCDS_VERSION = "1.1"
# The extensions used, as the registry of OCDS extensions names them.
EXTENSIONS = [
    "https://raw.githubusercontent.com/open-contracting-extensions/public-private-partnerships/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_finance_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json",
]

# The partnership's fields whose change is a public edit (never the internal notes).
PUBLIC_FIELDS = ("title", "summary", "territory", "language", "starts_on", "ends_on", "next_review_on",
                 "status", "status_reason")

CONTRACT_STATUS = {
    Status.DRAFT: "pending",
    Status.NEGOTIATION: "pending",
    Status.ACTIVE: "active",
    Status.SUSPENDED: "active",
    Status.CONCLUDED: "terminated",
    Status.TERMINATED: "terminated",
}
# A partnership's party gets the roles of the partyRole codelist, as the PPP extension leaves
# it, that say the same; a party with none of them (a facilitator, an adviser) is an
# ``interestedParty``. The extension removes ``funder`` (with ``buyer``, ``supplier``...): a
# co-funder is the ``payer`` of its contributions.
ROLE_CODES = {
    Role.LEAD_AUTHORITY: ["publicAuthority"],
    Role.REGULATORY_AUTHORITY: ["reviewBody"],
    Role.CO_FUNDER: ["payer"],
    Role.EVALUATOR: ["reviewBody"],
}
# ISO 4217 codes newer than the closed currency codelist of OCDS 1.1: an amount in one of them
# cannot be a ``Value``, so it is given in the finance entry's description instead.
CURRENCIES_NEWER_THAN_OCDS = frozenset({"SLE", "VED", "XCG", "ZWG"})
GRAVE_STEP_TITLES = {
    Status.SUSPENDED: "Suspension",
    Status.CONCLUDED: "Conclusion",
    Status.TERMINATED: "Termination",
}


def ocid_of(partnership_id: int) -> str:
    return f"{settings.OCDS_OCID_PREFIX}-{partnership_id}"


def language_of(state: dict) -> str | None:
    """The language the partnership's texts are in, as they were then: its own, else the
    registry's (``OCDS_LANGUAGE``); none when it is one the vocabulary does not name."""
    language = state.get("language") or settings.OCDS_LANGUAGE
    return None if language == "other" else language


def _moment(value) -> str | None:
    """An OCDS date-time: dates at midnight UTC, date-times in UTC."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return f"{value.isoformat()}T00:00:00Z"


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(value):
    """Drop empty values: OCDS leaves out what is not known."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@dataclass
class Sources:
    """Everything public about one partnership, as plain rows from the database."""

    partnership: dict
    history: list[dict] = field(default_factory=list)
    party_history: list[dict] = field(default_factory=list)
    contribution_history: list[dict] = field(default_factory=list)
    organisations: dict[int, dict] = field(default_factory=dict)
    indicators: list[dict] = field(default_factory=list)
    measurements: dict[int, list[dict]] = field(default_factory=dict)
    documents: list[dict] = field(default_factory=list)


def _as_of(rows: list[dict], moment) -> list[dict]:
    """The rows alive at ``moment`` from a history ordered by date: the last version of each."""
    alive = {}
    for row in rows:
        if row["history_date"] > moment:
            break
        if row["history_type"] == "-":
            alive.pop(row["id"], None)
        else:
            alive[row["id"]] = row
    return sorted(alive.values(), key=lambda row: row["id"])


def _events(sources: Sources) -> list[tuple[str, datetime.datetime, dict]]:
    """The moments that make a release: (release key, date, the partnership as it was then).

    Lifecycle changes always; edits of public fields, parties and contributions only while the
    partnership is published (a draft's rewriting is its lead body's business)."""
    history = sources.history
    if not history:
        current = sources.partnership
        return [(f"current-{current['updated_at']:%Y%m%d%H%M%S}", current["updated_at"], current)]
    events, previous = [], None
    for row in history:
        public_edit = previous is not None and row["status"] in PUBLISHED_STATUSES and any(
            row[name] != previous[name] for name in PUBLIC_FIELDS
        )
        if previous is None or row["status"] != previous["status"] or public_edit:
            events.append((f"p{row['history_id']}", row["history_date"], row))
        previous = row
    published_since = next(
        (row["history_date"] for row in history if row["status"] in PUBLISHED_STATUSES), None
    )
    if published_since is not None:
        for document in sources.documents:
            moment = document["_published_at"]
            if moment > published_since and _partnership_at(history, moment)["status"] in (
                PUBLISHED_STATUSES
            ):
                events.append((f"d{document['id'][9:17]}", moment, _partnership_at(history, moment)))
        for prefix, rows in (("a", sources.party_history), ("c", sources.contribution_history)):
            for row in rows:
                if row["history_date"] > published_since:
                    state = _partnership_at(history, row["history_date"])
                    if state["status"] in PUBLISHED_STATUSES:
                        events.append((f"{prefix}{row['history_id']}", row["history_date"], state))
    events.sort(key=lambda event: (event[1], event[0]))
    return events


def _partnership_at(history: list[dict], moment) -> dict:
    state = history[0]
    for row in history:
        if row["history_date"] > moment:
            break
        state = row
    return state


def _tag(status: str, previous_status: str | None, first_contract: bool) -> list[str]:
    if status in (Status.DRAFT, Status.NEGOTIATION):
        return ["planning"] if previous_status is None else ["planningUpdate"]
    if status in (Status.CONCLUDED, Status.TERMINATED):
        return ["contractTermination"]
    return ["contract"] if first_contract else ["contractUpdate"]


def _organisation(org: dict, roles: Iterable[str], details: dict) -> dict:
    return _clean({
        "id": f"{org['identifier_scheme']}-{org['identifier']}",
        "name": org["name"],
        "identifier": {
            "scheme": org["identifier_scheme"],
            "id": org["identifier"],
            "legalName": org["name"],
        },
        "address": {"locality": org["territory"], "countryName": org["country"]},
        "roles": sorted(set(roles)),
        "details": details,
    })


def _parties(sources: Sources, parties: list[dict], lead_body_id: int) -> list[dict]:
    roles: dict[int, set[str]] = {lead_body_id: {"publicAuthority"}}
    registry_roles: dict[int, list[str]] = {lead_body_id: []}
    for party in parties:
        org = sources.organisations[party["organisation_id"]]
        codes = set(ROLE_CODES.get(party["role"], []))
        if org["sector"] == Sector.PRIVATE:
            codes.add("privateParty")
        roles.setdefault(party["organisation_id"], set()).update(codes)
        registry_roles.setdefault(party["organisation_id"], []).append(party["role"])
    return [
        _organisation(sources.organisations[org_id], roles[org_id] or {"interestedParty"}, {
            "sector": sources.organisations[org_id]["sector"],
            "kind": sources.organisations[org_id]["kind"],
            "registryRoles": sorted(registry_roles[org_id]),
        })
        for org_id in sorted(roles)
    ]


def _finance(sources: Sources, parties: list[dict], contributions: list[dict]) -> list[dict]:
    by_party = {party["id"]: party for party in parties}
    entries = []
    for contribution in contributions:
        party = by_party.get(contribution["party_id"])
        if party is None:
            continue
        org = sources.organisations[party["organisation_id"]]
        kind = ContributionKind(contribution["kind"])
        description = str(kind.label)
        valued = contribution["amount"] is not None and (
            contribution["currency"] not in CURRENCIES_NEWER_THAN_OCDS
        )
        if contribution["amount"] is not None and not valued:
            description += f": {_number(contribution['amount'])} {contribution['currency']}"
        if contribution["person_days"] is not None:
            description += f": {_number(contribution['person_days'])} person-days"
        if contribution["description"]:
            description += f" — {contribution['description']}"
        entries.append(_clean({
            "id": f"contribution-{contribution['id']}",
            "financingParty": {"id": f"{org['identifier_scheme']}-{org['identifier']}",
                               "name": org["name"]},
            "description": description,
            "value": {"amount": _number(contribution["amount"]),
                      "currency": contribution["currency"]} if valued else None,
        }))
    return entries


def _milestones(state: dict, today: datetime.date) -> list[dict]:
    milestones = []
    if state["starts_on"]:
        started = state["starts_on"] <= today and state["status"] in PUBLISHED_STATUSES
        milestones.append({
            "id": "start", "title": "Start of the partnership", "type": "delivery",
            "dueDate": _moment(state["starts_on"]),
            "status": "met" if started else "scheduled",
            "dateMet": _moment(state["starts_on"]) if started else None,
        })
    if state["next_review_on"] and state["status"] not in (Status.CONCLUDED, Status.TERMINATED):
        milestones.append({
            "id": f"review-{state['next_review_on']:%Y%m%d}", "title": "Review",
            "type": "reporting", "dueDate": _moment(state["next_review_on"]),
            "status": "scheduled" if state["next_review_on"] >= today else "notMet",
        })
    if state["ends_on"]:
        ended = state["status"] == Status.CONCLUDED
        milestones.append({
            "id": "end", "title": "End of the partnership", "type": "delivery",
            "dueDate": _moment(state["ends_on"]),
            "status": "met" if ended else "scheduled",
            "dateMet": _moment(state.get("status_changed_on")) if ended else None,
        })
    if state["status"] in GRAVE_STEP_TITLES:
        milestones.append({
            "id": f"status-{state['status']}", "title": GRAVE_STEP_TITLES[state["status"]],
            "type": "approval", "description": state.get("status_reason", ""),
            "status": "met", "dateMet": _moment(state.get("status_changed_on")),
        })
    return [_clean(milestone) for milestone in milestones]


def _metrics(sources: Sources, moment) -> list[dict]:
    day = moment.date() if isinstance(moment, datetime.datetime) else moment
    metrics = []
    for indicator in sources.indicators:
        unit = {"name": indicator["unit"]}
        observations = [{
            "id": "baseline", "notes": "Baseline",
            "period": {"startDate": _moment(indicator["baseline_on"]),
                       "endDate": _moment(indicator["baseline_on"])},
            "measure": _number(indicator["baseline"]), "unit": unit,
        }, {
            "id": "target", "notes": "Target",
            "period": {"endDate": _moment(indicator["target_on"])},
            "measure": _number(indicator["target"]), "unit": unit,
        }]
        for measurement in sources.measurements.get(indicator["id"], []):
            if measurement["measured_on"] <= day:
                observations.append({
                    "id": f"measurement-{measurement['measured_on']:%Y%m%d}",
                    "period": {"startDate": _moment(measurement["measured_on"]),
                               "endDate": _moment(measurement["measured_on"])},
                    "measure": _number(measurement["value"]), "unit": unit,
                    "notes": measurement["note"],
                })
        metrics.append(_clean({
            "id": f"indicator-{indicator['id']}",
            "title": indicator["name"],
            "description": f"{indicator['goal__title']} ({indicator['direction']})",
            "observations": observations,
        }))
    return metrics


def _documents(sources: Sources, moment) -> list[dict]:
    """Public documents published by ``moment``."""
    return [
        _clean({k: v for k, v in document.items() if not k.startswith("_")})
        for document in sources.documents
        if document["_published_at"] <= moment
    ]


def releases(sources: Sources, *, today: datetime.date | None = None) -> list[dict]:
    """The releases of one partnership, oldest first."""
    today = today or datetime.date.today()
    pk = sources.partnership["id"]
    ocid = ocid_of(pk)
    made, previous_status, contract_seen = [], None, False
    for key, moment, state in _events(sources):
        parties = _as_of(sources.party_history, moment)
        contributions = _as_of(sources.contribution_history, moment)
        status = state["status"]
        is_contract = status not in (Status.DRAFT, Status.NEGOTIATION)
        tag = _tag(status, previous_status, is_contract and not contract_seen)
        contract_seen = contract_seen or is_contract
        previous_status = status
        signed = sources.partnership["activated_at"] if is_contract else None
        never_signed = status == Status.TERMINATED and sources.partnership["activated_at"] is None
        award_id, contract_id = f"{ocid}-award", f"{ocid}-agreement"
        release = {
            "ocid": ocid,
            "id": f"{ocid}-{key}",
            "date": _moment(moment),
            "tag": tag,
            "initiationType": "tender",
            "language": language_of(state),
            "parties": _parties(sources, parties, sources.partnership["lead_body_id"]),
            "publicAuthority": {
                "id": _org_id(sources.organisations[sources.partnership["lead_body_id"]]),
                "name": sources.organisations[sources.partnership["lead_body_id"]]["name"],
            },
            "planning": {"rationale": state["summary"]},
            "awards": [{
                "id": award_id,
                "title": state["title"],
                "status": "cancelled" if never_signed else ("active" if signed else "pending"),
                "date": _moment(signed),
            }],
            "contracts": [{
                "id": contract_id,
                "awardID": award_id,
                "title": state["title"],
                "description": state["summary"],
                "status": "cancelled" if never_signed else CONTRACT_STATUS[status],
                "period": {"startDate": _moment(state["starts_on"]),
                           "endDate": _moment(state["ends_on"])},
                "dateSigned": _moment(signed),
                "milestones": _milestones(state, today),
                "documents": _documents(sources, moment),
                "finance": _finance(sources, parties, contributions),
                "implementation": {"metrics": _metrics(sources, moment)},
            }],
        }
        made.append(_clean(release))
    return made


def _org_id(org: dict) -> str:
    return f"{org['identifier_scheme']}-{org['identifier']}"


# Merging ------------------------------------------------------------------------------------


def merge(releases_: list[dict]) -> dict:
    """The compiled release: the OCDS merge rules (later values win; objects merge field by
    field; arrays of objects with ``id`` merge item by item on it; other arrays are replaced;
    ``null`` removes a field)."""
    compiled: dict = {}
    for release in sorted(releases_, key=lambda r: r["date"]):
        # Not merged: the release's own id and tag describe the release, not the process.
        body = {k: v for k, v in release.items() if k not in ("id", "tag")}
        compiled = _merge_object(compiled, body)
    if releases_:
        latest = max(r["date"] for r in releases_)
        compiled["id"] = f"{compiled['ocid']}-{latest}"
        compiled["date"] = latest
    compiled["tag"] = ["compiled"]
    return compiled


def _merge_object(into: dict, new: dict) -> dict:
    result = dict(into)
    for key, value in new.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge_object(result[key], value)
        elif _is_identified_list(value) and _is_identified_list(result.get(key)):
            result[key] = _merge_list(result[key], value)
        else:
            result[key] = value
    return result


def _is_identified_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and "id" in item for item in value
    )


def _merge_list(into: list, new: list) -> list:
    items = {item["id"]: item for item in into}
    order = [item["id"] for item in into]
    for item in new:
        if item["id"] in items:
            items[item["id"]] = _merge_object(items[item["id"]], item)
        else:
            items[item["id"]] = item
            order.append(item["id"])
    return [items[key] for key in order]


def record(sources: Sources, *, today: datetime.date | None = None) -> dict:
    made = releases(sources, today=today)
    return {"ocid": ocid_of(sources.partnership["id"]), "releases": made,
            "compiledRelease": merge(made)}
