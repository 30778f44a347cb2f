"""The public JSON API (``/api/v1/``): read-only, published content only, OpenAPI 3 described.

Apps mount their routers (``api_routers`` in their ``AppConfig``, see ``core.registry``); this module
puts them together, turns every error into JSON and serves the full export (``core.export``).
"""

import logging

from django.http import FileResponse, Http404, StreamingHttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from core import registry
from core.apitools import ERRORS
from core.compression import preferred_encoding
from core.export import export_file, export_schema, export_stream, export_to_send

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
for prefix, router in registry.api_routers():
    api.add_router(prefix, router)


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


def _export_response(path, encoding):
    """The export's file, or its compressed copy when the client takes that encoding."""
    packed = path.with_name(path.name + {"br": ".br", "gzip": ".gz"}[encoding]) if encoding else None
    if packed is not None and packed.exists():
        response = FileResponse(open(packed, "rb"), content_type="application/json; charset=utf-8")  # noqa: SIM115
        response["Content-Encoding"] = encoding
        return response
    return FileResponse(open(path, "rb"), content_type="application/json; charset=utf-8")  # noqa: SIM115


@api.get(
    "/export",
    response={200: export_schema(), **ERRORS},
    tags=["Export"],
    summary="Everything published, in every language",
    operation_id="portal_api_export",  # as published before the kernel moved to core: clients use it
)
def export(request):
    """All published content as one JSON document (streamed). For a backup of everything, drafts
    included, use ``manage.py export_content``."""
    encoding = preferred_encoding(request)
    path, current = export_to_send()
    if path is None:
        response = StreamingHttpResponse(export_stream(), content_type="application/json; charset=utf-8")
    else:
        try:
            response = _export_response(path, encoding)
        except FileNotFoundError:  # an older version's file, removed meanwhile by the thread that wrote the new
            path, current = export_file(), True
            response = _export_response(path, encoding)
    response["Content-Disposition"] = 'inline; filename="azamat-export.json"'
    response.previous_version = not current  # the page cache gives it no ETag of this version, keeps it nowhere
    return response
