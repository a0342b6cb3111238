"""Documents of partnerships in the API (``/api/v1/documents/``) and the admin: who reads which
visibility, who files which kind, the content check, the download and the history."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from partnerships.choices import DocumentKind, DocumentVisibility, Role
from partnerships.models import Document
from tests import factories as f
from tests.access import KINDS, expect
from tests.admin_forms import admin_url, change_list_at_3_then_30_rows, errors_of
from tests.calls.pdf import EXECUTABLE, OPEN_ACTION_JAVASCRIPT, small_pdf

pytestmark = pytest.mark.django_db

LIST = "/api/v1/documents/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _pdf(name="minutes.pdf", content=None):
    return SimpleUploadedFile(name, content or small_pdf("Minutes"), content_type="application/pdf")


@pytest.fixture
def documents(active, draft, firm):
    """Of the active partnership (our firm a party): one document of each visibility; of the
    draft (our firm a party too): a public one, which stays with the lead body and parties."""
    f.PartyFactory(partnership=active, organisation=firm, role=Role.OPERATIONAL_PARTNER)
    made = {
        visibility: f.DocumentFactory(partnership=active, visibility=visibility,
                                      title=f"Active {visibility}")
        for visibility in DocumentVisibility.values
    }
    made["draft"] = f.DocumentFactory(partnership=draft, title="Draft public")
    return made


ACTIVE_PUBLIC = {"Active public"}
EVERYTHING = {"Active public", "Active parties", "Active internal", "Draft public"}
LISTED = expect(
    anonymous=ACTIVE_PUBLIC,
    firm={"Active public", "Active parties", "Draft public"},
    other_firm=ACTIVE_PUBLIC,
    other_coordinator=ACTIVE_PUBLIC,
    coordinator=EVERYTHING,
    analyst=ACTIVE_PUBLIC,
    admin=EVERYTHING,
)


def test_each_kind_of_user_lists_the_documents_their_visibility_allows(users, documents):
    for kind in KINDS:
        for url in (LIST, f"{LIST}export.json"):
            response = api(users[kind]).get(url)
            assert response.status_code == 200
            rows = (response.json()["results"] if url == LIST
                    else json.loads(b"".join(response.streaming_content)))
            assert {row["title"] for row in rows} == LISTED[kind], f"{url} as {kind}"


@pytest.mark.parametrize(("document", "answers"), [
    ("public", expect(200, 200, 200, 200, 200, 200, 200)),
    ("parties", expect(404, 200, 404, 404, 200, 404, 200)),
    ("internal", expect(404, 404, 404, 404, 200, 404, 200)),
    ("draft", expect(404, 200, 404, 404, 200, 404, 200)),
])
def test_each_kind_of_user_reads_and_downloads_what_the_visibility_allows(users, documents,
                                                                          document, answers):
    uuid = documents[document].uuid
    for kind in KINDS:
        for url in (f"{LIST}{uuid}/", f"{LIST}{uuid}/download/"):
            response = api(users[kind]).get(url)
            assert response.status_code == answers[kind], f"{url} as {kind}"


def test_the_download_is_an_attachment_that_browsers_do_not_sniff(documents):
    listed = api(None).get(LIST).json()["results"][0]

    response = api(None).get(listed["download"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_description_names_no_person(users, documents, coordinator):
    Document.objects.update(uploaded_by=coordinator)

    body = api(users["admin"]).get(f"{LIST}{documents['public'].uuid}/").json()

    assert set(body) == {"id", "url", "partnership", "kind", "title", "issued_on", "language",
                         "visibility", "original_name", "size", "uploaded_at", "download"}
    assert coordinator.email not in str(body) and coordinator.username not in str(body)


def _upload(user, partnership, kind=DocumentKind.MINUTES, content=None, **fields):
    return api(user).post(LIST, {
        "partnership": partnership.pk, "kind": kind, "title": "Steering committee, March",
        "issued_on": "2025-03-10", "language": "fr", "visibility": "parties",
        "file": _pdf(content=content), **fields,
    }, format="multipart")


# Who files: the lead body any kind; the parties' people minutes and reports; nobody else.
FILES_MINUTES = expect(401, 201, 403, 403, 201, 403, 201)
FILES_AGREEMENTS = expect(401, 403, 403, 403, 201, 403, 201)


@pytest.mark.parametrize(("kind", "answers"), [
    (DocumentKind.MINUTES, FILES_MINUTES),
    (DocumentKind.SIGNED_AGREEMENT, FILES_AGREEMENTS),
])
def test_each_kind_of_user_files_what_their_place_allows(users, active, firm, kind, answers):
    f.PartyFactory(partnership=active, organisation=firm)
    for user_kind in KINDS:
        response = _upload(users[user_kind], active, kind=kind)
        assert response.status_code == answers[user_kind], f"{user_kind}: {response.content}"
    filed = Document.objects.filter(partnership=active)
    assert filed.count() == list(answers.values()).count(201)
    assert {d.size for d in filed} == {len(small_pdf("Minutes"))}


def test_a_filed_document_is_described_with_its_download(coordinator, active):
    response = _upload(coordinator, active)

    body = response.json()
    assert response["Location"] == body["url"]
    assert body["partnership"] == {"id": active.pk, "title": active.title,
                                   "status": active.status, "territory": active.territory}
    assert (body["kind"], body["language"], body["visibility"]) == ("minutes", "fr", "parties")
    assert api(coordinator).get(body["download"]).status_code == 200


@pytest.mark.parametrize(("content", "message"), [
    (EXECUTABLE, "Only PDF documents are accepted, and this file is not one."),
    (OPEN_ACTION_JAVASCRIPT,
     "PDF documents with scripts, actions or embedded files are not accepted."),
    (small_pdf() + b"<script>alert(1)</script>",
     "Only PDF documents are accepted, and this file is not one."),
])
def test_uploads_are_checked_by_their_content_as_on_the_pages(coordinator, active, content,
                                                              message):
    response = _upload(coordinator, active, content=content)

    assert response.status_code == 400
    assert response.json()["errors"] == {"file": [message]}
    assert not Document.objects.exists()


def test_a_partnership_out_of_sight_cannot_be_named(other_coordinator, draft):
    response = _upload(other_coordinator, draft)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["partnership"]
    assert not Document.objects.exists()


def test_descriptions_are_corrected_by_whoever_may_and_the_history_keeps_each_change(
    users, documents, firm_user
):
    minutes = f.DocumentFactory(partnership=documents["public"].partnership,
                                uploaded_by=firm_user, title="Minutes, March")
    url = f"{LIST}{minutes.uuid}/"

    assert api(users["other_firm"]).patch(url, {"title": "X"}, format="json").status_code == 403
    assert api(users["analyst"]).patch(url, {"title": "X"}, format="json").status_code == 403
    # A party's person keeps to the kinds parties file.
    refused = api(firm_user).patch(url, {"kind": "signed_agreement"}, format="json")
    assert refused.status_code == 403
    assert api(firm_user).patch(url, {"title": "Minutes, 10 March"},
                                format="json").status_code == 200
    changed = api(users["coordinator"]).patch(url, {"visibility": "internal"}, format="json")

    assert changed.status_code == 200
    assert changed.json()["visibility"] == "internal"
    minutes.refresh_from_db()
    assert [(h.title, h.visibility) for h in minutes.history.order_by("history_id")][-2:] == [
        ("Minutes, 10 March", "public"), ("Minutes, 10 March", "internal")
    ]
    assert api(None).get(url).status_code == 404


def test_documents_are_removed_by_the_lead_body_and_not_by_other_readers(users, documents):
    url = f"{LIST}{documents['public'].uuid}/"

    assert api(users["other_coordinator"]).delete(url).status_code == 403
    assert api(users["firm"]).delete(url).status_code == 403
    assert api(users["coordinator"]).delete(url).status_code == 204
    assert not Document.objects.filter(pk=documents["public"].pk).exists()
    assert Document.history.filter(history_type="-", title="Active public").exists()


def test_the_list_filters_with_the_shared_filterset(users, documents):
    client = api(users["coordinator"])

    def titles(**params):
        return {row["title"] for row in client.get(LIST, params).json()["results"]}

    assert titles(visibility="internal") == {"Active internal"}
    assert titles(partnership=documents["draft"].partnership_id) == {"Draft public"}
    assert titles(q="draft") == {"Draft public"}
    assert titles(kind="signed_agreement") == set()


@pytest.mark.parametrize("kind", ["anonymous", "coordinator"])
def test_the_list_costs_the_same_for_3_and_30_documents(users, active, kind):
    client = api(users[kind])
    f.DocumentFactory.create_batch(3, partnership=active)
    with CaptureQueriesContext(connection) as three:
        assert len(client.get(LIST, {"page_size": 500}).json()["results"]) == 3
    f.DocumentFactory.create_batch(27, partnership=active)
    with CaptureQueriesContext(connection) as thirty:
        assert len(client.get(LIST, {"page_size": 500}).json()["results"]) == 30
    # The page, with its partnerships joined: one query, restriction included.
    assert len(three) == len(thirty) == 1


# The admin --------------------------------------------------------------------------------


def _admin_add(client, partnership, content):
    return client.post(admin_url(Document, "add"), {
        "partnership": partnership.pk, "kind": "signed_agreement", "title": "Convention signée",
        "issued_on": "2025-01-15", "language": "fr", "visibility": "public",
        "file": _pdf("convention.pdf", content),
    })


def test_the_admin_files_documents_through_the_service_and_keeps_their_history(
    admin_client, admin_user, active
):
    refused = _admin_add(admin_client, active, OPEN_ACTION_JAVASCRIPT)
    assert refused.status_code == 200
    assert errors_of(refused) == [
        "PDF documents with scripts, actions or embedded files are not accepted."
    ]

    assert _admin_add(admin_client, active, small_pdf("Convention")).status_code == 302
    document = Document.objects.get()
    assert (document.original_name, document.uploaded_by) == ("convention.pdf", admin_user)

    change = admin_client.get(admin_url(Document, "change", document.pk))
    assert "file" not in change.context["adminform"].form.fields
    assert document.get_absolute_url() in change.text
    admin_client.post(admin_url(Document, "change", document.pk), {
        "kind": "signed_agreement", "title": "Convention signée", "issued_on": "2025-01-15",
        "language": "fr", "visibility": "internal",
    })
    document.refresh_from_db()
    assert document.visibility == DocumentVisibility.INTERNAL
    history = admin_client.get(admin_url(Document, "history", document.pk))
    assert history.status_code == 200
    assert [h.history_user for h in document.history.all()] == [admin_user, admin_user]


def test_the_admin_change_list_costs_the_same_for_3_and_30_documents(admin_client,
                                                                     django_assert_num_queries):
    response = change_list_at_3_then_30_rows(admin_client, Document, f.DocumentFactory,
                                             django_assert_num_queries)

    assert response.context["cl"].result_count == 30


def test_a_party_files_a_report_for_the_lead_body_alone_and_still_reads_it(users, active, firm):
    f.PartyFactory(partnership=active, organisation=firm)

    response = _upload(users["firm"], active, kind=DocumentKind.EVALUATION_REPORT,
                       visibility="internal")

    assert response.status_code == 201
    url = response.json()["url"]
    answers = expect(404, 200, 404, 404, 200, 404, 200)
    for kind in KINDS:
        assert api(users[kind]).get(url).status_code == answers[kind], kind
