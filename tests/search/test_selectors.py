"""Search: folding on both databases, shortcuts, odd input, index upkeep, the page and the API.

Ranking, language analysis and the query set are tested in test_search_ranking.py.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.html import escape

from constitution.models import Article
from constitution.search import article_shortcut
from core.content import forget_version
from core.models import Status
from essays.models import Essay
from guides.models import Guide, Step
from search import analysis, index, selectors
from search.models import Document, Posting

pytestmark = pytest.mark.django_db


def page(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def result_urls(html):
    """Where the results lead (their links go through the counting redirect, ``?to=``)."""
    links = re.findall(r'<li><span class="kind">[^<]*</span> <a href="([^"]+)">', html)
    return [parse_qs(urlsplit(unescape(link)).query)["to"][0] for link in links]


# --- Folding -------------------------------------------------------------------------------------


def test_folding_keeps_length_and_maps_kazakh_letters_and_yo():
    text = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі Ёлка Заң ЭЦҚ café"
    folded = analysis.fold(text)
    assert len(folded) == len(text)
    assert folded == "агкноууxи агкноуухи елка зан эцк cafe".replace("x", "х")
    assert analysis.fold("Мой") == "мой"  # й is a letter of its own


def _matches_in_folded_text(text, stems, language):
    """The words of ``text`` with one of ``stems``, found the plain way: in the whole text folded first."""
    prefixes = sorted({analysis.fold(s[: max(3, len(s) - 1)]) for s in stems}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")\w*")
    folded = analysis.fold(text)
    return [(m.start(), m.end()) for m in pattern.finditer(folded) if analysis.stem(m.group(0), language) in stems]


def test_snippet_words_are_found_in_the_text_as_written_as_in_the_folded_text():
    """``selectors.matches`` searches the text as written with letter classes (``unfolded_pattern``) instead
    of folding it whole: it finds the same words at the same places, in every indexed document and in
    words written in capitals, with Kazakh letters, ё or accents."""
    crafted = [
        ("ҚҰРЫЛТАЙ, Құрылтай және курултай; КУРУЛТАЙДЫҢ шешімі", "kk", {"курылтай"}),
        ("Её ЁЛКА и елка, ёлочный базар", "ru", {"елк"}),
        ("Café CAFÉ cafe, Cafés", "en", {"cafe"}),
        ("Мәжіліс МӘЖІЛІСІ мажилис", "kk", {analysis.stem("мажилис", "kk")}),
    ]
    compared = 0
    for text, language, stems in crafted:
        found = selectors.matches(text, stems, language)
        assert found == _matches_in_folded_text(text, stems, language)
        assert len(found) >= 2, (text, found)
        compared += len(found)
    for document in Document.objects.order_by("pk")[:400]:
        words = analysis.tokens(document.text, document.language)
        stems = {words[0][0], words[len(words) // 2][0], words[-1][0]} if words else set()
        found = selectors.matches(document.text, stems, document.language)
        assert found == _matches_in_folded_text(document.text, stems, document.language), document.url
        compared += len(found)
    assert compared > 1000


def test_query_words_are_folded_deduplicated_and_without_stop_words():
    assert [stem for _surface, stem in analysis.query_words("ЭЦҚ эцк  ЭЦК", "kk")] == ["эцк"]
    assert [stem for _surface, stem in analysis.query_words("как 5 бап", "ru")] == ["5", "бап"]


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("kk", "құрылтай", "/kk/constitution/article/52/"),  # lowercase finds «Құрылтай»
        ("kk", "ҚҰРЫЛТАЙ", "/kk/constitution/article/52/"),
        ("kk", "курылтай", "/kk/constitution/article/52/"),  # typed without Kazakh letters
        ("ru", "курултай", "/ru/constitution/article/52/"),  # lowercase finds «Курултай»
        ("ru", "КУРУЛТАЙ", "/ru/constitution/article/52/"),
        ("kk", "эцк", "/kk/guides/eds/"),  # finds «ЭЦҚ»
        ("ru", "эцп", "/ru/guides/eds/"),
        ("en", "digital signature", "/en/guides/eds/"),
        ("ru", "удостоверение", "/ru/guides/lost-id-card/"),
        ("kk", "заңға бағыну", "/kk/essays/law-abiding-culture/"),
    ],
)
def test_search_is_case_and_letter_insensitive_in_every_language(client, lang, query, expected):
    assert expected in result_urls(page(client, lang, query))


def test_yo_and_ye_are_the_same_letter(client):
    article = Article.objects.get(constitution__year=2026, number="30")
    article.summary_ru = "Проверочное слово: объединённый."
    article.save()
    assert "/ru/constitution/article/30/" in result_urls(page(client, "ru", "объединенный"))
    assert "/ru/constitution/article/30/" in result_urls(page(client, "ru", "ОБЪЕДИНЁННЫЙ"))


def test_english_pages_search_the_fallback_text_too(client):
    # No official English text: English pages show (and search) the Russian one.
    assert "/en/constitution/article/52/" in result_urls(page(client, "en", "Курултай"))


# --- Results -------------------------------------------------------------------------------------


def test_results_are_ranked_with_their_kind_and_highlighted_snippets(client):
    html = page(client, "kk", "ЭЦҚ")
    urls = result_urls(html)
    assert urls[0] == "/kk/guides/eds/"
    assert "<mark>ЭЦҚ</mark>" in html
    assert '<span class="kind">Нұсқаулықтар</span>' in html


def test_results_can_be_narrowed_to_one_kind(client):
    html = page(client, "ru", "закон")
    assert "kind=guide" in html and "kind=essay" in html  # the filters, with counts
    narrowed = client.get("/ru/search/", {"q": "закон", "kind": "article"}).content.decode()
    assert result_urls(narrowed) and all("/constitution/" in url for url in result_urls(narrowed))
    assert client.get("/ru/search/", {"q": "закон", "kind": "nonsense"}).status_code == 200


def test_every_page_has_a_search_box_in_the_header(client):
    for url in ("/kk/", "/ru/guides/", "/en/constitution/article/1/", "/kk/essays/"):
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'action="' + url[:4] + 'search/"' in html


# --- Shortcuts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["5-бап", "5 бап", "5-БАП", "ст. 5", "ст 5", "статья 5", "Статья 5", "article 5", "art. 5", "Art 5"]
)
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_article_shortcuts_open_the_article_in_every_language(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/constitution/article/5/"


def test_a_shortcut_to_a_missing_article_explains_and_searches(client):
    html = page(client, "en", "article 999")
    assert "has no article 999" in html


def test_numbers_alone_or_in_words_are_not_shortcuts():
    assert article_shortcut("5") is None
    assert article_shortcut("5 бап туралы") is None
    assert article_shortcut("83-1-бап") == "83-1"


# --- Odd input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a", "🙂🙂", "%", "_", "' OR 1=1 --", "\u202eRTL", "ЖСН" * 3000, "<b>bold</b>", "\\", "a" * 201],
)
def test_odd_queries_are_harmless(client, query):
    response = client.get("/kk/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<b>bold</b>" not in html
    assert len(html) < 200_000


def test_html_in_the_query_is_escaped_everywhere(client):
    html = page(client, "ru", '<script>alert("x")</script>')
    assert "<script>alert" not in html
    assert escape('<script>alert("x")</script>') in html


def test_long_queries_are_cut(client):
    html = page(client, "kk", "заң " * 500)
    value = re.search(r'id="search-page-q" type="search" name="q" value="([^"]*)"', html).group(1)
    assert 0 < len(value) <= selectors.MAX_QUERY


def test_search_page_does_a_fixed_number_of_queries(client, django_assert_num_queries):
    page(client, "ru", "курултай")  # the vocabulary is read once per index version and process
    forget_version()  # the footer's date is read once a second: count each page as if it were not
    with django_assert_num_queries(4):  # index version, postings, the documents shown, the footer
        page(client, "ru", "курултай")
    forget_version()
    with django_assert_num_queries(4):
        page(client, "ru", "курултай президент выборы депутат")
    forget_version()
    with django_assert_num_queries(2):  # no word of the query is in the index: nothing more to read
        page(client, "ru", "зебракорн")


# --- The index follows edits ---------------------------------------------------------------------


def test_edits_drafts_and_deletions_update_the_index(client):
    step = Step.objects.filter(route__guide__slug="bank-account").first()
    step.title_en = "Ask for the zebracorn account"
    step.save()
    assert "/en/guides/bank-account/" in result_urls(page(client, "en", "zebracorn"))

    guide = Guide.objects.get(slug="bank-account")
    guide.status = Status.DRAFT
    guide.save()
    assert result_urls(page(client, "en", "zebracorn")) == []

    essay = Essay.objects.get(slug="crime-trends-world")
    assert "/en/essays/crime-trends-world/" in result_urls(page(client, "en", "ransomware"))
    essay.delete()
    assert result_urls(page(client, "en", "ransomware")) == []
    assert not Document.objects.filter(kind="essay", key=str(essay.pk)).exists()


def _index_contents():
    documents = sorted(Document.objects.values_list("kind", "key", "language", "title", "text", "length_body"))
    postings = sorted(
        Posting.objects.values_list(
            "document__kind", "document__key", "document__language", "term__text", "in_title", "in_body"
        )
    )
    return documents, postings


def test_rebuild_gives_the_same_index_as_the_edits_made():
    Guide.objects.get(slug="eds").save()  # re-indexed one object at a time
    before = _index_contents()
    index.rebuild()
    after = _index_contents()
    assert before == after and len(after[0]) > 300


# --- API -----------------------------------------------------------------------------------------


def test_search_api(client):
    body = client.get("/api/v1/search", {"q": "КУРУЛТАЙ", "lang": "ru"}).json()
    assert body["total"] > 0 and body["results"]["article"][0]["url"].startswith("/ru/constitution/article/")
    assert "<mark>" in body["results"]["article"][0]["snippet_html"]
    assert body["hits"][0]["kind"] == "article" and body["hits"][0]["summary"]
    typo = client.get("/api/v1/search", {"q": "конституцыя", "lang": "ru"}).json()
    assert typo["corrected_query"] == "конституция" and typo["hits"]
    shortcut = client.get("/api/v1/search", {"q": "статья 5", "lang": "en"}).json()
    assert shortcut["redirect"] == "/en/constitution/article/5/"
    empty = client.get("/api/v1/search", {"q": "", "lang": "kk"}).json()
    assert empty["total"] == 0
    assert client.get("/api/v1/search", {"q": "x", "lang": "xx"}).status_code == 422
