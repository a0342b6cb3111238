"""A mail server that takes its time: each message is written to a file in
``FAULTS_MAIL_DIR``, then the backend waits ``FAULTS_MAIL_DELAY`` seconds before it returns, the
window in which a killed worker has sent a mail but not yet marked its row sent."""

import os
import re
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

MESSAGE_ID = re.compile(r"^Message-ID: (<[^>]+>)", re.MULTILINE)


class SlowFileBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("file_path", os.environ["FAULTS_MAIL_DIR"])
        super().__init__(*args, **kwargs)

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        time.sleep(float(os.environ.get("FAULTS_MAIL_DELAY", "0.03")))
        return sent


def message_ids(folder: Path) -> list[str]:
    """Every Message-ID written to the folder, one per mail sent, repeats included."""
    return [found for path in sorted(folder.iterdir()) for found in MESSAGE_ID.findall(path.read_text())]
