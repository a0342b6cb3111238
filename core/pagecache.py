"""Cached fragments of the public pages, and the one version that invalidates them all.

A page caches a fragment under the current version of the public data (``{% cache %}`` with
``page_version`` among its keys); any write to a model that a public page shows bumps the
version, so the next reader renders afresh and nobody sees a page older than the last write.
Writes are rare beside reads, so one version for everything is simpler than one per object
and costs little.

The version is bumped at once and again after the transaction commits: at once, so that a
reader in the same transaction (a test, a service that reads back) sees its write; after the
commit, because a reader that rendered between the first bump and the commit cached what it
read from before the write under the new version.

The version lives in the shared cache (one read per request); the fragments are kept by each
process in its local cache (``using="local"``), which is read without a round trip, and are
found again only under the version they were rendered for.

Only anonymous readers share fragments: what a signed-in reader sees may depend on who they
are, so their pages are rendered each time. If the cache cannot be reached, pages are rendered
without it, and a bump that could not be written is written once it can (see ``_retry``). The
API's rendered reads (``core.api.readcache``) are kept under the same version.

Writes that bypass the models' signals (``QuerySet.update()``, raw SQL, ``bulk_create``) must
call ``bump()`` themselves, as ``seed_demo`` does.
"""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "pages:version"
# A fragment outlives no write; this only bounds what an unused key keeps in memory.
FRAGMENT_SECONDS = 60 * 60

logger = logging.getLogger(__name__)


# A bump this process could not write: the shared cache may come back with the version it had
# before the write (a network cut, a Redis that keeps its data), under which the other processes
# still keep what they rendered. The process writes it as soon as the cache answers again: it
# tries every RETRY_SECONDS in the background, and before it next reads the version itself.
_unwritten_bump = False
_retrying = threading.Lock()
RETRY_SECONDS = 1.0


def _new_version() -> None:
    global _unwritten_bump
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)
        _unwritten_bump = False
    except Exception:  # a cache that is down caches nothing: no page can be stale while it is
        _unwritten_bump = True
        logger.warning("The page cache could not be invalidated.", exc_info=True)
        if _retrying.acquire(blocking=False):
            threading.Thread(target=_retry, name="pagecache-bump", daemon=True).start()


def _retry() -> None:
    global _unwritten_bump
    try:
        while _unwritten_bump:
            time.sleep(RETRY_SECONDS)
            try:
                cache.set(VERSION_KEY, uuid.uuid4().hex, None)
            except Exception:  # still down: try again
                logger.debug("The page cache is still down.", exc_info=True)
                continue
            _unwritten_bump = False
    finally:
        _retrying.release()


def bump(**_signal) -> None:
    """Invalidate every cached fragment: now, and once the current transaction commits."""
    _new_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_version)


def page_version(request) -> str | None:
    """The key of the public data as they stand, for an anonymous reader; None (render without
    the cache) for a signed-in one or when the cache is down."""
    if request.user.is_authenticated:
        return None
    return data_version()


def data_version(request=None) -> str | None:
    """The version of the public data as they stand, whoever reads; None when the cache is
    down or not shared by every process that serves (then nothing may be kept).

    Given a request that writes nothing (an API read), it is read once for the request."""
    if request is not None:
        request = getattr(request, "_request", request)  # DRF's request wraps Django's
        try:
            return request._data_version
        except AttributeError:
            request._data_version = data_version()
            return request._data_version
    if not settings.KEEP_RENDERED:
        return None
    if _unwritten_bump:
        _new_version()
        if _unwritten_bump:
            return None
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY)
    except Exception:
        logger.warning("The page cache could not be read.", exc_info=True)
        return None
    return version


def bump_on_writes(models) -> None:
    """Bump the version whenever a row of ``models`` (or one of their many-to-many links) is
    written or deleted. Each app calls it for its own models from its ``ready()``."""
    for model in models:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(bump, sender=model, dispatch_uid=uid, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(bump, sender=field.remote_field.through,
                                dispatch_uid=f"{uid}:{field.name}", weak=False)


def page_context(request) -> dict:
    """What a template's ``{% cache %}`` of public data needs: ``page_version`` (None: do not
    cache) and ``fragment_seconds``."""
    return {"page_version": page_version(request), "fragment_seconds": FRAGMENT_SECONDS}


def remembered(version: str | None, key: str, compute):
    """``compute()``, kept in this process's local cache under ``version`` of the public data
    (computed every time when ``version`` is None, as for a signed-in reader). An exception
    (a 404, say) is not kept."""
    if version is None:
        return compute()
    local = caches["local"]
    full_key = f"pages:{version}:{key}"
    value = local.get(full_key)
    if value is None:
        value = compute()
        local.set(full_key, value, FRAGMENT_SECONDS)
    return value
