"""The reads behind the open data: published partnerships only, as the anonymous public sees
them, and never a contact, a history user or an internal note. A chunk of partnerships costs
a fixed number of queries whatever its size."""

from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import F

from actors.models import Organisation
from core.access import Action
from goals.models import Indicator, Measurement
from partnerships.choices import DocumentKind, DocumentVisibility
from partnerships.models import Contribution, Document, Partnership, Party

from .ocds import Sources

CHUNK_SIZE = 500
# The documentType of each kind of document, from the codelist of the PPP extension (which
# replaces the core one, so the core's ``contractAnnexe`` is not there): a signed amendment is
# part of the signed contract; minutes are ``minutes``; an evaluation of the partnership's
# results is a ``performanceReport`` (``evaluationReports`` are the evaluation of bids).
DOCUMENT_TYPES = {
    DocumentKind.SIGNED_AGREEMENT: "contractSigned",
    DocumentKind.AMENDMENT: "contractSigned",
    DocumentKind.MINUTES: "minutes",
    DocumentKind.EVALUATION_REPORT: "performanceReport",
}
PARTNERSHIP_FIELDS = (
    "id", "title", "summary", "territory", "language", "starts_on", "ends_on", "next_review_on", "status",
    "status_reason", "status_changed_on", "activated_at", "lead_body_id", "updated_at",
)
HISTORY_FIELDS = ("history_id", "history_date", "history_type")
PARTY_FIELDS = ("id", "partnership_id", "organisation_id", "role")
CONTRIBUTION_FIELDS = ("id", "party_id", "kind", "description", "amount", "currency",
                       "person_days")
ORGANISATION_FIELDS = ("id", "name", "sector", "kind", "identifier_scheme", "identifier",
                       "country", "territory")


def published_partnerships():
    """What the public may read: the one restriction the pages and the API use too."""
    return Partnership.objects.restrict(AnonymousUser(), Action.VIEW)


def published_ids(*, partnership_ids=None, chunk_size: int = CHUNK_SIZE) -> Iterator[list[int]]:
    """The ids of published partnerships, a chunk at a time (keyset pagination: memory stays
    bounded however large the register)."""
    queryset = published_partnerships().order_by("pk")
    if partnership_ids:
        queryset = queryset.filter(pk__in=partnership_ids)
    last = 0
    while True:
        ids = list(queryset.filter(pk__gt=last).values_list("pk", flat=True)[:chunk_size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def _as_rows_of_now(rows, moments):
    """Rows written in bulk, without history (the synthetic data set), as one history entry
    dated at their partnership's last change."""
    return [{**row, "history_id": 0, "history_type": "+",
             "history_date": moments[row.pop("_partnership")]} for row in rows]


def ocds_sources(ids: list[int]) -> list[Sources]:
    """The public rows of the partnerships ``ids`` (published ones only), in eight queries."""
    partnerships = list(
        published_partnerships().filter(pk__in=ids).order_by("pk").values(*PARTNERSHIP_FIELDS)
    )
    ids = [row["id"] for row in partnerships]
    history = defaultdict(list)
    for row in (Partnership.history.filter(id__in=ids).order_by("history_date", "history_id")
                .values(*PARTNERSHIP_FIELDS, *HISTORY_FIELDS)):
        history[row["id"]].append(row)
    parties = defaultdict(list)
    for row in (Party.history.filter(partnership_id__in=ids).order_by("history_date", "history_id")
                .values(*PARTY_FIELDS, *HISTORY_FIELDS)):
        parties[row["partnership_id"]].append(row)
    party_of = {row["id"]: partnership for partnership, rows in parties.items() for row in rows}
    contributions = defaultdict(list)
    for row in (Contribution.history.filter(party_id__in=list(party_of))
                .order_by("history_date", "history_id")
                .values(*CONTRIBUTION_FIELDS, *HISTORY_FIELDS)):
        contributions[party_of[row["party_id"]]].append(row)
    without_history = {row["id"]: row["updated_at"] for row in partnerships if not history[row["id"]]}
    if without_history:
        _current_rows(without_history, parties, contributions)
    org_ids = {row["lead_body_id"] for row in partnerships} | {
        row["organisation_id"] for rows in parties.values() for row in rows
    }
    organisations = {
        row["id"]: row
        for row in Organisation.objects.filter(pk__in=org_ids).values(*ORGANISATION_FIELDS)
    }
    goals = defaultdict(list)
    for partnership_id, goal_id in Partnership.goals.through.objects.filter(
        partnership_id__in=ids
    ).values_list("partnership_id", "goal_id"):
        goals[partnership_id].append(goal_id)
    indicators = defaultdict(list)
    for row in Indicator.objects.filter(goal_id__in={g for gs in goals.values() for g in gs}).values(
        "id", "goal_id", "goal__title", "name", "unit", "baseline", "baseline_on", "target",
        "target_on", "direction",
    ):
        indicators[row["goal_id"]].append(row)
    measurements = defaultdict(list)
    for row in Measurement.objects.filter(
        indicator_id__in=[i["id"] for rows in indicators.values() for i in rows]
    ).order_by("indicator_id", "measured_on").values("indicator_id", "measured_on", "value", "note"):
        measurements[row["indicator_id"]].append(row)
    documents = defaultdict(list)
    base = settings.REGISTRY_BASE_URL.rstrip("/")
    for document in Document.objects.filter(
        partnership_id__in=ids, visibility=DocumentVisibility.PUBLIC
    ).order_by("issued_on", "id").only(
        "uuid", "partnership_id", "kind", "title", "issued_on", "language", "uploaded_at"
    ):
        documents[document.partnership_id].append(document_row(document, base))
    return [
        Sources(
            partnership=row,
            history=history[row["id"]],
            party_history=parties[row["id"]],
            contribution_history=contributions[row["id"]],
            organisations=organisations,
            indicators=[i for goal in goals[row["id"]] for i in indicators[goal]],
            measurements=measurements,
            documents=documents[row["id"]],
        )
        for row in partnerships
    ]


def _current_rows(moments: dict, parties: dict, contributions: dict) -> None:
    party_rows = list(
        Party.objects.filter(partnership_id__in=list(moments))
        .values(*PARTY_FIELDS, _partnership=F("partnership_id"))
    )
    partnership_of = {row["id"]: row["partnership_id"] for row in party_rows}
    for row in _as_rows_of_now(party_rows, moments):
        parties[row["partnership_id"]].append(row)
    contribution_rows = list(
        Contribution.objects.filter(party_id__in=list(partnership_of))
        .values(*CONTRIBUTION_FIELDS, _partnership=F("party__partnership_id"))
    )
    for row in _as_rows_of_now(contribution_rows, moments):
        contributions[partnership_of[row["party_id"]]].append(row)


def document_row(document, base: str) -> dict:
    """A public document as OCDS describes it; ``_published_at`` says from which release on."""
    return {
        "id": f"document-{document.uuid}",
        "documentType": DOCUMENT_TYPES[document.kind],
        "title": document.title,
        "description": document.get_kind_display(),
        "url": base + document.get_absolute_url(),
        "datePublished": _day(document.issued_on),
        "format": "application/pdf",
        "language": document.language if document.language != "other" else None,
        "_published_at": document.uploaded_at,
    }


def _day(value):
    return f"{value.isoformat()}T00:00:00Z"
