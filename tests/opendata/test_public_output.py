"""Nothing personal, no draft, no internal note in any public page, export, OCDS package or
DCAT file: the demo registry's every public output, scanned for what must never be there."""

import gzip
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from actors.models import Organisation
from goals.models import Goal, SafetyStrategy
from opendata.bulk import bulk_write
from partnerships.choices import PUBLISHED_STATUSES
from partnerships.models import Partnership

from ..demo import confidential_values
from .schema import codelist_problems, errors

EXPORTS = ["partnerships", "organisations", "goals", "strategies", "indicators", "measurements"]


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _secrets() -> set[str]:
    """The demo's personal data, internal notes and unpublished titles."""
    titles = Partnership.objects.exclude(status__in=PUBLISHED_STATUSES).values_list("title",
                                                                                     flat=True)
    return confidential_values() | {title.strip() for title in titles if len(title.strip()) > 4}


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


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
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

    def test_the_demo_packages_validate(self):
        client = Client()
        releases = json.loads(_body(client.get(reverse("opendata-api:ocds_releases"))))
        records = json.loads(_body(client.get(reverse("opendata-api:ocds_records"))))

        assert errors(releases, "release-package-schema.json") == []
        assert errors(records, "record-package-schema.json") == []
        assert all(codelist_problems(r) == [] for r in releases["releases"])
        assert len(records["records"]) == Partnership.objects.filter(
            status__in=PUBLISHED_STATUSES).count()
