"""Caching of public pages and API responses, conditional GET, and CORS for the API.

``ContentCacheMiddleware`` comes first after the edge checks, so a cached answer skips the rest of
the stack. Everything it keeps is keyed on the content version, the moment content last changed
(``core.content``: remembered per process for a second, no query on a hit): any edit, deletion or
relinking anywhere changes that moment, so a request after an edit is answered from fresh data.
The key also holds the full address (the language is its first segment for pages, ``?lang=`` for
the API), so one language's page is never served for another.

Each stored answer is kept in two places: the configured cache (Redis, shared by every process and
instance, or the in-process one) and, in front of it, a small in-process memory of the answers this
process served last (``PageMemory``, bounded in bytes by ``AZAMAT_PAGE_MEMORY_BYTES``). Keys hold the
content version, so the memory needs no invalidation: after an edit no request asks for the old keys,
and they fall out as newer answers come in. A hit from the memory unpickles nothing and asks nothing of
the network: it costs what WhiteNoise's static file costs.

What is never cached: requests of a logged-in account (editors see drafts; their answers are private
and not stored anywhere), anything but GET/HEAD, responses that set cookies, vary on cookies or are
private/no-store (forms with a CSRF token, letters), streamed responses (the export), and non-content
paths. A conditional request gets 304 only for a page that exists and is public.
"""

import hashlib
import re
from importlib import import_module
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import FileResponse, HttpResponse, HttpResponseNotModified, JsonResponse
from django.http.response import ResponseHeaders
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from core.compression import compressed, preferred_encoding
from core.content import last_updated, version_label
from core.i18n import LANGUAGE_CODES
from core.memory import BoundedMemory

LANGUAGE_PREFIX = re.compile("^/(" + "|".join(LANGUAGE_CODES) + ")/")
API_PREFIX = "/api/"
NOT_CONTENT = ("/api/v1/openapi.json", "/api/v1/docs")  # change with the code, not the data
API_MAX_AGE = 60
CACHE_SECONDS = 24 * 3600  # old versions simply expire; a new version never reads them
FORMAT = 2  # of the stored answers (Entry): a release that changes it never reads an older one


def _is_content(path):
    if path.startswith(API_PREFIX):
        return not path.startswith(NOT_CONTENT)
    return bool(LANGUAGE_PREFIX.match(path))


def _storable(response):
    if response.streaming or response.status_code != 200 or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control or "no-cache" in control:
        return False
    return "cookie" not in response.get("Vary", "").lower()


def _file_backed(response):
    """A public 200 streaming a file the app wrote for this content version (the export, core.export)."""
    return (
        response.status_code == 200
        and isinstance(response, FileResponse)
        and getattr(response, "file_to_stream", None) is not None
        and isinstance(getattr(response.file_to_stream, "name", None), str)
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


# Parameters that messengers, ads and newsletters add to shared links; no page reads them.
TRACKING = ("utm_", "fbclid", "gclid", "yclid", "_openstat")


def _address(request):
    """The path and query the answer depends on: a shared link's tracking parameters make no new entry."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return request.path
    if not any(mark in query for mark in TRACKING):  # the usual case, checked without parsing the query
        return f"{request.path}?{query}"
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if not name.startswith(TRACKING)]
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


class StoredHeaders(ResponseHeaders):
    """The headers of a stored answer, checked once, when it is stored. Each hit gets a copy, which is a
    copy of a dict: ``ResponseHeaders`` built anew would encode and check every name and value again, a
    sixth of what a hit costs."""

    def copy(self):
        copied = ResponseHeaders.__new__(ResponseHeaders)
        copied._store = self._store.copy()
        return copied


class Entry:
    """A stored answer: its status, and per encoding (None: as rendered; "br", "gzip" where a compressed
    copy exists) the headers it is sent with and its body. Built once, when the answer is stored."""

    __slots__ = ("status", "variants", "headers304", "size")

    def __init__(self, response, digest, compressed):
        self.status = response.status_code
        plain = dict(response.headers.items())
        self.variants = {None: (StoredHeaders(plain), response.content)}
        for encoding, body in compressed.items():
            self.variants[encoding] = (
                StoredHeaders(
                    {
                        **plain,
                        "Content-Encoding": encoding,
                        "Content-Length": str(len(body)),
                        "ETag": f'"{digest}-{encoding}"',
                    }
                ),
                body,
            )
        self.headers304 = {name: plain[name] for name in NOT_MODIFIED_HEADERS if name in plain}
        self.size = sum(len(body) for _headers, body in self.variants.values())

    def response(self, encoding):
        """A new response for ``encoding`` (the plain one when there is no such copy)."""
        headers, body = self.variants.get(encoding) or self.variants[None]
        response = HttpResponse(body, status=self.status, content_type=headers.get("Content-Type"))
        response.headers = headers.copy()  # as sent the first time (decorated), checked then
        return response

    def apply(self, response, encoding):
        """The freshly rendered ``response`` itself in ``encoding`` (it keeps what the test client reads)."""
        if encoding in self.variants and encoding is not None:
            headers, body = self.variants[encoding]
            response.content = body
            for name in ("Content-Encoding", "Content-Length", "ETag"):
                response[name] = headers[name]
        return response

    def not_modified(self, digest):
        """A 304 carrying what the 200 would have said about caching (RFC 9110 § 15.4.5)."""
        answer = HttpResponseNotModified()
        for name, value in self.headers304.items():
            answer[name] = value
        answer["ETag"] = f'"{digest}"'
        return answer


class PageMemory(BoundedMemory):
    """The answers this process served last, newest last, at most ``AZAMAT_PAGE_MEMORY_BYTES`` bytes of
    bodies (0 turns it off: the test suite, whose tests change content without a new version, and clear
    the cache to see it)."""

    def __init__(self):
        super().__init__(lambda: settings.AZAMAT_PAGE_MEMORY_BYTES)

    def put(self, key, entry):
        super().put(key, entry, entry.size)


memory = PageMemory()


class FileEntry:
    """A stored answer whose body is a file written once per content version (the export): its status and
    headers as first sent, and the file's path. Kept in this process's memory only (the path is local)."""

    __slots__ = ("status", "headers", "path", "size")

    def __init__(self, response):
        self.status = response.status_code
        self.headers = StoredHeaders(response.headers)
        self.path = response.file_to_stream.name
        self.size = 256  # the memory counts bodies: a file's is on disk

    def response(self):
        """A new response streaming the file, or None when the file is gone (a newer version replaced it)."""
        try:
            stream = open(self.path, "rb")  # noqa: SIM115 - closed by the response
        except OSError:
            return None
        response = StoredFileResponse(stream, status=self.status, content_type=self.headers.get("Content-Type"))
        response.headers = self.headers.copy()
        return response


class StoredFileResponse(FileResponse):
    """A file sent again with the headers it was first sent with: FileResponse's ``set_headers`` (a documented
    hook) would measure the file and guess its type on every request, only to have them replaced."""

    def set_headers(self, filelike):
        pass


def _stored(key):
    """The stored answer under ``key``: from this process's memory, else from the cache (then remembered)."""
    entry = memory.get(key)
    if entry is None:
        entry = cache.get(key)
        if not isinstance(entry, Entry):  # nothing, or what an older release stored there: a miss
            return None
        memory.put(key, entry)
    return entry


def _store(key, entry):
    cache.set(key, entry, CACHE_SECONDS)
    memory.put(key, entry)


def _has_version(request, digest, stamp):
    """Whether the browser already has this version of the page (in any encoding): an ETag that starts
    with the digest of version and address, ``*``, or, without ETags, the same Last-Modified. Asked
    only of a page that exists and is public (a stored or freshly rendered 200), never of an error."""
    tags = request.META.get("HTTP_IF_NONE_MATCH", "")
    if tags:
        return any(
            tag == "*" or tag.strip('"').split("-")[0] == digest
            for tag in (part.strip().removeprefix("W/") for part in tags.split(","))
        )
    since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if since and stamp is not None:
        parsed = parse_http_date_safe(since)
        return parsed is not None and stamp <= parsed
    return False


NOT_MODIFIED_HEADERS = (
    "Cache-Control",
    "Vary",
    "Last-Modified",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
)


def _editor(request):
    """Whether the request comes from a logged-in account (an editor): read from its session only when a
    session cookie is there, so that an arbitrary cookie does not turn the page cache off."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or request.path.startswith(API_PREFIX):  # the API shows published content to everyone
        return False
    engine = import_module(settings.SESSION_ENGINE)
    try:
        return bool(engine.SessionStore(key).get(SESSION_KEY))
    except Exception:  # a garbled or expired session is no session  # noqa: BLE001
        return False


class ContentCacheMiddleware:
    """The page and API cache (see the module docstring); the first middleware a request meets after the
    edge checks, so a hit runs nothing else: no session, no locale, no security checks again (the stored
    headers are those the first answer was sent with)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not _is_content(request.path)
            or hasattr(request, "refused_address")
        ):
            return self.get_response(request)
        request.get_host()  # a disallowed Host header gets the 400 page, not a page from the cache
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return self.get_response(request)  # SecurityMiddleware sends it to https first
        if _editor(request):
            return self._private(self.get_response(request))  # an editor may see drafts: never shared
        changed = last_updated()
        request.content_changed = changed  # the footer's "data last updated" needs no query of its own
        version = version_label(changed)
        digest = hashlib.sha256(f"{version}|{_address(request)}".encode()).hexdigest()[:32]
        stamp = int(changed.timestamp()) if changed else None
        key = f"page:{FORMAT}:{digest}"
        encoding = preferred_encoding(request)
        file_key = f"file:{digest}:{encoding}"
        if (entry := memory.get(file_key)) is not None and (response := entry.response()) is not None:
            return response  # the export's file of this version, sent as before (never asked of Redis)
        if (entry := _stored(key)) is not None:
            if _has_version(request, digest, stamp):
                return entry.not_modified(digest)
            return entry.response(encoding)
        response = self.get_response(request)
        if getattr(response, "previous_version", False):
            # An older version's export, sent while this version's is written (core.export): it gets no
            # ETag of this version, and neither this cache nor a browser's keeps it.
            self._decorate(request, response)
            response["Cache-Control"] = "no-cache"
            return response
        if response.status_code == 200:
            response["ETag"] = f'"{digest}"'
            if changed:
                response["Last-Modified"] = http_date(stamp)
        self._decorate(request, response)
        if _file_backed(response):
            memory.put(file_key, FileEntry(response))
        if not _storable(response):
            return response
        entry = Entry(response, digest, compressed(response))
        _store(key, entry)
        if _has_version(request, digest, stamp):
            return entry.not_modified(digest)
        return entry.apply(response, encoding)

    @staticmethod
    def _private(response):
        """An editor's answer: never kept by a browser's shared cache, a proxy or a CDN."""
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _decorate(request, response):
        if request.path.startswith(API_PREFIX):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
            if response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=API_MAX_AGE)
            else:
                patch_cache_control(response, no_cache=True)
        elif response.status_code in (200, 304) and "Cache-Control" not in response:
            # Browsers and proxies may keep a page but ask each time whether it changed (a cheap 304).
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


class ApiJsonErrorsMiddleware:
    """Every error under /api/ is JSON, whatever answered it: a method the API does not offer
    (``PUT /api/v1/guides`` gets 405 from the router as plain text) or a bad request caught
    before any view. The body has the API's error shape; headers such as ``Allow`` are kept."""

    MESSAGES = {
        400: ("bad_request", "The request could not be understood."),
        403: ("forbidden", "This request is not allowed."),
        405: ("method_not_allowed", "The API is read-only: use GET (or HEAD)."),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            error, message = self.MESSAGES.get(response.status_code, ("error", "The request failed."))
            replacement = JsonResponse(
                {"error": error, "message": message, "detail": None}, status=response.status_code
            )
            for header in ("Allow", "Retry-After"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response
