"""Checks of uploaded files by their content, shared by every app that takes documents.

An acceptable PDF is one that parses as a PDF (with pypdf), carries no active content, and has
nothing but whitespace after its last ``%%EOF``: a polyglot that is a PDF to one reader and HTML
or a script to another is refused."""

import os
from io import BytesIO

from django.http import FileResponse
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF_MAGIC = b"%PDF-"
EOF_MARKER = b"%%EOF"
# The keys and action types that make a PDF do something when opened or clicked.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/RichMedia",
               "/XFA", "/Launch"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute",
                  "/GoToE"}
ACTIVE_TYPES = {"/EmbeddedFile"}
MAX_OBJECTS = 200_000


def pdf_content_problem(content: bytes) -> str | None:
    """Why ``content`` is not an acceptable PDF, or None when it is."""
    not_pdf = _("Only PDF documents are accepted, and this file is not one.")
    if not content.startswith(PDF_MAGIC):
        return not_pdf
    end = content.rfind(EOF_MARKER)
    if end < 0 or content[end + len(EOF_MARKER):].strip():
        return not_pdf
    try:
        reader = PdfReader(BytesIO(content), strict=False)
        if reader.is_encrypted:
            return _("Encrypted PDF documents are not accepted.")
        if _has_active_content(reader.trailer):
            return _("PDF documents with scripts, actions or embedded files are not accepted.")
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError):
        return not_pdf
    return None


def _has_active_content(root) -> bool:
    """Walk every object reachable from the trailer (without decoding streams) for active keys."""
    seen = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_OBJECTS:
                return True
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            if ACTIVE_KEYS & set(node.keys()):
                return True
            if node.get("/S") in ACTIVE_ACTIONS or node.get("/Type") in ACTIVE_TYPES:
                return True
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return False


def pdf_download(stored) -> FileResponse:
    """A stored PDF (a partnership's document, an attachment to an expression of interest) as a
    download, under the name it was uploaded with."""
    return FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.original_name,
                        content_type="application/pdf")


def pdf_problem(uploaded, *, max_bytes: int) -> str | None:
    """Why ``uploaded`` is not an acceptable PDF (empty, too large, not a PDF, active), or None."""
    if not uploaded.size:
        return _("The file is empty.")
    if uploaded.size > max_bytes:
        return _("The file is too large: at most %(mb)s MB.") % {"mb": round(max_bytes / 1048576, 1)}
    uploaded.seek(0)
    content = uploaded.read()
    uploaded.seek(0)
    return pdf_content_problem(content)


def display_name(uploaded, default: str = "document.pdf") -> str:
    """The uploader's file name, without folders or unprintable characters, to show only."""
    name = os.path.basename((uploaded.name or "").replace("\\", "/")).strip()
    return "".join(char for char in name if char.isprintable())[:200] or default
