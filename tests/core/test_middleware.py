"""The page cache answers conditional requests only for public pages, keeps editors' answers private,
and is not turned off by any cookie a visitor sends."""

import pytest
from django.core.cache import cache

from guides.models import Guide

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "mw"}}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("path", ["/kk/guides/no-such-guide/", "/en/constitution/article/999/", "/api/v1/guides/none"])
def test_if_none_match_star_on_a_missing_page_is_still_a_404(client, path):
    assert client.get(path, HTTP_IF_NONE_MATCH="*").status_code == 404
    assert client.get(path, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2035 00:00:00 GMT").status_code == 404


def test_a_draft_is_a_404_to_a_conditional_request(client):
    Guide.objects.filter(slug="eds").update(status="draft")
    assert client.get("/kk/guides/eds/", HTTP_IF_NONE_MATCH="*").status_code == 404


def test_a_public_page_answers_304_from_its_etag_in_any_encoding(client):
    first = client.get("/ru/guides/eds/", HTTP_ACCEPT_ENCODING="gzip")
    assert first.status_code == 200 and first["ETag"].endswith('-gzip"')
    again = client.get("/ru/guides/eds/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert "must-revalidate" in again["Cache-Control"]
    assert client.get("/ru/guides/eds/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get("/ru/guides/eds/", HTTP_IF_NONE_MATCH="*").status_code == 304


def test_a_draft_preview_is_private_and_never_stored(editor):
    Guide.objects.filter(slug="eds").update(status="draft")
    response = editor.get("/ru/guides/eds/")
    assert response.status_code == 200 and "Предпросмотр черновика." in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_an_editors_view_of_a_public_page_is_private_too(editor):
    response = editor.get("/ru/guides/eds/")
    assert "no-store" in response["Cache-Control"]


def test_a_made_up_session_cookie_does_not_turn_the_cache_off(client, settings, django_assert_max_num_queries):
    settings.AZAMAT_VERSION_TTL = 60  # the content version remembered, as between two requests in production
    client.get("/ru/guides/eds/")
    client.cookies["sessionid"] = "garbage-garbage-garbage"
    with django_assert_max_num_queries(1):  # the made-up session is looked up once, then the stored page
        response = client.get("/ru/guides/eds/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
