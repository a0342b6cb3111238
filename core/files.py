"""Checks of uploaded files by their content, shared by every app that takes documents."""

import os

from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"


def pdf_problem(uploaded, *, max_bytes: int) -> str | None:
    """Why ``uploaded`` is not an acceptable PDF (empty, too large, not a PDF), or None."""
    if not uploaded.size:
        return _("The file is empty.")
    if uploaded.size > max_bytes:
        return _("The file is too large: at most %(mb)s MB.") % {"mb": round(max_bytes / 1048576, 1)}
    uploaded.seek(0)
    head = uploaded.read(len(PDF_MAGIC))
    uploaded.seek(0)
    if head != PDF_MAGIC:
        return _("Only PDF documents are accepted, and this file is not one.")
    return None


def display_name(uploaded, default: str = "document.pdf") -> str:
    """The uploader's file name, without folders or unprintable characters, to show only."""
    name = os.path.basename((uploaded.name or "").replace("\\", "/")).strip()
    return "".join(char for char in name if char.isprintable())[:200] or default
