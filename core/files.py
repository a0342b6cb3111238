"""Checks of uploaded files by their content, shared by every app that takes documents."""

import os

from django.utils.translation import gettext as _

from .pdf import pdf_problem


def uploaded_pdf_problem(uploaded, *, max_bytes: int) -> str | None:
    """Why ``uploaded`` is not an acceptable PDF (empty, too large, or refused by
    ``pdf_problem``: not a PDF, encrypted, active content, a polyglot), or None."""
    if not uploaded.size:
        return _("The file is empty.")
    if uploaded.size > max_bytes:
        return _("The file is too large: at most %(mb)s MB.") % {"mb": round(max_bytes / 1048576, 1)}
    uploaded.seek(0)
    content = uploaded.read()
    uploaded.seek(0)
    return pdf_problem(content)


def display_name(uploaded, default: str = "document.pdf") -> str:
    """The uploader's file name, without folders or unprintable characters, to show only."""
    name = os.path.basename((uploaded.name or "").replace("\\", "/")).strip()
    return "".join(char for char in name if char.isprintable())[:200] or default
