"""The compliance scorecards as open data, streamed a chunk of partnerships at a time; the
lead bodies' totals are added up on the way (one small entry per body)."""

from collections import defaultdict
from collections.abc import Iterator

import orjson
from django.utils import translation

from partnerships.compliance import POINTS, scorecard, scorecard_queryset
from partnerships.models import Partnership

from .ocds import ocid_of
from .selectors import published_ids


def compliance_stream() -> Iterator[bytes]:
    with translation.override("en"):
        points = {code: {"title": str(label), "meaning": str(meaning)}
                  for code, label, meaning in POINTS}
    yield b'{"points":' + orjson.dumps(points) + b',"partnerships":['
    bodies: dict[int, dict] = {}
    totals = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    first = True
    for ids in published_ids():
        for partnership in scorecard_queryset(Partnership.objects.filter(pk__in=ids)).order_by("pk"):
            card = scorecard(partnership)
            bodies[partnership.lead_body_id] = {"id": partnership.lead_body.org_id,
                                                "name": partnership.lead_body.name}
            for code, value in card.points.items():
                if value is not None:
                    totals[partnership.lead_body_id][code][0] += int(value)
                    totals[partnership.lead_body_id][code][1] += 1
            yield (b"" if first else b",") + orjson.dumps({
                "ocid": ocid_of(partnership.pk), "title": partnership.title,
                "status": partnership.status, "leadBody": bodies[partnership.lead_body_id]["id"],
                **card.as_dict(),
            })
            first = False
    yield b'],"bodies":' + orjson.dumps([
        {**body, "points": {code: {"met": met, "applicable": applicable}
                            for code, (met, applicable) in totals[pk].items()}}
        for pk, body in sorted(bodies.items())
    ]) + b"}"
