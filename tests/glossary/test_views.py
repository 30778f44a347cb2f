"""The glossary page through real HTTP on the bundled content: every term in three languages, in the
alphabetical order of the page's language, each at its anchor; linked from every page's footer."""

import re
from html import unescape
from urllib.parse import unquote

import pytest

from glossary.models import Term
from glossary.selectors import sort_key

pytestmark = pytest.mark.django_db

LANGUAGES = ["kk", "ru", "en"]


def anchors(html):
    return re.findall(r'<dt id="([a-z0-9-]+)">', html)


def test_the_bundled_glossary_has_at_least_forty_terms_each_in_three_languages():
    terms = list(Term.objects.all())
    assert len(terms) >= 40
    for term in terms:
        for language in LANGUAGES:
            assert getattr(term, f"term_{language}"), (term.slug, language)
            assert getattr(term, f"definition_{language}"), (term.slug, language)
        assert term.source_url.startswith("https://"), term.slug


def test_no_bundled_term_repeats_a_spelling_of_another():
    for term in Term.objects.all():
        term.clean()  # raises on a spelling another term has in the same language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_every_term_at_its_anchor_in_alphabetical_order(client, language):
    response = client.get(f"/{language}/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    found = anchors(html)
    assert sorted(found) == sorted(Term.objects.values_list("slug", flat=True))
    names = {term.slug: term.spellings_in(language)[0] for term in Term.objects.all()}
    keys = [sort_key(names[slug], language) for slug in found]
    assert keys == sorted(keys)
    assert f'href="/{language}/glossary/#' not in html  # the glossary does not mark itself


def test_the_kazakh_page_follows_the_kazakh_alphabet(client):
    html = client.get("/kk/glossary/").content.decode()
    letters = re.findall(r'<h2 id="letter-([^"]+)">', html)
    assert letters.index("А") < letters.index("Ә") < letters.index("Б")
    assert letters.index("Ж") < letters.index("Қ") < letters.index("М")  # қ comes after к, not at the end


def test_an_entry_shows_spellings_definition_source_and_related_pages(client):
    html = client.get("/ru/glossary/").content.decode()
    entry = html[html.index('<dt id="mci">') :]
    entry = entry[: entry.index("</dd>")]
    assert "месячный расчётный показатель" in entry
    assert "МРП" in entry
    assert "закон о республиканском бюджете" in entry
    assert 'href="https://adilet.zan.kz/' in entry
    kurultai = html[html.index('<dt id="kurultai">') :]
    assert 'href="/ru/constitution/' in kurultai[: kurultai.index("</dd>")]
    eds = html[html.index('<dt id="eds">') :]
    assert 'href="/ru/guides/eds/"' in eds[: eds.index("</dd>")]


def test_an_unknown_anchor_is_simply_absent(client):
    response = client.get("/ru/glossary/#no-such-term")
    assert response.status_code == 200
    assert 'id="no-such-term"' not in response.content.decode()


@pytest.mark.parametrize("path", ["/kk/", "/ru/guides/", "/en/essays/"])
def test_the_footer_links_the_glossary(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="/{path.split("/")[1]}/glossary/"' in footer


def test_the_page_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    client.get("/ru/glossary/")
    with django_assert_max_num_queries(4):
        client.get("/en/glossary/")


@pytest.mark.parametrize(
    "language, query, slug",
    [("ru", "что такое МРП", "mci"), ("kk", "ХҚКО деген не", "public-service-centre"), ("en", "what is IIN", "iin")],
)
def test_search_finds_a_term(client, language, query, slug):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    # Result links go through the counted click-through (/search/go/?to=…), the target quoted.
    assert f"/{language}/glossary/#{slug}" in unquote(unescape(html))
