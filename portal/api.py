"""The public JSON API (``/api/v1/``): read-only, published content only, OpenAPI 3 described.

Routers live beside their apps (``constitution/api.py`` …); this module puts them together,
turns every error into JSON and streams the full export.
"""

import fcntl
import hashlib
import json
import logging
import os
import threading
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer
from pydantic import Field

from constitution.api import (
    ArticleOut,
    EditionOut,
    SectionOut,
    article_out,
    articles_with_counterparts,
    edition_out,
    editions_with_counts,
    name_ranges,
    section_out,
    sections_with_ranges,
)
from constitution.api import router as constitution_router
from essays.api import EssayOut, essay_out, essays_for_api
from essays.api import router as essays_router
from guides import selectors as guide_selectors
from guides.api import GuideOut, MciOut, guide_out, mci_out
from guides.api import router as guides_router
from guides.models import Guide, MciRate
from portal.apitools import API_FORMAT_VERSION, ERRORS, Fields
from portal.content import last_updated
from portal.middleware import compress_file, preferred_encoding
from search.api import router as search_router

logger = logging.getLogger("azamat.api")


class Utf8JSONRenderer(JSONRenderer):
    """Kazakh and Russian text as UTF-8, not ``\\u`` escapes: about half the bytes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Azamat API",
    version="1",
    description=(
        "Published content of the Azamat portal: the Constitution of Kazakhstan (editions, sections, "
        "articles), public service guides, essays and the MCI table. Read-only and public. "
        "Every translated field is an object of kk/ru/en texts, or, with `?lang=`, one string with "
        "fallback listed in `fallback`. Responses carry ETag and Last-Modified for revalidation."
    ),
    urls_namespace="api",
    renderer=Utf8JSONRenderer(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/constitution", constitution_router)
api.add_router("/", guides_router)
api.add_router("/", essays_router)
api.add_router("/search", search_router)


def _error(request, status, code, message, detail=None):
    return api.create_response(request, {"error": code, "message": message, "detail": detail}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    message = str(exc) if exc.args else "Not found."
    if message.startswith("No ") and message.endswith("matches the given query."):
        message = "There is no such object among the published content."
    return _error(request, 404, "not_found", message)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors]
    return _error(request, 422, "invalid_request", "; ".join(problems) or "Invalid request.", detail)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return _error(request, exc.status_code, "invalid_request", str(exc))


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.exception("API error on %s", request.path)
    return _error(request, 500, "server_error", "Something went wrong on our side; it has been logged.")


class ExportEdition(EditionOut):
    section_list: list[SectionOut] = Field(description="The edition's sections.")
    article_list: list[ArticleOut] = Field(description="The edition's articles with their official texts.")


class ExportOut(Schema):
    format: str = Field(description='Always "azamat-public-export".')
    version: int
    last_updated: datetime | None
    mci: list[MciOut]
    constitution: list[ExportEdition]
    guides: list[GuideOut]
    essays: list[EssayOut]


def _dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)


# How many objects the export reads at a time (with their prefetched parts).
ARTICLES, GUIDES, ESSAYS = 50, 8, 4


def _array(items):
    """A JSON array streamed item by item."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + _dumps(item)
    yield "]"


def _release(obj):
    """Drop what was prefetched for ``obj`` (and for what was prefetched with it).

    A prefetched related queryset points back at the object it belongs to (and a prefetched step at
    its route), so without this only Python's cycle collector frees them, and its full collections
    are rare: the garbage of every part read so far would stay until the end and the export's memory
    would grow with the content. Collecting after each part instead made the export 6× slower.
    """
    for related in obj.__dict__.pop("_prefetched_objects_cache", {}).values():
        for child in related._result_cache or ():
            _release(child)


def _released(objects):
    """``objects``, each released once the caller has read it."""
    for obj in objects:
        yield obj
        _release(obj)


def _editions(fields):
    articles = articles_with_counterparts().order_by("sort_key", "id")
    for index, edition in enumerate(editions_with_counts()):
        head = edition_out(edition, fields, edition.section_count, edition.article_count)
        sections = [section_out(s, fields, edition) for s in name_ranges(list(sections_with_ranges(edition)), edition)]
        yield ("," if index else "") + _dumps(head)[:-1] + ',"section_list":' + _dumps(sections) + ',"article_list":'
        yield from _array(
            article_out(a, fields, edition) for a in _released(articles.filter(constitution=edition).iterator(ARTICLES))
        )
        yield "}"


def _guides(fields):
    guides = guide_selectors.with_parts(Guide.objects.published()).order_by("category__order", "order", "slug", "id")
    year = timezone.localdate().year
    rate = MciRate.objects.for_year(year)
    return (guide_out(guide, fields, rate, year) for guide in _released(guides.iterator(GUIDES)))


def export_stream():
    """The whole published content in every language as one JSON document, produced piece by piece."""
    fields = Fields(None)
    head = {"format": "azamat-public-export", "version": API_FORMAT_VERSION, "last_updated": last_updated()}
    yield _dumps(head)[:-1]
    yield ',"mci":'
    yield from _array(mci_out(rate) for rate in MciRate.objects.order_by("-year"))
    yield ',"constitution":['
    yield from _editions(fields)
    yield '],"guides":'
    yield from _array(_guides(fields))
    yield ',"essays":'
    yield from _array(essay_out(essay, fields) for essay in _released(essays_for_api().iterator(ESSAYS)))
    yield "}"


def export_file():
    """The export of the current content version as a file, written once per version.

    Writing streams into a temporary file (bounded memory at any size); later requests for the
    same version are served from disk like a static file. Files of older versions are removed.
    Several workers or instances sharing the folder write it once: the first takes a lock on the
    folder, the others wait for it and then serve its file.
    None when file caching is off (``AZAMAT_EXPORT_DIR`` empty): then the export is streamed.
    """
    folder = settings.AZAMAT_EXPORT_DIR
    if not folder:
        return None
    folder = Path(folder)
    changed = last_updated()
    version = hashlib.sha256((changed.isoformat() if changed else "-").encode()).hexdigest()[:16]
    path = folder / f"export-{version}.json"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not path.exists():  # another worker may have written it while this one waited
                temporary = folder / f".export-{version}-{os.getpid()}-{threading.get_ident()}.tmp"
                with open(temporary, "w", encoding="utf-8") as stream:
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


@api.get(
    "/export", response={200: ExportOut, **ERRORS}, tags=["Export"], summary="Everything published, in every language"
)
def export(request):
    """All published content as one JSON document (streamed). For a backup of everything, drafts
    included, use ``manage.py export_content``."""
    path = export_file()
    encoding = preferred_encoding(request)
    packed = path.with_name(path.name + {"br": ".br", "gzip": ".gz"}[encoding]) if path and encoding else None
    if packed is not None and packed.exists():
        response = FileResponse(open(packed, "rb"), content_type="application/json; charset=utf-8")  # noqa: SIM115
        response["Content-Encoding"] = encoding
    elif path is not None:
        response = FileResponse(open(path, "rb"), content_type="application/json; charset=utf-8")  # noqa: SIM115
    else:
        response = StreamingHttpResponse(export_stream(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="azamat-export.json"'
    return response
