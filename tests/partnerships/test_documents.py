"""Documents of a partnership: who files which kind, who reads which visibility, where the
public ones appear (public page, OCDS) and that every filing is in the history."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships import services
from partnerships.choices import DocumentKind, DocumentVisibility
from tests.access import assert_each_kind_gets
from tests.calls import pdf
from tests.calls.pdf import EXECUTABLE, small_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _pdf(name="agreement.pdf", content=None):
    return SimpleUploadedFile(name, content or small_pdf(), content_type="application/pdf")


def _file(actor, partnership, kind=DocumentKind.SIGNED_AGREEMENT,
          visibility=DocumentVisibility.PUBLIC, title="Signed agreement", uploaded=None):
    return services.document_add(
        actor=actor, partnership=partnership, kind=kind, title=title,
        issued_on=datetime.date(2025, 1, 15), language="fr", visibility=visibility,
        uploaded=uploaded or _pdf(),
    )


def test_the_lead_body_files_any_kind_and_parties_file_minutes_and_reports(
    coordinator, firm_user, other_firm_user, other_coordinator, active, firm
):
    active.parties.create(organisation=firm, role="operational_partner", responsibilities="Patrols")
    for kind in DocumentKind:
        _file(coordinator, active, kind=kind)
    _file(firm_user, active, kind=DocumentKind.MINUTES)
    _file(firm_user, active, kind=DocumentKind.EVALUATION_REPORT)

    with pytest.raises(PermissionDenied):
        _file(firm_user, active, kind=DocumentKind.SIGNED_AGREEMENT)
    for outsider in (other_firm_user, other_coordinator):
        with pytest.raises(PermissionDenied):
            _file(outsider, active, kind=DocumentKind.MINUTES)


def test_documents_are_checked_by_their_content(coordinator, active):
    with pytest.raises(ValidationError) as error:
        _file(coordinator, active, uploaded=_pdf("agreement.pdf", EXECUTABLE))
    assert error.value.message_dict == {
        "file": ["Only PDF documents are accepted, and this file is not one."]
    }


@pytest.mark.parametrize("content", pdf.REFUSED.values(), ids=pdf.REFUSED.keys())
def test_documents_with_active_content_or_a_polyglot_are_refused(coordinator, active, content):
    """Public documents are published to everyone: they pass the attachments' parse too."""
    with pytest.raises(ValidationError) as error:
        _file(coordinator, active, uploaded=_pdf("agreement.pdf", content))

    assert "file" in error.value.message_dict
    assert not active.documents.exists()


def test_each_kind_of_user_reads_the_documents_its_visibility_allows(client, users, active, firm,
                                                                     coordinator):
    active.parties.create(organisation=firm, role="operational_partner", responsibilities="Patrols")
    public = _file(coordinator, active, visibility=DocumentVisibility.PUBLIC)
    parties = _file(coordinator, active, visibility=DocumentVisibility.PARTIES)
    internal = _file(coordinator, active, visibility=DocumentVisibility.INTERNAL)

    assert_each_kind_gets(client, users, public.get_absolute_url(), [200] * 7)
    assert_each_kind_gets(client, users, parties.get_absolute_url(),
                          [404, 200, 404, 404, 200, 404, 200])
    assert_each_kind_gets(client, users, internal.get_absolute_url(),
                          [404, 404, 404, 404, 200, 404, 200])


def test_the_filing_page_answers_each_kind_of_user(client, users, active, firm):
    active.parties.create(organisation=firm, role="operational_partner", responsibilities="Patrols")
    assert_each_kind_gets(client, users, reverse("partnerships:document_create", args=[active.pk]),
                          [302, 200, 403, 403, 200, 403, 200])


def test_a_party_files_minutes_from_the_page(client_for, active, firm):
    active.parties.create(organisation=firm, role="operational_partner", responsibilities="Patrols")
    client = client_for("firm")
    url = reverse("partnerships:document_create", args=[active.pk])

    page = client.get(url).text
    response = client.post(url, {
        "kind": "minutes", "title": "Steering committee, March", "issued_on": "2025-03-10",
        "language": "fr", "visibility": "parties", "file": _pdf("minutes.pdf"),
    })

    assert "Signed agreement" not in page
    assert response.status_code == 302
    assert active.documents.get().title == "Steering committee, March"


def test_public_documents_show_on_the_public_page_in_ocds_and_in_the_history(
    client, admin_client, coordinator, active
):
    _file(coordinator, active, title="Convention signée")
    _file(coordinator, active, title="Note interne", visibility=DocumentVisibility.INTERNAL)

    page = client.get(reverse("partnerships:public_partnership_detail", args=[active.pk])).text
    package = json.loads(b"".join(client.get(reverse("opendata-api:ocds_releases"),
                                              {"partnership": active.pk}).streaming_content))
    history = admin_client.get(reverse("partnerships:partnership_history", args=[active.pk])).text

    assert "Convention signée" in page and "Note interne" not in page
    documents = package["releases"][-1]["contracts"][0]["documents"]
    assert [(d["title"], d["documentType"]) for d in documents] == [
        ("Convention signée", "contractSigned")
    ]
    assert "Note interne" not in json.dumps(package)
    assert "Convention signée" in history and "Note interne" in history
