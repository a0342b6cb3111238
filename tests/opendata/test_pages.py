"""The open-data page and its DCAT-AP catalogue."""

import json

import pytest
from django.urls import reverse

from tests.access import KINDS, assert_each_kind_gets

pytestmark = pytest.mark.django_db

EVERYONE = [200] * len(KINDS)


@pytest.mark.parametrize("name", ["opendata:open_data", "opendata:catalog",
                                  "opendata-api:ocds_releases", "opendata-api:ocds_records"])
def test_open_data_is_open_to_every_kind_of_user(client, users, name):
    assert_each_kind_gets(client, users, reverse(name), EVERYONE)


def test_the_bulk_file_answers_everyone_alike(client, users, tmp_path, settings):
    settings.OPENDATA_ROOT = tmp_path
    assert_each_kind_gets(client, users, reverse("opendata:ocds_bulk"), [404] * len(KINDS))


def test_the_page_says_what_is_published_under_which_licence_and_where(client, active):
    page = client.get(reverse("opendata:open_data")).text

    assert "What is never published" in page
    assert "CC BY 4.0" in page and "https://creativecommons.org/licenses/by/4.0/" in page
    for link in (reverse("opendata-api:ocds_releases"), reverse("opendata-api:ocds_records"),
                 "/api/v1/partnerships/export.csv", "/api/v1/organisations/export.json",
                 reverse("opendata:catalog")):
        assert link in page
    assert '<script type="application/ld+json"' in page


def test_the_licence_is_a_setting(client, settings):
    settings.OPENDATA_LICENSE_NAME = "Licence Ouverte 2.0"
    settings.OPENDATA_LICENSE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

    page = client.get(reverse("opendata:open_data")).text
    catalog = client.get(reverse("opendata:catalog")).json()

    assert "Licence Ouverte 2.0" in page
    assert catalog["dct:license"]["@id"] == settings.OPENDATA_LICENSE_URL


def test_the_catalogue_describes_datasets_and_distributions_in_dcat_ap(client, active):
    response = client.get(reverse("opendata:catalog"))
    catalog = json.loads(response.content)

    assert response["Content-Type"] == "application/ld+json"
    assert catalog["@type"] == "dcat:Catalog"
    datasets = catalog["dcat:dataset"]
    assert {d["@type"] for d in datasets} == {"dcat:Dataset"}
    for dataset in datasets:
        assert dataset["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
        assert dataset["dct:publisher"]["foaf:name"]
        assert "dct:temporal" in dataset and "dct:spatial" in dataset
        assert {d["@type"] for d in dataset["dcat:distribution"]} == {"dcat:Distribution"}
    ocds = next(d for d in datasets if d["@id"].endswith("#ocds"))
    urls = [d["dcat:downloadURL"]["@id"] for d in ocds["dcat:distribution"]]
    assert any(url.endswith("/api/v1/ocds/releases/") for url in urls)
    assert any(url.endswith("/open-data/ocds-records.json.gz") for url in urls)


def test_the_catalogue_embedded_in_the_page_is_the_same(client, active):
    page = client.get(reverse("opendata:open_data")).text
    embedded = page.split('<script type="application/ld+json"', 1)[1].split(">", 1)[1]
    embedded = embedded.split("</script>", 1)[0]

    assert json.loads(embedded) == client.get(reverse("opendata:catalog")).json()
