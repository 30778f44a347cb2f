"""Known terms marked where they first stand, when the page is rendered: on a guide, an essay and a section
of the Constitution; only the first occurrence, never in links or headings, never in the official text of
an article, the stored text untouched, and the cached page the same as the rendered one."""

import re

import pytest
from django.core.cache import cache

from constitution.models import Article
from core.content import forget_version
from core.text import text_memory
from glossary.markup import compile_terms, spelling_pattern
from glossary.models import Term
from guides.models import Guide

pytestmark = pytest.mark.django_db

MARKED = re.compile(r'<dfn class="term"><a href="/(\w\w)/glossary/#([a-z0-9-]+)" title="([^"]*)">([^<]+)</a></dfn>')


def marks(html):
    return MARKED.findall(html)


def main(html):
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_a_guide_marks_each_known_term_once_with_its_definition(client):
    html = main(client.get("/ru/guides/lost-id-card/").content.decode())
    found = marks(html)
    slugs = [slug for _language, slug, _title, _text in found]
    assert {"public-service-centre", "mci", "eds"} <= set(slugs)
    assert len(slugs) == len(set(slugs))  # the first occurrence only
    language, _slug, title, text = next(item for item in found if item[1] == "public-service-centre")
    assert language == "ru"
    assert text == "ЦОН"
    assert "Правительство для граждан" in title  # the definition, on hover and focus
    first = html.index(">ЦОН</a></dfn>")
    assert "ЦОН" in html[first + 20 :]  # later mentions are left as they are


def test_the_first_occurrence_is_the_one_marked(client):
    html = main(client.get("/ru/guides/lost-id-card/").content.decode())
    mark = html.rindex("<dfn", 0, html.index(">ЦОН</a></dfn>"))
    # The editor-written Markdown starts after the lead and the summary box (plain fields, not marked);
    # before the mark, «ЦОН» stands only where marks may not: in headings, links and attributes.
    text_start = html.index('<p class="no-print downloads">')
    earlier = re.sub(r"<h([1-6])[^>]*>.*?</h\1>|<a [^>]*>.*?</a>|<[^>]+>", "", html[text_start:mark], flags=re.S)
    assert not re.search(r"(?<![\w.@/-])ЦОН(?!\w)", earlier)


def test_nothing_is_marked_in_headings_or_links(client):
    html = main(client.get("/kk/guides/lost-id-card/").content.decode())
    for heading in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, flags=re.S):
        assert 'class="term"' not in heading[1]
    for link in re.findall(r"<a (?![^>]*glossary)[^>]*>(.*?)</a>", html, flags=re.S):
        assert "<dfn" not in link and "<a " not in link


def test_a_kazakh_abbreviation_with_a_suffix_marks_the_abbreviation():
    terms = [Term(slug="psc", term_kk="халыққа қызмет көрсету орталығы", spellings_kk="ХҚКО")]
    regex, names = compile_terms(terms, "kk")
    match = regex.search("Өтінішті ХҚКО-ға апарыңыз")
    assert match.group(0) == "ХҚКО"
    assert regex.search("ХҚКОлар") is None  # not inside a longer word
    assert regex.search("хқко") is None  # abbreviations as written


def test_words_take_endings_but_do_not_stand_inside_other_words():
    pattern = re.compile(spelling_pattern("нотариус"))
    assert pattern.fullmatch("нотариустың") and pattern.fullmatch("Нотариусу")
    terms = [Term(slug="notary", term_ru="нотариус"), Term(slug="egov", term_ru="eGov")]
    regex, _names = compile_terms(terms, "ru")
    assert regex.search("у гос. нотариуса").group(0) == "нотариуса"
    assert regex.search("пронотариус") is None
    assert regex.search("сайт egov.kz") is None and regex.search("на eGov.kz") is None  # addresses are left alone


def test_an_essay_is_marked(client):
    html = main(client.get("/ru/essays/constitution-2026/").content.decode())
    slugs = [slug for _language, slug, _title, _text in marks(html)]
    assert "kurultai" in slugs or "constitutional-court" in slugs
    assert len(slugs) == len(set(slugs))


def test_the_official_text_of_an_article_stays_verbatim(client, monkeypatch):
    article = Article.objects.get(constitution__year=2026, number="52")
    assert "Курултай" in article.text_ru
    url = article.get_absolute_url().replace("/kk/", "/ru/", 1)

    def official_part(html):
        start = html.index('<ol class="points"')
        return html[start : html.index("</ol>", start)]

    marked = client.get(url).content.decode()
    monkeypatch.setattr("core.templatetags.azamat.markups", lambda: [])
    unmarked = client.get(url).content.decode()
    assert official_part(marked) == official_part(unmarked)
    assert 'class="term"' not in official_part(marked)
    assert "Курултай" in official_part(marked)


def test_a_section_of_the_constitution_is_marked(client):
    section = Article.objects.get(constitution__year=2026, number="88").section
    html = main(client.get(section.get_absolute_url().replace("/kk/", "/ru/", 1)).content.decode())
    assert marks(html)


def test_the_stored_text_is_never_changed(client):
    guide = Guide.objects.get(slug="lost-id-card")
    before = [(step.pk, step.body_ru) for route in guide.routes.all() for step in route.steps.all()]
    client.get("/ru/guides/lost-id-card/")
    after = [(step.pk, step.body_ru) for route in guide.routes.all() for step in route.steps.all()]
    assert before == after
    assert not any("<dfn" in body for _pk, body in after)


def test_a_changed_term_is_marked_on_the_next_page(client):
    Term.objects.filter(slug="public-service-centre").update(spellings_ru="")
    html = main(client.get("/ru/guides/lost-id-card/").content.decode())
    assert ">ЦОН</a></dfn>" not in html


def test_a_page_rendered_again_marks_the_same_terms_from_the_memory(client, settings):
    settings.AZAMAT_TEXT_MEMORY_BYTES = 16 * 1024 * 1024
    text_memory.clear()
    first = main(client.get("/ru/guides/lost-id-card/").content.decode())
    assert any(key[0] == "glossary" for key in text_memory.entries if isinstance(key, tuple))
    cache.clear()  # a miss again, as after an edit elsewhere: the marks come from the memory
    second = main(client.get("/ru/guides/lost-id-card/").content.decode())
    assert marks(second) == marks(first) and len({slug for _l, slug, _t, _w in marks(second)}) == len(marks(second))
    assert second == first


def test_a_changed_definition_shows_on_the_next_page_though_the_marks_are_remembered(client, settings):
    settings.AZAMAT_TEXT_MEMORY_BYTES = 16 * 1024 * 1024
    client.get("/ru/guides/lost-id-card/")  # the marks with the old definition are in the memory
    Term.objects.filter(slug="public-service-centre").update(definition_ru="Новое определение ЦОН для проверки.")
    cache.clear()
    html = main(client.get("/ru/guides/lost-id-card/").content.decode())
    found = {slug: title for _language, slug, title, _word in marks(html)}
    assert "Новое определение ЦОН для проверки." in found["public-service-centre"]


def test_the_cache_serves_the_marked_page(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gl"}}
    settings.AZAMAT_VERSION_TTL = 60
    cache.clear()
    forget_version()
    first = client.get("/ru/guides/lost-id-card/")
    second = client.get("/ru/guides/lost-id-card/")
    assert marks(first.content.decode())
    assert second.content == first.content
    cache.clear()


def test_an_articles_summary_and_a_guides_lead_are_marked_too(client):
    page = client.get("/ru/constitution/article/73/").content.decode()
    summary = page[page.index('id="summary-h"') : page.index("</section>", page.index('id="summary-h"'))]
    assert '<dfn class="term">' in summary
    lead = client.get("/ru/guides/lost-id-card/").content.decode()
    lead = lead[lead.index('<p class="lead">') : lead.index("</p>", lead.index('<p class="lead">'))]
    assert '<dfn class="term">' in lead
