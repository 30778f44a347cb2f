"""Facts about the portal's content as a whole, shared by every page."""

import dataclasses
import math
import threading
import time
from contextlib import contextmanager
from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from core.registry import content_models

# The content version — when content last changed — is read by every public request (the page and API
# caches key on it), so it is kept close: each process remembers the value it read for
# ``AZAMAT_VERSION_TTL`` seconds; a shared cache (Redis, when ``CACHE_URL`` names one) holds the value all
# instances read; the database row is the source of truth. A save refreshes the shared cache when its
# transaction commits and forgets the process's copy at once, so the process that saved sees its change
# on the next request and other processes within the TTL (or at once through the shared cache).
VERSION_KEY = "content-version"
_MISSING = object()
_memo = threading.local()


def _read_database():
    from core.models import ContentState

    table = connection.ops.quote_name(ContentState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT changed_at FROM {table} WHERE id = 1")  # noqa: S608 - a model's table name
        row = cursor.fetchone()
    if row is None:
        return None
    value = row[0]
    if isinstance(value, str):  # SQLite gives text
        value = parse_datetime(value)
    if value is not None and is_naive(value):
        value = make_aware(value, UTC)
    return value


def last_updated():
    """When any content last changed, or None before the first change (see the note above)."""
    now = time.monotonic()
    if now - getattr(_memo, "read_at", -math.inf) < settings.AZAMAT_VERSION_TTL:
        return _memo.value
    value = cache.get(VERSION_KEY, _MISSING) if settings.AZAMAT_SHARED_CACHE else _MISSING
    if value is _MISSING:
        value = _read_database()
        if settings.AZAMAT_SHARED_CACHE:
            cache.set(VERSION_KEY, value, None)
    _memo.value, _memo.read_at = value, now
    return value


def version_label(changed):
    """The content version ``changed`` (from ``last_updated``) as text, for cache keys and file names: "-"
    before the first change."""
    return changed.isoformat() if changed else "-"


def forget_version():
    """Make this process read the version afresh on its next request."""
    _memo.read_at = -math.inf


def _published(moment):
    if settings.AZAMAT_SHARED_CACHE:
        cache.set(VERSION_KEY, moment, None)
    forget_version()


# Inside ``bulk_change`` a change is only noted, and the version moves once when the block ends (a load
# saves a few thousand objects; each moved the version before).
_bulk = threading.local()


def touch(**_signal_kwargs):
    """Record that content changed now."""
    from core.models import ContentState

    if getattr(_bulk, "depth", 0):
        _bulk.touched = True
        return
    now = timezone.now()
    if not ContentState.objects.filter(pk=1).update(changed_at=now):  # the row exists after the first change
        with transaction.atomic():
            ContentState.objects.get_or_create(pk=1, defaults={"changed_at": now})
            ContentState.objects.filter(pk=1).update(changed_at=now)
    forget_version()
    transaction.on_commit(lambda: _published(now))


def connect_signals():
    """Call ``touch`` on every save, delete and change of links of a content model."""
    for model in content_models():
        post_save.connect(touch, sender=model, dispatch_uid=f"content-touch-save-{model._meta.label}")
        post_delete.connect(touch, sender=model, dispatch_uid=f"content-touch-delete-{model._meta.label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(touch, sender=field.remote_field.through, dispatch_uid=f"content-touch-m2m-{field}")


# A load or an import changes much content at once. Services that follow each change (the search
# index) hear ``bulk_started`` and wait; at ``bulk_finished`` they catch up once (``changed``: whether
# content changed) and may answer with a line for the report, or, when the block failed (``failed``,
# its transaction is being rolled back), only stop waiting.
bulk_started = Signal()
bulk_finished = Signal()


@dataclasses.dataclass
class BulkChange:
    changed: bool = False
    notes: list = dataclasses.field(default_factory=list)


@contextmanager
def bulk_change():
    """Change much content at once (inside the caller's transaction): services catch up at the end,
    and only if the block succeeded and set ``changed``; their notes are collected in ``notes``."""
    bulk = BulkChange()
    depth = getattr(_bulk, "depth", 0)
    outermost = depth == 0
    if outermost:
        _bulk.touched = False
    _bulk.depth = depth + 1
    bulk_started.send(sender=BulkChange)
    try:
        yield bulk
    except BaseException:
        bulk_finished.send(sender=BulkChange, changed=False, failed=True)
        raise
    finally:
        _bulk.depth = depth
    if outermost and _bulk.touched:
        touch()
    for _receiver, note in bulk_finished.send(sender=BulkChange, changed=bulk.changed, failed=False):
        if note:
            bulk.notes.append(note)


def can_preview(request):
    """Whether the visitor is staff and may see drafts.

    Looked up only when a session cookie is there: reading ``request.user`` marks the session as
    used, which makes the response vary on cookies and keeps it out of the shared page cache.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff
