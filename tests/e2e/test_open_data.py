"""A member of the public reads the open data in English and in French: the open-data page,
the bulk OCDS file, a concluded partnership, its documents and the charts of its goals'
indicators."""

import datetime
import gzip
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opendata.bulk import bulk_write
from partnerships.choices import DocumentKind, DocumentVisibility, Status
from partnerships.services import document_add
from tests.calls.pdf import small_pdf

from .conftest import measured_partnership, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "en-GB": {"open_data": "Open data", "bulk": "Bulk file of the whole register",
              "why": "Why it was concluded", "report": "Evaluation report"},
    "fr-FR": {"open_data": "Données ouvertes", "bulk": "Fichier complet du registre",
              "why": "Pourquoi il a été achevé", "report": "Rapport d’évaluation"},
}


@pytest.fixture
def concluded(registry, tmp_path, settings):
    settings.OPENDATA_ROOT = tmp_path
    _goal, partnership = measured_partnership(registry)
    partnership.status = Status.CONCLUDED
    partnership.status_reason = "The three-year term is over; the evaluation is published."
    partnership.status_changed_on = datetime.date(2025, 12, 31)
    partnership.save()
    for title, kind, visibility in (
        ("Final evaluation of the night scheme", DocumentKind.EVALUATION_REPORT,
         DocumentVisibility.PUBLIC),
        ("Budget note for the lead body", DocumentKind.MINUTES, DocumentVisibility.INTERNAL),
    ):
        document_add(actor=None, partnership=partnership, kind=kind, title=title,
                     issued_on=datetime.date(2025, 12, 15), language="en", visibility=visibility,
                     uploaded=SimpleUploadedFile("evaluation.pdf", small_pdf("Evaluation")))
    bulk_write()
    return partnership


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_the_public_reads_the_open_data(browser, live_server, axe_source, concluded, locale):
    texts = TEXTS[locale]
    context = browser.new_context(base_url=live_server.url, locale=locale, bypass_csp=True,
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto("/")
        page.get_by_role("link", name=texts["open_data"]).click()
        assert page.get_by_role("heading", level=1).inner_text() == texts["open_data"]
        assert violations(page, axe_source) == []

        with page.expect_download() as download_info:
            page.get_by_role("link", name=texts["bulk"]).click()
        package = json.loads(gzip.decompress(Path(download_info.value.path()).read_bytes()))
        assert [r["compiledRelease"]["contracts"][0]["status"] for r in package["records"]] == [
            "terminated"
        ]

        page.goto(f"/partnerships/public/?status={Status.CONCLUDED}")
        page.get_by_role("link", name="Nuits tranquilles").click()
        assert page.get_by_role("heading", name=texts["why"]).is_visible()
        assert page.get_by_text("The three-year term is over").is_visible()
        assert violations(page, axe_source) == []

        documents = page.get_by_role("table").filter(has_text=texts["report"])
        assert documents.get_by_role("row").count() == 2  # the header and the public report
        assert page.get_by_text("Budget note for the lead body").count() == 0
        with page.expect_download() as download_info:
            documents.get_by_role("link", name="Final evaluation of the night scheme").click()
        assert download_info.value.suggested_filename == "evaluation.pdf"
        assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF-")

        page.get_by_role("link", name="Safer station surroundings").click()
        assert page.locator("svg").first.is_visible()
        assert violations(page, axe_source) == []
    finally:
        context.close()
