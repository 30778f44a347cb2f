"""The whole text of an edition on one page: contents, anchors, summaries on request, provenance, languages."""

import gzip
import re

import brotli
import pytest

pytestmark = pytest.mark.django_db


def test_full_page_has_contents_every_article_with_anchors_and_links(client):
    html = client.get("/ru/constitution/full/").content.decode()
    assert html.count('<article id="article-') == 96
    assert 'href="#section-IV"' in html and 'href="#article-53"' in html
    assert 'id="article-53"' in html and 'id="article-53-p1"' in html
    assert "Курултай состоит из ста сорока пяти депутатов" in html
    assert 'href="/ru/constitution/article/53/"' in html
    assert 'id="provenance"' in html
    assert 'href="/ru/constitution/full/pdf/"' in html and 'href="/kk/constitution/full/"' in html


def test_paragraph_anchors_are_those_of_the_article_page_prefixed_with_the_article(client):
    article = client.get("/kk/constitution/article/17/").content.decode()
    full = client.get("/kk/constitution/full/").content.decode()
    for anchor in re.findall(r'<li id="(p[\w-]+)"', article):
        assert f'id="article-17-{anchor}"' in full


def test_summaries_are_shown_or_hidden_by_a_link_without_javascript(client):
    shown = client.get("/ru/constitution/full/").content.decode()
    hidden = client.get("/ru/constitution/full/?summaries=off").content.decode()
    assert shown.count('class="unofficial"') > 50
    assert 'class="unofficial"' not in hidden.split('id="toc-h"')[1]
    assert 'href="/ru/constitution/full/?summaries=off"' in shown
    assert 'href="/ru/constitution/full/"' in hidden
    assert "<script" not in hidden.split("<main")[1].split("</main>")[0]


def test_the_1995_edition_in_english(client):
    html = client.get("/en/constitution/1995/full/").content.decode()
    assert html.count('<article id="article-') >= 98
    assert 'href="/en/constitution/1995/article/1/"' in html
    assert "no longer in force" in html


def test_a_language_without_official_text_says_so_and_offers_the_others(client):
    response = client.get("/en/constitution/full/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no official text of this edition in English" in html
    assert 'href="/kk/constitution/full/"' in html and 'href="/ru/constitution/full/"' in html
    assert '<article id="article-' not in html


@pytest.mark.parametrize("url", ["/ru/constitution/1990/full/", "/xx/constitution/full/", "/ru/constitution/full/x/"])
def test_unknown_edition_or_language_is_404(client, url):
    assert client.get(url).status_code == 404


def test_current_year_redirects_to_the_canonical_full_page(client):
    response = client.get("/ru/constitution/2026/full/")
    assert response.status_code == 301 and response["Location"] == "/ru/constitution/full/"


@pytest.mark.parametrize("url", ["/kk/constitution/full/", "/ru/constitution/1995/full/", "/en/constitution/full/"])
def test_constant_queries(client, django_assert_max_num_queries, url):
    client.get(url)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_the_page_is_cached_and_compresses_well(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "full"}}
    raw = client.get("/ru/constitution/full/").content
    assert len(gzip.compress(raw)) < len(raw) / 4
    assert len(brotli.compress(raw)) < 150_000
    cached = client.get("/ru/constitution/full/", HTTP_ACCEPT_ENCODING="br")
    assert cached["Content-Encoding"] == "br"
