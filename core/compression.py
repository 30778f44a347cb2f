"""Compression of pages, API answers and the export: Brotli or gzip, as the client accepts.

Pages and API answers are compressed once, when the page cache stores them, and each later request
gets the stored bytes; the export is compressed on disk once per content version.
"""

import gzip
import re

import brotli

# Only what the cache stores is compressed, and it never holds a secret: pages with a CSRF token (forms)
# and editors' pages are not cached, so no secret is ever compressed beside what a visitor can inject
# (BREACH).
COMPRESSIBLE = ("text/html", "application/json", "application/atom+xml", "application/xml", "text/plain")
MIN_COMPRESSED = 512
_ACCEPT = re.compile(r"\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?")


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
# A long read (an essay of 100 KB and more) is compressed harder: about 10 % smaller at quality 10,
# which keeps it under 20 KB as sent, for some 70 ms more, paid once per content version (the answer is
# stored compressed). Quality 8 is the best trade for ordinary pages (quality 10 costs 6× the time).
LONG_READ = 64 * 1024
BROTLI_QUALITY_LONG = 10


def compress(content, encoding):
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY_LONG if len(content) >= LONG_READ else BROTLI_QUALITY)
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
