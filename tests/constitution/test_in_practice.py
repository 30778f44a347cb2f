"""An article's "In practice": the guides, essays and letters that cite it, found through the registry."""

import pytest

from constitution import selectors
from constitution.models import Article
from core import registry
from core.models import Status
from guides.models import Guide

pytestmark = pytest.mark.django_db


def test_each_citing_app_declares_a_citations_provider():
    assert {config.label for config, _citing in registry.citations()} >= {"guides", "essays", "letters"}


def test_article_page_lists_guides_essays_and_letters_that_cite_it(client):
    html = client.get("/ru/constitution/article/12/").content.decode()
    practice = html.split('id="practice-h"')[1].split("</section>")[0]
    assert 'href="/ru/guides/online-fraud/"' in practice
    assert 'href="/ru/essays/internet-fraud/"' in practice
    assert 'href="/ru/forms/fraud-report/"' in practice  # the letter of the guide that cites it


def test_a_draft_is_not_cited(client):
    Guide.objects.filter(slug="online-fraud").update(status=Status.DRAFT)
    html = client.get("/ru/constitution/article/12/").content.decode()
    assert "/ru/guides/online-fraud/" not in html
    assert "/ru/forms/fraud-report/" not in html  # its letter goes with it


def test_an_article_nobody_cites_has_no_in_practice(client):
    html = client.get("/ru/constitution/1995/article/1/").content.decode()
    assert 'id="practice-h"' not in html


def test_the_api_article_carries_its_citations(client):
    data = client.get("/api/v1/constitution/articles/12?lang=ru").json()
    kinds = {(item["kind"], item["paths"]["kk"]) for item in data["in_practice"]}
    assert ("guides", "/kk/guides/online-fraud/") in kinds
    assert ("essays", "/kk/essays/internet-fraud/") in kinds
    assert ("letters", "/kk/forms/fraud-report/") in kinds
    assert all(isinstance(item["title"], str) and item["title"] for item in data["in_practice"])
    every = client.get("/api/v1/constitution/articles/12").json()
    assert set(every["in_practice"][0]["title"]) == {"kk", "ru", "en"}
    # the fields that were there before are unchanged
    assert list(every)[: len(every) - 1] == [
        *("edition", "number", "section", "summary", "is_key", "is_excluded", "topics", "paths"),
        *("fallback", "text", "notes", "predecessors", "successors"),
    ]


def test_in_practice_is_one_query_per_app(django_assert_num_queries):
    article = Article.objects.get(constitution__year=2026, number="21")
    with django_assert_num_queries(len(registry.citations())):
        assert len(selectors.in_practice(article)) == 3
