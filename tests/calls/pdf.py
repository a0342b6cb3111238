"""A small, valid one-page PDF made on the fly, and files that only pretend to be PDFs."""


def small_pdf(text: str = "Offer", *, catalog: bytes = b"", extra=()) -> bytes:
    """``catalog`` is added to the document catalog; ``extra`` objects are numbered from 6."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )
    return bytes(out)


# The first bytes of a Windows executable.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 240


# Documents that are PDFs and do something when opened, or are something else as well.
OPEN_ACTION_JAVASCRIPT = small_pdf(
    catalog=b"/OpenAction 6 0 R", extra=[b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]
)
NAMED_JAVASCRIPT = small_pdf(
    catalog=b"/Names << /JavaScript 6 0 R >>",
    extra=[b"<< /Names [(x) << /S /JavaScript /JS (app.alert\\(1\\)) >>] >>"],
)
LAUNCH_ACTION = small_pdf(
    catalog=b"/OpenAction << /S /Launch /F (cmd.exe) >>"
)
EMBEDDED_FILE = small_pdf(
    catalog=b"/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>",
    extra=[b"<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>",
           b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream"],
)
HTML_POLYGLOT = small_pdf() + b"<html><body><script>alert(document.cookie)</script></body></html>\n"
NO_END = small_pdf()[:-7]
ONLY_MAGIC = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"

# Every document above that an upload must refuse, by name, for ``pytest.mark.parametrize``.
REFUSED = {"open-action-js": OPEN_ACTION_JAVASCRIPT, "named-js": NAMED_JAVASCRIPT,
           "launch": LAUNCH_ACTION, "embedded-file": EMBEDDED_FILE, "html-polyglot": HTML_POLYGLOT,
           "no-eof": NO_END, "only-magic": ONLY_MAGIC}
