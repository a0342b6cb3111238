"""The French catalogue is complete, its compiled form is current, and e-mails speak the
recipient's language rather than that of whoever caused them."""

import gettext
import re
import shutil
import subprocess
import sys
import tomllib

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from calls.choices import EoiStatus
from tests.calls import factories as cf

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# What the code fills in or the reader's browser parses: a translation must keep each of them.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|</?[a-z][^>]*>")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def _translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_every_string_is_translated(catalogue):
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []


def test_translations_keep_the_placeholders_and_tags(catalogue):
    broken = [
        (entry.msgid, text)
        for entry in catalogue.translated_entries()
        for text in _translations(entry)
        if set(PLACEHOLDER.findall(text))
        != set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
    ]
    assert broken == []


def test_the_committed_compiled_catalogue_matches_the_po(catalogue, tmp_path):
    fresh = tmp_path / "django.mo"
    catalogue.save_as_mofile(str(fresh))

    def entries(path):
        with open(path, "rb") as compiled:
            messages = gettext.GNUTranslations(compiled)._catalog
        # The header only dates the last extraction.
        return {key: text for key, text in messages.items() if key != ""}

    assert entries(COMPILED) == entries(fresh), (
        "locale/fr/LC_MESSAGES/django.mo is out of date: run manage.py compilemessages"
    )


@pytest.mark.django_db
def test_a_french_speaking_firm_reads_in_french_what_an_english_speaking_coordinator_did(
    body, firm, firm_user, coordinator, django_capture_on_commit_callbacks
):
    eoi = cf.EoiFactory(
        call=cf.CallFactory(lead_body=body), organisation=firm, submitted_by=firm_user,
        status=EoiStatus.SUBMITTED, title="Éclairage et médiation",
        contact_email="carol.contact@firm.example",
    )
    firm_browser = Client()
    firm_browser.force_login(firm_user)
    firm_browser.post(reverse("set_language"), {"language": "fr", "next": "/"})

    coordinator_browser = Client()
    coordinator_browser.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_browser.post(
            reverse("calls:eoi_decline", args=[eoi.pk]),
            {"reason": "Nous cherchons des patrouilles de nuit."},
            follow=True,
        )

    assert "The expression of interest is declined; the firm is told why." in response.text
    [message] = mail.outbox
    assert message.to == ["carol.contact@firm.example"]
    assert message.subject == (
        "Votre manifestation d’intérêt a été refusée : Éclairage et médiation"
    )
    assert (
        f"{body.name} a refusé votre manifestation d’intérêt « Éclairage et médiation ». "
        "Le motif donné :" in message.body
    )
    assert "Nous cherchons des patrouilles de nuit." in message.body


def test_every_string_of_the_code_is_in_the_catalogue(tmp_path):
    """Extract the strings of the code and templates afresh: none may be missing from the
    French catalogue."""
    root = settings.BASE_DIR
    packages = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["importlinter"][
        "root_packages"]
    for folder in ("locale", "templates", *packages):
        shutil.copytree(root / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(root / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", "-v", "0"],
        cwd=tmp_path, check=True, timeout=120,
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))

    missing = [e.msgid for e in fresh.untranslated_entries() + fresh.fuzzy_entries()]
    assert missing == []
