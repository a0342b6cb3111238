"""What makes an uploaded file an acceptable PDF: one that parses as a PDF, carries no active
content, and has nothing but whitespace after its last ``%%EOF`` (a polyglot that is a PDF to
one reader and HTML or a script to another is refused)."""

from io import BytesIO

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


def pdf_problem(content: bytes) -> str | None:
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

