"""The public export (``/api/v1/export``): all published content in every language as one JSON document.

Apps contribute its parts (``export_sections`` in their ``AppConfig``, see ``core.registry``): each
``Section`` names the part's type (for the OpenAPI schema) and writes its JSON text piece by piece, so
the document is streamed at any size. The export of a content version is written to disk once and then
served from there like a static file (``export_file``).
"""

import fcntl
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections
from ninja import Schema
from pydantic import Field, create_model

from core import registry
from core.apitools import API_FORMAT_VERSION, Fields
from core.compression import compress_file
from core.content import last_updated, version_label
from core.db import snapshot

logger = logging.getLogger("azamat.api")


@dataclass(frozen=True)
class Section:
    """One part of the export: its type in the schema (``list[GuideOut]``) and ``chunks(fields)``, which
    yields its JSON text (``array(...)`` makes that from dicts)."""

    schema: object
    chunks: Callable[[Fields], Iterable[str]]


def dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)


def array(items):
    """A JSON array streamed item by item."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + dumps(item)
    yield "]"


def release(obj):
    """Drop what was prefetched for ``obj`` (and for what was prefetched with it).

    A prefetched related queryset points back at the object it belongs to (and a prefetched step at
    its route), so without this only Python's cycle collector frees them, and its full collections
    are rare: the garbage of every part read so far would stay until the end and the export's memory
    would grow with the content. Collecting after each part instead made the export 6× slower.
    """
    for related in obj.__dict__.pop("_prefetched_objects_cache", {}).values():
        for child in related._result_cache or ():
            release(child)


def released(objects):
    """``objects``, each released once the caller has read it."""
    for obj in objects:
        yield obj
        release(obj)


def export_schema():
    """The export's schema: the head, then each section the apps contribute, in their order."""
    sections = {key: (section.schema, ...) for key, section in registry.export_sections()}
    return create_model(
        "ExportOut",
        __base__=Schema,
        format=(str, Field(description='Always "azamat-public-export".')),
        version=(int, ...),
        last_updated=(datetime | None, ...),
        **sections,
    )


def export_stream():
    """The whole published content in every language as one JSON document, produced piece by piece."""
    fields = Fields(None)
    head = {"format": "azamat-public-export", "version": API_FORMAT_VERSION, "last_updated": last_updated()}
    yield dumps(head)[:-1]
    for key, section in registry.export_sections():
        yield f",{json.dumps(key)}:"
        yield from section.chunks(fields)
    yield "}"


def export_file():
    """The export of the current content version as a file, written now if it is not there yet.

    Writing streams into a temporary file (bounded memory at any size); later requests for the
    same version are served from disk like a static file. Files of older versions are removed.
    Several workers or instances sharing the folder write it once: the first takes a lock on the
    folder, the others wait for it and then serve its file.
    None when file caching is off (``AZAMAT_EXPORT_DIR`` empty): then the export is streamed.
    """
    path = _current_path()
    return path if path is None or path.exists() else _write(path)


def export_to_send():
    """``(path, current)``: the file to send for a request of the export, and whether it is the current
    version's.

    With ``AZAMAT_EXPORT_REFRESH = "background"`` (the default) no request waits for a new version's
    file while an older one is on disk: that one is sent (``current`` False: its own ``last_updated`` says
    which version it is) and this process writes the new one in a thread of its own, so the next request
    gets it. (At 100 times the bundled content the export is 180 MB, and writing it takes longer than
    gunicorn lets a request run.) The first export ever, or with ``"request"``, is written by the request.
    ``(None, True)`` when file caching is off.
    """
    path = _current_path()
    if path is None or path.exists():
        return path, True
    if settings.AZAMAT_EXPORT_REFRESH == "background" and (previous := _newest(path.parent)) is not None:
        _write_in_background(path)
        return previous, False
    return _write(path), True


def _current_path():
    """Where the current content version's export is (or will be) written; None when file caching is off."""
    folder = settings.AZAMAT_EXPORT_DIR
    if not folder:
        return None
    version = hashlib.sha256(version_label(last_updated()).encode()).hexdigest()[:16]
    return Path(folder) / f"export-{version}.json"


def _newest(folder):
    """The newest export file written whole in ``folder`` (files are renamed into place when complete)."""
    written = []
    for found in folder.glob("export-*.json"):
        try:
            written.append((found.stat().st_mtime, found.name, found))
        except FileNotFoundError:  # replaced by a newer version meanwhile
            continue
    return max(written)[2] if written else None


_background = threading.Lock()  # one writing thread per process


def _write_in_background(path):
    """Write ``path`` in a thread, unless this process is writing already (another process that is writing
    holds the folder's lock: the thread then finds the file there and stops)."""
    if not _background.acquire(blocking=False):
        return

    def run():
        try:
            _write(path, wait=False)
        except Exception:
            logger.exception("export not written: %s", path.name)
        finally:
            connections.close_all()  # this thread's own connections
            _background.release()

    threading.Thread(target=run, name="azamat-export", daemon=True).start()


def _write(path, wait=True):
    """Write the export to ``path`` under the folder's lock, then remove older versions' files. With
    ``wait=False`` it gives up at once when another process holds the lock (it is writing)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        try:
            if not path.exists():  # another worker may have written it while this one waited
                for orphan in folder.glob(".export-*.tmp*"):  # left by a process that stopped while writing
                    orphan.unlink(missing_ok=True)
                temporary = folder / f".export-{path.stem[7:]}-{os.getpid()}-{threading.get_ident()}.tmp"
                with open(temporary, "w", encoding="utf-8") as stream, snapshot():
                    for chunk in export_stream():
                        stream.write(chunk)
                for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):  # served compressed from disk
                    packed = temporary.with_name(temporary.name + suffix)
                    compress_file(temporary, packed, encoding)
                    os.replace(packed, path.with_name(path.name + suffix))
                os.replace(temporary, path)
                logger.info("export written: %s (pid %s)", path.name, os.getpid())
                for old in folder.glob("export-*.json*"):
                    if not old.name.startswith(path.name):
                        old.unlink(missing_ok=True)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return path
