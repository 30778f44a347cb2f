"""Findable and shareable: sitemap, robots, structured data, link previews, icons, feeds, compression."""

import datetime
import gzip
import json
import re
import xml.etree.ElementTree as ET

import brotli
import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import escape

from answers.models import Questionnaire
from constitution.models import Article, ArticleChange
from core.models import Status
from essays.models import Essay
from guides.models import Guide, GuideChange
from letters.models import LetterTemplate

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def json_ld(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def of_type(blocks, kind):
    return next(block for block in blocks if kind == block["@type"] or kind in block["@type"])


# --- Sitemap and robots -------------------------------------------------------------------------


def sitemap_urls(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for location in index.iter(f"{SITEMAP}loc"):
        path = location.text.replace("http://testserver", "")
        for url in ET.fromstring(client.get(path).content).iter(f"{SITEMAP}url"):
            alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            lastmod = url.find(f"{SITEMAP}lastmod")
            urls[url.find(f"{SITEMAP}loc").text] = (alternates, lastmod.text if lastmod is not None else None)
    return urls


def test_the_sitemap_lists_every_public_page_in_three_languages_with_alternates(client):
    urls = sitemap_urls(client)
    for lang in ("kk", "ru", "en"):
        for path in (
            f"/{lang}/",
            f"/{lang}/constitution/",
            f"/{lang}/constitution/article/17/",
            f"/{lang}/constitution/section/XI/",
            f"/{lang}/constitution/1995/article/83-1/",
            f"/{lang}/constitution/changes/",
            f"/{lang}/guides/passport/",
            f"/{lang}/essays/internet-fraud/",
            f"/{lang}/forms/fraud-report/",
        ):
            assert f"http://testserver{path}" in urls, path
    alternates, lastmod = urls["http://testserver/ru/guides/eds/"]
    assert alternates["kk"] == "http://testserver/kk/guides/eds/" and alternates["en"].endswith("/en/guides/eds/")
    assert "x-default" in alternates
    assert lastmod == timezone.localtime(Guide.objects.get(slug="eds").updated_at).date().isoformat()  # Astana's date
    expected = 3 * (Article.objects.count() + 2 + 20 + 1 + 4 + Guide.objects.published().count())
    expected += 3 * (Essay.objects.published().count() + LetterTemplate.objects.published().count())
    expected += 3 * (Questionnaire.objects.published().count() + 1)  # the questionnaires and their index
    expected += 3 * 1  # the glossary (one page; its terms are anchors on it)
    assert len(urls) == expected


def test_drafts_are_never_in_the_sitemap(client):
    Guide.objects.filter(slug="eds").update(status=Status.DRAFT)
    Essay.objects.filter(slug="internet-fraud").update(status=Status.DRAFT)
    urls = sitemap_urls(client)
    assert not [url for url in urls if "/guides/eds/" in url or "/essays/internet-fraud/" in url]


def test_robots_names_the_sitemap_and_keeps_editors_and_copies_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /*/pdf/" in text and "Disallow: /*/search/" in text


# --- Structured data ----------------------------------------------------------------------------


def test_an_article_is_legislation_of_its_edition_with_its_force(client):
    blocks = json_ld(client.get("/ru/constitution/article/17/").content.decode())
    article = of_type(blocks, "Legislation")
    assert article["legislationIdentifier"] == "2026/17" and article["legislationLegalForce"].endswith("InForce")
    assert article["isPartOf"]["legislationDate"] == "2026-03-15" and article["inLanguage"] == "ru"
    assert "Смертная казнь запрещена" in article["text"] and article["abstract"]
    old = of_type(json_ld(client.get("/en/constitution/1995/article/15/").content.decode()), "Legislation")
    assert old["legislationLegalForce"].endswith("NotInForce") and old["isPartOf"]["legislationDate"] == "1995-08-30"
    section = of_type(json_ld(client.get("/kk/constitution/section/IV/").content.decode()), "Legislation")
    assert section["legislationIdentifier"] == "2026/IV"


def test_a_guide_is_a_howto_with_its_steps_documents_cost_and_faq(client):
    blocks = json_ld(client.get("/en/guides/passport/").content.decode())
    howto = of_type(blocks, "HowTo")
    guide = Guide.objects.get(slug="passport")
    assert howto["name"] == guide.title_en and howto["supply"] and howto["step"]
    assert sum(len(section["itemListElement"]) for section in howto["step"]) == sum(
        route.steps.count() for route in guide.routes.all()
    )
    assert howto["estimatedCost"]["currency"] == "KZT" and howto["estimatedCost"]["maxValue"] >= 4 * 4325
    faq = of_type(blocks, "FAQPage")
    assert len(faq["mainEntity"]) == guide.faqs.count()
    assert all(question["acceptedAnswer"]["text"] for question in faq["mainEntity"])


def test_an_essay_is_an_article_with_author_dates_and_citations(client):
    essay = of_type(json_ld(client.get("/kk/essays/constitution-2026/").content.decode()), "Article")
    assert essay["datePublished"] == "2026-11-25" and essay["author"]["name"] and essay["publisher"]
    assert essay["citation"] and essay["inLanguage"] == "kk" and essay["headline"]


@pytest.mark.parametrize(
    "path",
    [
        "/kk/",
        "/ru/constitution/",
        "/en/constitution/changes/",
        "/kk/guides/",
        "/ru/essays/",
        "/en/forms/",
        "/kk/search/",
    ],
)
def test_every_page_has_breadcrumbs_in_structured_data(client, path):
    blocks = json_ld(client.get(path).content.decode())
    crumbs = of_type(blocks, "BreadcrumbList")["itemListElement"]
    assert crumbs[0]["position"] == 1 and crumbs[0]["item"] == f"http://testserver{path[:4]}"


def test_the_home_page_says_how_to_search_the_site(client):
    site = of_type(json_ld(client.get("/ru/").content.decode()), "WebSite")
    assert site["potentialAction"]["target"]["urlTemplate"] == "http://testserver/ru/search/?q={q}"


def test_whatever_an_editor_types_cannot_break_out_of_the_json(client, settings):
    Guide.objects.filter(slug="eds").update(title_en='EDS </script><script>alert("x")</script> & "quotes"')
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ld"}}
    cache.clear()
    for _ in range(2):  # rendered, then served from the page cache
        html = client.get("/en/guides/eds/").content.decode()
        assert "<script>alert" not in html
        howto = of_type(json_ld(html), "HowTo")
        assert howto["name"] == 'EDS </script><script>alert("x")</script> & "quotes"'
    cache.clear()


# --- Link previews and icons --------------------------------------------------------------------


def test_pages_carry_link_preview_tags(client):
    html = client.get("/ru/guides/eds/").content.decode()
    guide = Guide.objects.get(slug="eds")
    assert f'<meta property="og:title" content="{escape(guide.title_ru)}">' in html
    assert '<meta property="og:url" content="http://testserver/ru/guides/eds/">' in html
    assert '<link rel="canonical" href="http://testserver/ru/guides/eds/">' in html
    assert '<meta property="og:locale" content="ru_RU">' in html
    assert '<meta property="og:locale:alternate" content="kk_KZ">' in html
    image = re.search(
        r'<meta property="og:image" content="http://testserver(/static/img/share\.[0-9a-f]+\.png)">', html
    )
    assert image and '<meta name="twitter:card" content="summary_large_image">' in html
    assert escape(guide.summary_ru)[:60] in re.search(r'<meta property="og:description" content="([^"]*)"', html).group(
        1
    )


def test_the_favicon_and_manifest_are_served_with_long_cache_headers(client):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and "max-age=604800" in favicon["Cache-Control"]
    manifest = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="ru")
    data = json.loads(manifest.content)
    assert manifest["Content-Type"] == "application/manifest+json" and "max-age=604800" in manifest["Cache-Control"]
    assert (
        data["lang"] == "ru"
        and data["start_url"] == "/ru/"
        and {icon["sizes"] for icon in data["icons"]}
        >= {
            "192x192",
            "512x512",
        }
    )
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200


# --- Feeds and change notes ---------------------------------------------------------------------


def test_the_feed_is_atom_with_change_notes_and_new_essays(client):
    response = client.get("/ru/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}id") is not None and feed.find(f"{ATOM}updated") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{name}") is not None, name
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert any("статья 13" in title.lower() for title in titles)
    assert any(title.startswith("Новое:") for title in titles)
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert "http://testserver/ru/guides/lost-id-card/#changes-h" in links


def test_a_change_note_shows_on_the_page_and_first_in_the_feed(client):
    guide = Guide.objects.get(slug="passport")
    newest = ET.fromstring(client.get("/en/feed/").content).find(f"{ATOM}entry").find(f"{ATOM}updated").text
    day = datetime.date.fromisoformat(newest[:10]) + datetime.timedelta(days=1)  # newer than any bundled note
    GuideChange.objects.create(guide=guide, date=day, note_ru="Пошлина изменилась.", note_en="The fee changed.")
    html = client.get("/ru/guides/passport/").content.decode()
    assert "История изменений" in html and "Пошлина изменилась." in html
    entry = ET.fromstring(client.get("/en/feed/").content).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary").text == "The fee changed."
    guide.status = Status.DRAFT
    guide.save()
    assert "The fee changed." not in client.get("/en/feed/").content.decode()  # drafts never leak


def test_an_articles_change_note_shows_on_its_page(client):
    assert ArticleChange.objects.filter(article__number="56", article__constitution__year=2026).exists()
    assert "Исправлено" in client.get("/ru/constitution/article/56/").content.decode()


# --- Compression --------------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gz"}}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("path", ["/ru/guides/eds/", "/api/v1/guides/eds", "/kk/constitution/article/1/"])
def test_cached_pages_and_api_answers_are_sent_compressed(client, page_cache, path):
    plain = client.get(path)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = client.get(path, HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")
        assert response["Content-Encoding"] == encoding and "Accept-Encoding" in response["Vary"]
        assert decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 3
        assert response["ETag"] != plain["ETag"]
        again = client.get(path, HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304


def test_encodings_the_browser_refuses_are_not_sent(client, page_cache):
    assert "Content-Encoding" not in client.get("/ru/", HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0")
    assert client.get("/ru/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in client.get("/ru/", HTTP_ACCEPT_ENCODING="identity")


def test_pages_with_a_secret_are_never_compressed(client, page_cache, editor):
    form = client.get("/ru/forms/lost-id-card/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert "csrfmiddlewaretoken" in form.content.decode() and "Content-Encoding" not in form
    editor_page = editor.get("/ru/guides/eds/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in editor_page


def test_the_export_is_served_compressed_from_disk(client, settings, tmp_path):
    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    plain = b"".join(client.get("/api/v1/export").streaming_content)
    response = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == plain
    response = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="br")
    assert brotli.decompress(b"".join(response.streaming_content)) == plain
    assert sorted(path.suffix for path in tmp_path.iterdir() if path.name.startswith("export-")) == [
        ".br",
        ".gz",
        ".json",
    ]
