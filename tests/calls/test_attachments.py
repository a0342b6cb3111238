"""Attachments: PDFs only, checked by their content, size-limited, served to those allowed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from calls.models import Attachment
from core.pdf import pdf_problem

from . import pdf
from .pdf import EXECUTABLE, small_pdf


@pytest.fixture
def upload(client, eoi, firm_user):
    client.force_login(firm_user)

    def post(name, content):
        return client.post(
            reverse("calls:attachment_upload", args=[eoi.pk]),
            {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
            follow=True,
        )

    return post


def test_a_real_pdf_is_accepted_stored_under_a_name_of_our_own_and_served_back(
    client, upload, eoi
):
    content = small_pdf("Our offer")
    response = upload("../../Offre commerciale.pdf", content)

    assert "“Offre commerciale.pdf” is attached." in response.text
    attachment = Attachment.objects.get(expression_of_interest=eoi)
    assert attachment.original_name == "Offre commerciale.pdf"
    assert attachment.file.name == f"calls/attachments/{attachment.uuid}.pdf"
    download = client.get(reverse("calls:attachment_download", args=[attachment.uuid]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", EXECUTABLE, "Only PDF documents are accepted, and this file is not one."),
        ("empty.pdf", b"", "The submitted file is empty."),
        ("huge.pdf", small_pdf() + b"0" * 2048, "The file is too large: at most 0.0 MB."),
    ],
    ids=["executable renamed .pdf", "empty file", "oversized file"],
)
def test_files_that_are_not_small_pdfs_are_refused_with_a_message(
    upload, eoi, settings, name, content, message
):
    settings.CALLS_ATTACHMENT_MAX_BYTES = 1024

    response = upload(name, content)

    assert response.status_code == 400
    assert message in response.text
    assert not Attachment.objects.exists()


def test_attachments_close_with_the_review(client, upload, eoi, coordinator, firm_user):
    client.force_login(coordinator)
    client.post(reverse("calls:eoi_start_review", args=[eoi.pk]))
    client.force_login(firm_user)

    response = upload("late.pdf", small_pdf())

    assert "can no longer be changed" in response.text
    assert not Attachment.objects.exists()


def test_the_firm_removes_an_attachment(client, upload, eoi):
    upload("offer.pdf", small_pdf())
    attachment = Attachment.objects.get()

    client.post(reverse("calls:attachment_delete", args=[attachment.uuid]))

    assert not Attachment.objects.exists()


@pytest.mark.parametrize("content", [
    pdf.OPEN_ACTION_JAVASCRIPT, pdf.NAMED_JAVASCRIPT, pdf.LAUNCH_ACTION, pdf.EMBEDDED_FILE,
    pdf.HTML_POLYGLOT, pdf.NO_END, pdf.ONLY_MAGIC,
], ids=["open-action-js", "named-js", "launch", "embedded-file", "html-polyglot", "no-eof",
        "only-magic"])
def test_active_or_polyglot_pdfs_are_refused(upload, eoi, content):
    upload("offer.pdf", content)

    assert not Attachment.objects.filter(expression_of_interest=eoi).exists()


def test_the_crafted_documents_are_pdfs_apart_from_what_they_carry():
    assert pdf_problem(small_pdf()) is None
    assert pdf_problem(small_pdf() + b"\n\r\n ") is None
    assert "scripts" in pdf_problem(pdf.OPEN_ACTION_JAVASCRIPT)


def test_attachments_are_served_as_downloads_never_sniffed(client, upload, eoi):
    upload("offer.pdf", small_pdf())
    attachment = Attachment.objects.get(expression_of_interest=eoi)

    download = client.get(reverse("calls:attachment_download", args=[attachment.uuid]))
    api = client.get(f"/api/v1/expressions-of-interest/{eoi.pk}/attachments/{attachment.uuid}/")

    for response in (download, api):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
