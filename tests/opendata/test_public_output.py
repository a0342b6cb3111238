"""Nothing personal, no draft, no internal document and no internal note in any public page,
export, OCDS package or DCAT file: the demo registry's every public output, scanned for what must
never be there, as each kind of user reads it."""

import gzip
import json
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from actors.models import Organisation
from goals.models import Goal, SafetyStrategy
from opendata.bulk import bulk_write
from partnerships.choices import PUBLISHED_STATUSES, DocumentVisibility
from partnerships.models import Document, Partnership
from projects.choices import Visibility
from projects.models import Project
from tests.access import KINDS

from ..demo import confidential_values, demo_user, personal_data
from .schema import codelist_problems, errors

EXPORTS = ["partnerships", "organisations", "goals", "strategies", "indicators", "measurements",
           "projects"]


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _secrets(reader=None) -> set[str]:
    """The demo's personal data (but the reader's own, which the header may show them),
    internal notes, unpublished titles and the titles of documents the public may not read."""
    withheld = Document.objects.exclude(visibility=DocumentVisibility.PUBLIC,
                                        partnership__status__in=PUBLISHED_STATUSES)
    values = confidential_values(except_of=reader) | set(withheld.values_list("title", flat=True))
    values |= set(Partnership.objects.exclude(status__in=PUBLISHED_STATUSES)
                  .values_list("title", flat=True))
    values |= set(Project.objects.exclude(visibility=Visibility.PUBLIC).values_list("title",
                                                                               flat=True))
    if reader is not None:  # also where the reader is their organisation's contact
        values -= personal_data([reader])
    return {value.strip() for value in values if value and len(value.strip()) > 4}


def _public_urls() -> list[str]:
    urls = [reverse("opendata:open_data"), reverse("opendata:catalog"), reverse("opendata:compliance"),
            reverse("opendata-api:ocds_releases"), reverse("opendata-api:ocds_records"),
            reverse("partnerships:public_partnership_list"), reverse("goals:goal_list"),
            reverse("goals:strategy_list"), reverse("actors:organisation_list")]
    urls += [f"/api/v1/{name}/export.{ext}" for name in EXPORTS for ext in ("csv", "json")]
    urls += [reverse("partnerships:public_partnership_detail", args=[pk])
             for pk in Partnership.objects.filter(status__in=PUBLISHED_STATUSES)
             .values_list("pk", flat=True)]
    urls += [reverse("actors:organisation_detail", args=[pk])
             for pk in Organisation.objects.verified().values_list("pk", flat=True)]
    urls += [reverse("goals:goal_detail", args=[pk]) for pk in Goal.objects.values_list("pk", flat=True)]
    urls += [reverse("goals:strategy_detail", args=[pk])
             for pk in SafetyStrategy.objects.values_list("pk", flat=True)]
    return urls


def _published_ids() -> list[int]:
    return list(Partnership.objects.filter(status__in=PUBLISHED_STATUSES)
                .values_list("pk", flat=True))


def _public_only_urls() -> list[str]:
    """What is the same for every reader: the public register, its pages and dossiers, the
    open data (page, DCAT catalogue, compliance, OCDS packages)."""
    urls = [reverse("opendata:open_data"), reverse("opendata:catalog"),
            reverse("opendata:compliance"), reverse("opendata-api:ocds_releases"),
            reverse("opendata-api:ocds_records"), reverse("partnerships:public_partnership_list")]
    for pk in _published_ids():
        urls += [reverse("partnerships:public_partnership_detail", args=[pk]),
                 reverse("partnerships:public_partnership_dossier", args=[pk])]
    return urls


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"] == "application/pdf":
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestTheDemoRegistryInPublic:
    def test_no_public_output_holds_personal_data_drafts_or_internal_notes(self, tmp_path,
                                                                            settings):
        settings.OPENDATA_ROOT = tmp_path
        secrets = _secrets()
        assert len(secrets) > 20
        client = Client()
        outputs = {}
        for url in _public_urls():
            response = client.get(url)
            assert response.status_code == 200, url
            outputs[url] = _body(response)
        outputs["bulk"] = gzip.decompress(bulk_write().read_bytes()).decode()

        leaks = [(url, secret) for url, text in outputs.items() for secret in secrets
                 if secret in text]
        assert leaks == []

    @pytest.mark.parametrize("kind", KINDS)
    def test_public_outputs_hold_nothing_withheld_whoever_reads_them(self, kind):
        reader = demo_user(kind)
        secrets = _secrets(reader)
        client = Client()
        if reader is not None:
            client.force_login(reader)
        outputs = {}
        for url in _public_only_urls():
            response = client.get(url)
            assert response.status_code == 200, url
            outputs[url] = _body(response)

        assert "Convention signée des trajets de nuit" in outputs[reverse("opendata-api:ocds_releases")]
        leaks = [(url, secret) for url, text in outputs.items() for secret in secrets
                 if secret in text]
        assert leaks == []

    def test_the_demo_packages_validate(self):
        client = Client()
        releases = json.loads(_body(client.get(reverse("opendata-api:ocds_releases"))))
        records = json.loads(_body(client.get(reverse("opendata-api:ocds_records"))))

        assert errors(releases, "release-package-schema.json") == []
        assert errors(records, "record-package-schema.json") == []
        assert all(codelist_problems(r) == [] for r in releases["releases"])
        assert len(records["records"]) == Partnership.objects.filter(
            status__in=PUBLISHED_STATUSES).count()
