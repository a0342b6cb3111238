"""The register's datasets described in DCAT-AP, as JSON-LD."""

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse

from .bulk import BULK_NAME
from .selectors import published_partnerships

# The API's exports of each public list (CSV and JSON), as (resource, English title).
EXPORTED = [
    ("partnerships", "Partnerships"),
    ("organisations", "Organisations"),
    ("goals", "Shared goals"),
    ("strategies", "Local safety strategies"),
    ("indicators", "Indicators"),
    ("measurements", "Measurements of indicators"),
    ("projects", "Safety projects"),
]


def _distribution(url: str, title: str, media_type: str, fmt: str) -> dict:
    return {
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media_type}"},
        "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt}"},
        "dct:license": {"@id": settings.OPENDATA_LICENSE_URL},
    }


def catalog(base: str) -> dict:
    """The catalogue: one dataset per public list, and the OCDS dataset of the partnerships."""
    base = base.rstrip("/")
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.OPENDATA_PUBLISHER,
                 "foaf:homepage": {"@id": settings.REGISTRY_BASE_URL}}
    span = published_partnerships().aggregate(start=Min("starts_on"), end=Max("ends_on"),
                                               modified=Max("updated_at"))
    temporal = {"@type": "dct:PeriodOfTime"}
    if span["start"]:
        temporal["dcat:startDate"] = {"@value": span["start"].isoformat(), "@type": "xsd:date"}
    if span["end"]:
        temporal["dcat:endDate"] = {"@value": span["end"].isoformat(), "@type": "xsd:date"}
    common = {
        "dct:publisher": publisher,
        "dct:license": {"@id": settings.OPENDATA_LICENSE_URL},
        "dct:accrualPeriodicity": {
            "@id": "http://publications.europa.eu/resource/authority/frequency/CONT"
        },
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/continent/EUROPE"},
        "dct:temporal": temporal,
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/JUST"},
        "dct:language": [{"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
                         {"@id": "http://publications.europa.eu/resource/authority/language/FRA"}],
    }
    if span["modified"]:
        common["dct:modified"] = {"@value": span["modified"].isoformat(), "@type": "xsd:dateTime"}
    api = f"{base}/api/v1"
    datasets = [{
        "@type": "dcat:Dataset",
        "@id": f"{base}/open-data/#ocds",
        "dct:title": "Public-private partnerships for urban safety (OCDS for PPPs)",
        "dct:description": "Every published partnership as Open Contracting Data Standard 1.1 "
                           "releases and records with the public-private partnerships "
                           "extension: parties and roles, the agreement, contributions, "
                           "milestones and the indicators of its goals.",
        "dcat:keyword": ["public-private partnership", "urban safety", "OCDS", "Efus"],
        "dcat:distribution": [
            _distribution(f"{api}/ocds/releases/", "OCDS release package", "application/json",
                          "JSON"),
            _distribution(f"{api}/ocds/records/", "OCDS record package", "application/json",
                          "JSON"),
            _distribution(f"{base}{reverse('opendata:ocds_bulk')}",
                          f"OCDS bulk file ({BULK_NAME})", "application/gzip", "GZIP"),
        ],
        **common,
    }, {
        "@type": "dcat:Dataset",
        "@id": f"{base}/open-data/#compliance",
        "dct:title": "Compliance scorecards of partnerships and lead bodies",
        "dct:description": "For each published partnership and each lead body, which of the "
                           "manifesto's rules checked by the registry are met, with what each "
                           "point means.",
        "dcat:distribution": [
            _distribution(f"{base}{reverse('opendata:compliance')}", "Compliance (JSON)",
                          "application/json", "JSON"),
        ],
        **common,
    }]
    for resource, title in EXPORTED:
        datasets.append({
            "@type": "dcat:Dataset",
            "@id": f"{base}/open-data/#{resource}",
            "dct:title": title,
            "dct:description": f"{title} in the public register, as CSV and JSON exports.",
            "dcat:distribution": [
                _distribution(f"{api}/{resource}/export.csv", f"{title} (CSV)", "text/csv", "CSV"),
                _distribution(f"{api}/{resource}/export.json", f"{title} (JSON)",
                              "application/json", "JSON"),
            ],
            **common,
        })
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"{base}/open-data/catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": "Efus partnership registry: open data",
        "dct:description": "Open data of the registry of public-private partnerships for urban "
                           "safety.",
        "dct:publisher": publisher,
        "dct:license": {"@id": settings.OPENDATA_LICENSE_URL},
        "foaf:homepage": {"@id": f"{base}/open-data/"},
        "dcat:dataset": datasets,
    }
