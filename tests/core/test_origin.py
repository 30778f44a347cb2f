"""Links that cannot be forged: every absolute address comes from the configured public origin, so a
forged Host or X-Forwarded-Proto header can neither change a page nor poison the cache for others."""

import json
import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

FORGED = {"HTTP_HOST": "127.0.0.1:1", "HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_HOST": "evil.example"}


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "origin"}}
    settings.SITE_URL = "https://azamat.example"
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "azamat.example"]
    cache.clear()
    yield
    cache.clear()


def _absolute_links(text):
    return set(re.findall(r"https?://[^\s\"'<>]+", text))


@pytest.mark.parametrize(
    "path",
    ["/en/constitution/1995/article/57/", "/ru/guides/eds/", "/kk/", "/en/feed/", "/sitemap.xml", "/robots.txt"],
)
def test_a_forged_host_changes_no_link_and_poisons_no_cache(client, real_cache, path):
    forged = client.get(path, **FORGED)
    assert forged.status_code == 200
    later = client.get(path)
    for response in (forged, later):
        text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        assert "127.0.0.1:1" not in text and "evil.example" not in text
        if path != "/sitemap.xml":  # the index names only its sections
            assert any(link.startswith("https://azamat.example/") for link in _absolute_links(text)), path


def test_every_absolute_link_of_a_page_is_on_the_public_origin(client, real_cache):
    html = client.get("/en/constitution/1995/article/57/", **FORGED).content.decode()
    for tag in ('rel="canonical"', 'property="og:url"', 'hreflang="kk"', 'hreflang="x-default"'):
        assert re.search(rf'{tag}[^>]*"https://azamat\.example/', html) or re.search(
            rf'"https://azamat\.example/[^"]*"[^>]*{tag}', html
        ), tag
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    urls = [value for block in blocks for value in re.findall(r'"(https?://[^"]+)"', json.loads(json.dumps(block)))]
    ours = [url for url in urls if "/constitution/" in url or url.endswith(("/en/", "/search/?q={q}"))]
    assert ours and all(url.startswith("https://azamat.example/") for url in ours)
    assert not any("testserver" in url or "127.0.0.1" in url for url in urls)


def test_the_cache_key_ignores_headers_an_attacker_sends(client, real_cache):
    first = client.get("/ru/guides/eds/", **FORGED)
    second = client.get("/ru/guides/eds/", HTTP_COOKIE="sessionid=garbage; utm=1")
    assert first["ETag"] == second["ETag"] and first.content == second.content
