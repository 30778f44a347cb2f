"""Caching of public pages and API responses, conditional GET, and CORS for the API.

``ContentCacheMiddleware`` sits right after WhiteNoise, so a cached answer skips the rest of the
stack. Everything it keeps is keyed on the moment content last changed (one indexed row, see
``portal.content``): any edit, deletion or relinking anywhere changes that moment, so the next
request after an edit is answered from fresh data. The key also holds the full address (the
language is its first segment for pages, ``?lang=`` for the API), so one language's page is
never served for another.

What is never cached: requests carrying a session cookie (logged-in editors see drafts),
anything but GET/HEAD, responses that set cookies, vary on cookies or are private/no-store
(forms with a CSRF token, letters), streamed responses (the export), and non-content paths.
"""

import gzip
import hashlib
import re
from urllib.parse import parse_qsl, urlencode

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from portal.content import last_updated
from portal.i18n import LANGUAGE_CODES

LANGUAGE_PREFIX = re.compile("^/(" + "|".join(LANGUAGE_CODES) + ")/")
API_PREFIX = "/api/"
NOT_CONTENT = ("/api/v1/openapi.json", "/api/v1/docs")  # change with the code, not the data
API_MAX_AGE = 60
CACHE_SECONDS = 24 * 3600  # old versions simply expire; a new version never reads them


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


# Compression: pages and API answers are compressed once, when they are stored in the cache, and each
# later request gets the stored bytes (Brotli or gzip, as the browser accepts). Only what the cache
# stores is compressed, and it never holds a secret: pages with a CSRF token (forms) and editors'
# pages are not cached, so no secret is ever compressed beside what a visitor can inject (BREACH).
COMPRESSIBLE = ("text/html", "application/json", "application/atom+xml", "application/xml", "text/plain")
MIN_COMPRESSED = 512
_ACCEPT = re.compile(r"\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?")


# Parameters that messengers, ads and newsletters add to shared links; no page reads them.
TRACKING = ("utm_", "fbclid", "gclid", "yclid", "_openstat")


def _address(request):
    """The path and query the answer depends on: a shared link's tracking parameters make no new entry."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return request.path
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if not name.startswith(TRACKING)]
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


def preferred_encoding(request):
    """``"br"``, ``"gzip"`` or None, by the request's Accept-Encoding (q=0 refuses an encoding)."""
    accepted = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        if match := _ACCEPT.match(part):
            try:
                accepted[match.group(1).lower()] = float(match.group(2) or 1)
            except ValueError:
                continue
    for name in ("br", "gzip"):
        if accepted.get(name, accepted.get("*", 0)) > 0:
            return name
    return None


# One setting per encoding, for pages in the cache and files on disk alike.
BROTLI_QUALITY = 8
GZIP_LEVEL = 6


def compress(content, encoding):
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def compress_file(source, target, encoding, block=1 << 20):
    """Write ``source`` compressed with ``encoding`` to ``target``, a block at a time (memory stays
    the same for any size of file)."""
    with open(source, "rb") as reader, open(target, "wb") as raw:
        if encoding == "br":
            compressor = brotli.Compressor(quality=BROTLI_QUALITY)
            while chunk := reader.read(block):
                raw.write(compressor.process(chunk))
            raw.write(compressor.finish())
            return
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as writer:
            while chunk := reader.read(block):
                writer.write(chunk)


def compressed(response):
    """``{"br": bytes, "gzip": bytes}`` of a response worth compressing, else ``{}``."""
    if not response.get("Content-Type", "").startswith(COMPRESSIBLE) or len(response.content) < MIN_COMPRESSED:
        return {}
    return {encoding: compress(response.content, encoding) for encoding in ("br", "gzip")}


def _encoded(response, digest, variants, encoding):
    """The response in ``encoding`` if a compressed copy exists; each encoding has its own ETag."""
    if response.status_code != 200 or encoding not in variants:
        return response
    response.content = variants[encoding]
    response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
    response["ETag"] = f'"{digest}-{encoding}"'
    return response


def _not_modified(request, digest, stamp):
    """304 when the browser has this version of the page in any encoding (its ETag starts with the
    digest of version and address), or, without ETags, has it since Last-Modified."""
    tags = request.META.get("HTTP_IF_NONE_MATCH", "")
    if not tags and "HTTP_IF_MODIFIED_SINCE" not in request.META:
        return None  # most requests: nothing to compare
    if tags:
        for tag in tags.split(","):
            tag = tag.strip().removeprefix("W/")
            if tag == "*" or tag.strip('"').split("-")[0] == digest:
                response = HttpResponseNotModified()
                response["ETag"] = tag if tag != "*" else f'"{digest}"'
                return response
        return None
    return get_conditional_response(request, last_modified=stamp)


class ContentCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _is_content(request.path):
            return self.get_response(request)
        request.get_host()  # a disallowed Host header gets the 400 page, not a page from the cache
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self._decorate(request, self.get_response(request))  # an editor: no shared cache
        changed = last_updated()
        request.content_changed = changed  # the footer's "data last updated" needs no query of its own
        version = changed.isoformat() if changed else "-"
        digest = hashlib.sha256(f"{version}|{_address(request)}".encode()).hexdigest()[:32]
        stamp = int(changed.timestamp()) if changed else None
        encoding = preferred_encoding(request)
        not_modified = _not_modified(request, digest, stamp)
        if not_modified is not None:
            return self._decorate(request, not_modified)
        key = f"page:{digest}"
        stored = cache.get(key)
        if stored is not None:
            status, headers, content, variants = stored
            response = HttpResponse(content, status=status)
            response.headers = headers  # as sent the first time (decorated), checked then, not again
            return _encoded(response, digest, variants, encoding)
        response = self.get_response(request)
        if response.status_code == 200:
            response["ETag"] = f'"{digest}"'
            if changed:
                response["Last-Modified"] = http_date(stamp)
        if _storable(response):
            self._decorate(request, response)
            variants = compressed(response)
            cache.set(key, (response.status_code, response.headers, response.content, variants), CACHE_SECONDS)
            return _encoded(response, digest, variants, encoding)
        return self._decorate(request, response)

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
