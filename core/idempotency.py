"""Safe retries of writes: a request sent again with the same key gets the first answer.

The key is claimed in the write's own transaction, before the write: a crash leaves neither the
change nor its key, and a second request with the same key, running at the same time, waits on
the key's unique constraint until the first commits, then finds the first answer. API POSTs name
their key in the ``Idempotency-Key`` header (``core.api.idempotency``); page forms that create
carry a one-time token (``core.views.one_time_form``). Keys live for ``IDEMPOTENCY_KEY_TTL``;
``manage.py purge_idempotency_keys`` (run by Celery beat) deletes the expired ones.
"""

import hashlib
import json
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import IdempotencyKey

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
FORM_TOKEN_FIELD = "one_time_token"  # noqa: S105 (a field name)


def new_token() -> str:
    return secrets.token_hex(16)


def fingerprint(method: str, path: str, content) -> str:
    """A digest of what was asked: the same key with another request is a client's mistake."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


def earlier(user, key: str):
    """The live record of ``key`` for ``user``, if any; an expired one is forgotten."""
    record = IdempotencyKey.objects.filter(user=user, key=key).first()
    if record is not None and record.is_expired:
        IdempotencyKey.objects.filter(pk=record.pk).delete()
        return None
    return record


class Replay(Exception):
    """The key was used before, by a request that committed: answer with ``record``."""

    def __init__(self, record):
        super().__init__(record.key)
        self.record = record


def run_once(*, user, key: str, method: str, path: str, fingerprint: str, write, answer):
    """Run ``write()`` and the key's claim in one transaction; ``answer(response)`` says what to
    remember of the response (a dict of record fields), or ``None`` when the write did not
    happen (an error), in which case the key stays free and the transaction is rolled back.

    Raises ``Replay`` when another request with the key committed first.
    """
    try:
        with transaction.atomic():
            record = IdempotencyKey.objects.create(
                user=user, key=key, method=method, path=path[:2000], fingerprint=fingerprint,
                created_at=timezone.now(),
            )
            response = write()
            remembered = answer(response)
            if remembered is None:
                transaction.set_rollback(True)
            else:
                for name, value in remembered.items():
                    setattr(record, name, value)
                record.save()
    except IntegrityError:
        first = IdempotencyKey.objects.filter(user=user, key=key).first()
        if first is None:
            raise
        raise Replay(first) from None
    return response
