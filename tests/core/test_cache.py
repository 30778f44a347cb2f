"""The page and API cache: hits skip the work, every edit is visible on the next request, and
one language's answer is never served for another."""

import gzip
import pickle

import brotli
import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone

from core.content import forget_version, last_updated
from core.middleware import Entry, memory
from guides.models import Guide, Step

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    # The content version is remembered for AZAMAT_VERSION_TTL (1 s by default): longer here, so that a
    # page slow to render on a busy machine (a PDF) does not outlive it between the two requests. A save
    # in this process forgets it at once (core.content.touch), which these tests rely on.
    settings.AZAMAT_VERSION_TTL = 60
    settings.AZAMAT_PAGE_MEMORY_BYTES = 32 * 1024 * 1024  # and each process's memory in front, as in production
    cache.clear()
    memory.clear()
    forget_version()
    yield
    cache.clear()
    memory.clear()
    forget_version()


def test_a_second_visit_is_answered_from_the_cache_with_no_query(client, django_assert_num_queries):
    first = client.get("/ru/guides/eds/")
    with django_assert_num_queries(0):  # the content version is remembered for a second (core.content)
        second = client.get("/ru/guides/eds/")
    assert second.status_code == 200 and second.content == first.content
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Content-Language"):
        assert second[header] == first[header], header


def test_an_edit_is_visible_on_the_next_request(client):
    client.get("/en/guides/eds/")
    step = Step.objects.filter(route__guide__slug="eds").first()
    step.title_en = "A step edited a moment ago"
    step.save()
    assert "A step edited a moment ago" in client.get("/en/guides/eds/").content.decode()


def test_a_deletion_is_visible_on_the_next_request(client):
    step = Step.objects.filter(route__guide__slug="eds").first()
    assert step.title_en in client.get("/en/guides/eds/").content.decode()
    step.delete()
    assert step.title_en not in client.get("/en/guides/eds/").content.decode()


def test_a_draft_disappears_from_lists_and_search_at_once(client):
    assert 'href="/kk/guides/eds/"' in client.get("/kk/guides/").content.decode()
    assert "/kk/guides/eds/" in client.get("/kk/search/?q=эцк").content.decode()
    guide = Guide.objects.get(slug="eds")
    guide.status = "draft"
    guide.save()
    assert 'href="/kk/guides/eds/"' not in client.get("/kk/guides/").content.decode()
    assert "/kk/guides/eds/" not in client.get("/kk/search/?q=эцк").content.decode()
    assert client.get("/kk/guides/eds/").status_code == 404


def test_never_one_language_for_another(client):
    kazakh = client.get("/kk/guides/").content.decode()
    russian = client.get("/ru/guides/").content.decode()
    assert 'lang="kk"' in kazakh and 'lang="ru"' in russian and kazakh != russian
    api_kk = client.get("/api/v1/guides/eds?lang=kk").json()
    api_ru = client.get("/api/v1/guides/eds?lang=ru").json()
    assert api_kk["title"] == Guide.objects.get(slug="eds").title_kk
    assert api_ru["title"] == Guide.objects.get(slug="eds").title_ru


def test_editors_are_not_served_the_shared_cache_and_their_previews_are_not_stored(client):
    Guide.objects.filter(slug="eds").update(status="draft")
    editor = User.objects.create_user("cache-editor", password="x" * 20, is_staff=True, is_superuser=True)
    client.force_login(editor)
    assert client.get("/en/guides/eds/").status_code == 200  # a preview
    client.logout()
    visitor = client.__class__()
    assert visitor.get("/en/guides/eds/").status_code == 404


def test_forms_and_downloads_of_letters_are_not_cached(client):
    response = client.get("/kk/forms/lost-id-card/")
    assert "no-store" in response["Cache-Control"]
    again = client.get("/kk/forms/lost-id-card/")
    assert again["Set-Cookie"] if "Set-Cookie" in again else True
    stored = [key for key in cache._cache if "page:" in key]
    assert all(b"csrfmiddlewaretoken" not in cache._cache[key] for key in stored)


def test_conditional_requests_get_304_until_content_changes(client):
    first = client.get("/en/essays/")
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert client.get("/en/essays/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    guide = Guide.objects.get(slug="eds")
    guide.save()  # any change anywhere gives a new version
    assert client.get("/en/essays/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_footer_date_comes_with_the_cache_check(client, django_assert_num_queries):
    html = client.get("/kk/").content.decode()
    assert timezone.localtime(last_updated()).strftime("%Y-%m-%d") in html  # the date in Astana, not in UTC


def test_the_export_is_streamed_not_cached(client):
    response = client.get("/api/v1/export")
    assert response.streaming
    b"".join(response.streaming_content)
    assert not any("page:" in key for key in cache._cache if b"azamat-public-export" in cache._cache[key])


@pytest.mark.parametrize(
    "path",
    [
        "/kk/",
        "/ru/constitution/",
        "/en/constitution/section/IV/",
        "/kk/constitution/article/53/",
        "/ru/constitution/1995/article/50/",
        "/en/constitution/changes/",
        "/kk/guides/",
        "/ru/guides/lost-id-card/",
        "/en/guides/eds/print/",
        "/kk/guides/eds/pdf/",
        "/kk/essays/",
        "/ru/essays/law-abiding-culture/",
        "/kk/search/?q=%D0%B7%D0%B0%D2%A3",
        "/api/v1/guides",
        "/api/v1/constitution/articles/53?lang=ru",
    ],
)
def test_every_public_page_type_is_served_from_the_cache(client, django_assert_num_queries, path):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert client.get(path).content == first.content


def test_the_export_is_written_once_per_content_version(client, settings, tmp_path):
    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    first = b"".join(client.get("/api/v1/export").streaming_content)
    files = list(tmp_path.glob("export-*.json"))
    assert len(files) == 1 and files[0].read_bytes() == first
    assert b"".join(client.get("/api/v1/export").streaming_content) == first
    guide = Guide.objects.get(slug="eds")
    guide.title_en = "A new title for the export"
    guide.save()
    second = b"".join(client.get("/api/v1/export").streaming_content)
    assert b"A new title for the export" in second
    assert [f.read_bytes() for f in tmp_path.glob("export-*.json")] == [second]  # the old version is gone


def test_an_older_export_removed_before_it_is_opened_gives_the_current_one(client, settings, tmp_path, monkeypatch):
    """The thread writing a new version removes the older file when it is done; a request that had just
    chosen the older file then sends the new one, not an error."""
    from core import api, export

    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    settings.AZAMAT_EXPORT_REFRESH = "background"
    started = []
    monkeypatch.setattr(export, "_write_in_background", started.append)  # the thread's work is done below
    b"".join(client.get("/api/v1/export").streaming_content)  # the first export: written by the request
    guide = Guide.objects.get(slug="eds")
    guide.title_en = "A title the older export does not have"
    guide.save()

    def chosen_then_removed():
        path, current = export.export_to_send()
        for old in tmp_path.glob("export-*"):
            old.unlink()  # as the writing thread does when the new version is in place
        return path, current

    monkeypatch.setattr(api, "export_to_send", chosen_then_removed)
    response = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and response.has_header("ETag") and started
    assert b"A title the older export does not have" in gzip.decompress(b"".join(response.streaming_content))


def test_tracking_parameters_of_a_shared_link_use_the_same_cache_entry(client, django_assert_num_queries):
    first = client.get("/ru/guides/eds/?utm_source=telegram&utm_medium=social")
    with django_assert_num_queries(0):  # the page from the cache, the content version remembered
        second = client.get("/ru/guides/eds/?utm_source=whatsapp&fbclid=abc")
    with django_assert_num_queries(0):
        client.get("/ru/guides/eds/")
    assert second.content == first.content
    search = client.get("/ru/search/?q=паспорт&utm_campaign=x").content.decode()
    assert "паспорт" in search and client.get("/ru/search/?q=эцп&utm_campaign=x").content.decode() != search


def test_a_hit_comes_from_the_process_memory_without_asking_the_shared_cache(client, django_assert_num_queries):
    first = client.get("/ru/guides/eds/")
    cache.clear()  # what Redis held is gone: this process still has the page
    with django_assert_num_queries(0):
        again = client.get("/ru/guides/eds/")
    assert again.content == first.content and again["ETag"] == first["ETag"]
    step = Step.objects.filter(route__guide__slug="eds").first()
    step.title_ru = "Шаг, изменённый только что"
    step.save()  # a new content version: the remembered page is not asked for again
    assert "Шаг, изменённый только что" in client.get("/ru/guides/eds/").content.decode()


def test_a_page_only_in_the_shared_cache_is_served_and_then_remembered(client, django_assert_num_queries):
    first = client.get("/kk/guides/eds/")
    memory.clear()  # as in another worker or instance: the shared cache has it, this process not yet
    with django_assert_num_queries(0):
        again = client.get("/kk/guides/eds/")
    assert again.content == first.content
    assert any(key.startswith("page:") for key in memory.entries)


def test_the_process_memory_keeps_the_newest_answers_within_its_bound(client, settings):
    pages = ["/kk/guides/", "/ru/guides/", "/en/guides/", "/kk/constitution/", "/ru/constitution/"]
    client.get(pages[0])
    one = memory.size
    settings.AZAMAT_PAGE_MEMORY_BYTES = int(one * 2.5)  # room for about two pages of this size
    for page in pages[1:]:
        client.get(page)
    assert 0 < memory.size <= settings.AZAMAT_PAGE_MEMORY_BYTES
    assert 1 <= len(memory.entries) < len(pages)
    newest = client.get(pages[-1])  # still there: served from memory although the shared cache lost it
    cache.clear()
    assert client.get(pages[-1]).content == newest.content


def test_every_encoding_is_served_whole_from_one_stored_answer(client):
    plain = client.get("/en/guides/eds/").content
    for _round in range(2):  # serving one encoding never changes what the next request gets
        for encoding, unpack in (("br", brotli.decompress), ("gzip", gzip.decompress), ("identity", bytes)):
            response = client.get("/en/guides/eds/", HTTP_ACCEPT_ENCODING=encoding)
            assert unpack(response.content) == plain, encoding
            assert int(response["Content-Length"]) == len(response.content)
            assert response.get("Content-Encoding") == (None if encoding == "identity" else encoding)


def test_a_stored_answer_travels_through_a_shared_cache_whole(client):
    client.get("/ru/constitution/article/1/")
    ((key, (entry, _size)),) = memory.entries.items()
    copy = pickle.loads(pickle.dumps(entry))  # what Redis keeps and gives another process
    assert isinstance(copy, Entry) and copy.size == entry.size
    for encoding in (None, "br", "gzip"):
        assert copy.response(encoding).content == entry.response(encoding).content
        assert dict(copy.response(encoding).headers) == dict(entry.response(encoding).headers)


def test_each_hit_gets_headers_of_its_own(client, settings, tmp_path):
    """A hit's headers are a copy of the stored ones: whatever changes them on the way out (a middleware, a
    test) never reaches the next visitor, for a page or for the export's file."""
    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    for path in ("/ru/guides/eds/", "/api/v1/export"):
        sent = _headers(client.get(path, HTTP_ACCEPT_ENCODING="br"))
        for _round in range(2):
            hit = client.get(path, HTTP_ACCEPT_ENCODING="br")
            assert _headers(hit) == sent, path
            hit["X-Changed-On-The-Way-Out"] = "1"
            hit["Content-Type"] = "text/plain"
        last = _headers(client.get(path, HTTP_ACCEPT_ENCODING="br"))
        assert "X-Changed-On-The-Way-Out" not in last and last["Content-Type"] == sent["Content-Type"], path


def _headers(response):
    """The response's headers as sent; a streamed body (the export's file) is read to its end, which closes the
    file (the response's own close() would also end the test's database connection)."""
    if response.streaming:
        b"".join(response.streaming_content)
    return dict(response.headers)


PAGE_TYPES = [
    "/kk/",
    "/ru/constitution/",
    "/ru/constitution/section/III/",
    "/kk/constitution/article/53/",
    "/kk/guides/eds/",
    "/ru/guides/",
    "/ru/search/?q=курултай",
    "/ru/answers/id-document/",
    "/en/glossary/",
    *[f"/{lang}/essays/constitution-2026/" for lang in ("kk", "ru", "en")],  # the longest read
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_is_sent_in_under_20_kb(client, path):
    """What a browser downloads (Brotli) stays small; the whole text of the Constitution aside."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200 and response["Content-Encoding"] == "br"
    assert len(response.content) < 20_000, len(response.content)


def test_the_exports_file_is_sent_again_without_running_the_api(client, settings, tmp_path, django_assert_num_queries):
    """The second request for the export of a version skips everything but the cache check: no query, the
    same file, the same headers, in each encoding; a new version is a new file."""
    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    for encoding in ("br", "gzip", "identity"):
        first = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING=encoding)
        body = b"".join(first.streaming_content)
        with django_assert_num_queries(0):
            again = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING=encoding)
            assert b"".join(again.streaming_content) == body
        assert dict(again.headers) == dict(first.headers)
        assert again.get("Content-Encoding") == (None if encoding == "identity" else encoding)
    guide = Guide.objects.get(slug="eds")
    guide.title_en = "A title after the export was sent"
    guide.save()
    newer = b"".join(client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="identity").streaming_content)
    assert b"A title after the export was sent" in newer
    for path in tmp_path.glob("export-*"):
        path.unlink()  # the files gone (a newer version elsewhere replaced them): the API writes it again
    assert b"".join(client.get("/api/v1/export").streaming_content) == newer


def test_what_an_older_release_left_in_the_shared_cache_is_a_miss_not_an_error(client):
    """After a deploy, Redis may still hold answers stored in an older shape under the same keys."""
    first = client.get("/ru/guides/eds/")
    (key,) = [key for key in memory.entries if key.startswith("page:")]
    cache.set(key, (200, {}, b"old shape", {}))
    memory.clear()
    again = client.get("/ru/guides/eds/")
    assert again.status_code == 200 and again.content == first.content
    assert isinstance(cache.get(key), Entry)  # stored again in the current shape
