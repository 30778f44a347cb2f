"""The whole text as a booklet: PDF with contents and page numbers, Word, EPUB; cached per content version."""

import io
import zipfile

import pytest
from django.core.cache import cache

from constitution import booklet
from constitution.models import Article, Constitution

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "booklet"}}
    cache.clear()
    yield
    cache.clear()


def test_pdf_has_a_title_page_contents_with_page_numbers_and_the_section_in_the_header(client):
    from pypdf import PdfReader

    response = client.get("/kk/constitution/1995/full/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="constitution-1995-kk.pdf"' in response["Content-Disposition"]
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert "Қазақстан Республикасының" in pages[0].extract_text()
    contents = pages[1].extract_text()
    assert "1-бап" in contents or "Бап 1" in contents or "....." in contents
    assert any(line.rstrip().endswith(tuple("0123456789")) and "..." in line for line in contents.splitlines())
    middle = pages[len(pages) // 2].extract_text()
    assert "бөлім" in middle.lower()


def test_word_booklet_has_contents_field_and_section_headers(client):
    from docx import Document

    response = client.get("/ru/constitution/full/docx/")
    assert response.status_code == 200
    word = Document(io.BytesIO(response.content))
    assert "TOC \\o" in word.element.xml
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Статья 53" in headings
    headers = {section.header.paragraphs[0].text for section in word.sections}
    assert any("Раздел IV" in header for header in headers)


def test_epub_has_navigation_over_sections_and_articles(client):
    response = client.get("/en/constitution/1995/full/epub/")
    assert response["Content-Type"] == "application/epub+zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("mimetype") == b"application/epub+zip"
    nav = archive.read("EPUB/nav.xhtml").decode()
    assert "section-I.xhtml#article-1" in nav
    assert "Article 1" in archive.read("EPUB/section-I.xhtml").decode()


def test_a_language_without_official_text_has_no_booklet(client):
    assert client.get("/en/constitution/full/epub/").status_code == 404
    assert client.get("/ru/constitution/1990/full/pdf/").status_code == 404


def test_booklets_are_cached_per_content_version_and_rebuilt_when_the_text_changes(real_cache, monkeypatch):
    edition = Constitution.objects.get(year=2026)
    built = []
    original = booklet.BUILDERS["epub"]
    monkeypatch.setitem(booklet.BUILDERS, "epub", lambda whole: built.append(1) or original(whole))
    first, _name = booklet.booklet(edition, "ru", "epub")
    again, _name = booklet.booklet(edition, "ru", "epub")
    assert len(built) == 1 and first == again
    article = Article.objects.get(constitution=edition, number="1")
    article.text_ru += "\nНовый абзац для проверки."
    article.save()  # moves the content version
    changed, _name = booklet.booklet(edition, "ru", "epub")
    assert len(built) == 2
    assert "Новый абзац для проверки." in zipfile.ZipFile(io.BytesIO(changed)).read("EPUB/section-I.xhtml").decode()
