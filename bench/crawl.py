"""Crawl every public address of a fresh portal into a folder, to compare two versions of the code.

    DATABASE_URL=sqlite:////tmp/crawl.sqlite3 AZAMAT_LOCAL=1 .venv/bin/python bench/crawl.py OUT_DIR

It migrates the database named by ``DATABASE_URL`` (use a new one), loads the bundled content and asks
Django's test client for every page the sitemaps list, in every language, with their downloads, and
for the API, the feeds, robots.txt, the sitemaps, the OpenAPI schema and the export; each answer's
status, content type and body go to one file per address. The clock is frozen, so dates the pages
show are the same in both runs. ``diff -r`` of two output folders shows what a change changed.
"""

import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("AZAMAT_LOCAL", "1")
os.environ.setdefault("AZAMAT_EXPORT_DIR", "")
os.environ.setdefault("CACHE_URL", "dummy://")
os.environ.setdefault("AZAMAT_VAR_DIR", tempfile.mkdtemp(prefix="azamat-crawl-"))  # its static files, key
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import time_machine  # noqa: E402

FROZEN = "2026-11-30 09:00:00+05:00"
LANGUAGES = ("kk", "ru", "en")
BINARY = ("application/pdf", "application/vnd.openxmlformats", "application/epub", "image/")


def api_twins(path):
    """The API addresses of the page at ``path`` (a guide, an essay, an article or a section)."""
    if match := re.fullmatch(r"/kk/(guides|essays)/([\w-]+)/", path):
        return [f"/api/v1/{match[1]}/{match[2]}"]
    if match := re.fullmatch(r"/kk/constitution/(?:(1995)/)?(article|section)/([\w-]+)/", path):
        edition = f"?edition={match[1]}" if match[1] else ""
        return [f"/api/v1/constitution/{match[2]}s/{match[3]}{edition}"]
    return []


def main(out):
    with time_machine.travel(FROZEN, tick=False):
        django.setup()
        from django.core.management import call_command
        from django.test import Client

        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
        call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        client = Client()
        seen, queue = set(), ["/sitemap.xml", "/robots.txt", "/healthz", "/api/v1/openapi.json", "/api/v1/export"]
        queue += [f"/{code}/feed/" for code in LANGUAGES] + [f"/{code}/search/?q=ЭЦҚ" for code in LANGUAGES]
        queue += ["/api/v1/mci", "/api/v1/constitution/editions", "/api/v1/search?q=паспорт&lang=ru"]
        queue += ["/api/v1/guides", "/api/v1/essays", "/api/v1/constitution/sections", "/api/v1/constitution/topics"]
        queue += [f"/api/v1/constitution/articles?page_size=200&edition={year}&lang=ru" for year in (1995, 2026)]
        out.mkdir(parents=True, exist_ok=True)
        while queue:
            address = queue.pop(0)
            if address in seen:
                continue
            seen.add(address)
            response = client.get(address)
            kind = response.get("Content-Type", "")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            body = re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+', rb"\1(a token)", body)  # new every time
            if kind.startswith(BINARY):
                body = f"{len(body)} bytes, sha256 {hashlib.sha256(body).hexdigest()}\n".encode()
            name = re.sub(r"[^\w.-]+", "_", address.strip("/")) or "root"
            (out / name[:200]).write_bytes(f"{response.status_code} {kind}\n".encode() + body)
            if kind.startswith(("application/xml", "text/xml")):
                for loc in re.findall(rb"<loc>([^<]+)</loc>", body):
                    queue.append(re.sub(r"^https?://[^/]+", "", loc.decode()))
            if kind.startswith("text/html") and address.startswith("/kk/"):
                for suffix in ("pdf/", "docx/", "print/"):
                    if f'href="{address}{suffix}"'.encode() in body:
                        queue.append(address + suffix)
                queue += api_twins(address)
        print(f"{len(seen)} addresses crawled into {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
