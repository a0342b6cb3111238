"""The open-data page, its DCAT-AP catalogue and the bulk OCDS file."""

import orjson
from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .bulk import BULK_NAME, bulk_path
from .compliance import compliance_stream
from .dcat import EXPORTED, catalog

EXPORT_TITLES = {
    "partnerships": _("Partnerships"),
    "organisations": _("Organisations"),
    "goals": _("Shared goals"),
    "strategies": _("Local safety strategies"),
    "indicators": _("Indicators"),
    "measurements": _("Measurements of indicators"),
    "projects": _("Safety projects"),
}
# Characters that could close the script element the catalogue is embedded in.
JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def open_data(request):
    catalogue = catalog(_base(request))
    bulk = bulk_path()
    return render(request, "opendata/open_data.html", {
        "title": "",
        "catalog_json": orjson.dumps(catalogue, option=orjson.OPT_INDENT_2).decode()
        .translate(JSON_IN_HTML),
        "exports": [
            (EXPORT_TITLES[resource], f"/api/v1/{resource}/export.csv",
             f"/api/v1/{resource}/export.json")
            for resource, _title in EXPORTED
        ],
        "license_name": settings.OPENDATA_LICENSE_NAME,
        "license_url": settings.OPENDATA_LICENSE_URL,
        "ocid_prefix": settings.OCDS_OCID_PREFIX,
        "bulk_exists": bulk.exists(),
        "bulk_name": BULK_NAME,
        "releases_url": reverse("opendata-api:ocds_releases"),
        "records_url": reverse("opendata-api:ocds_records"),
    })


@require_GET
def catalog_jsonld(request):
    return HttpResponse(
        orjson.dumps(catalog(_base(request)), option=orjson.OPT_INDENT_2),
        content_type="application/ld+json",
    )


@require_GET
def ocds_bulk(request):
    """The latest bulk file, as written by ``manage.py export_ocds`` (nightly)."""
    path = bulk_path()
    if not path.exists():
        raise Http404("The bulk file has not been written yet.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=BULK_NAME,
                        content_type="application/gzip")


@require_GET
def compliance_json(request):
    """The compliance scorecard of every published partnership and of every lead body."""
    return StreamingHttpResponse(compliance_stream(), content_type="application/json")
