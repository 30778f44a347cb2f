"""Constitution pages over real HTTP: content, languages, errors and constant query counts."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "heading", "section_iv"),
    [
        ("kk", "Қазақстан Республикасының Конституциясы", "Құрылтай"),
        ("ru", "Конституция Республики Казахстан", "Курултай"),
        ("en", "Constitution of the Republic of Kazakhstan", "The Kurultai"),
    ],
)
def test_index_lists_eleven_sections_with_ranges_and_key_articles(client, lang, heading, section_iv):
    html = client.get(f"/{lang}/constitution/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert html.count('href="/' + lang + "/constitution/section/") == 11
    assert section_iv in html and "52–62" in html
    assert f'href="/{lang}/constitution/article/43/"' in html  # a key article
    assert f'href="/{lang}/constitution/changes/"' in html


def test_home_page_shows_key_articles(client):
    html = client.get("/ru/").content.decode()
    assert 'href="/ru/constitution/article/53/"' in html
    assert 'href="/ru/constitution/"' in html


def test_home_page_says_what_each_key_article_is_about_and_lists_the_newest_essays(client):
    from constitution.models import Article
    from constitution.selectors import subject

    html = client.get("/ru/").content.decode()
    article = Article.objects.get(constitution__year=2026, number="53")
    about = subject(article.summary_ru)
    assert about and f'href="/ru/constitution/article/53/">Статья 53</a>: {about}' in html
    assert 'href="/ru/essays/constitution-2026/"' in html


def test_subject_is_the_first_sentence_in_a_few_words():
    from constitution.selectors import subject

    assert subject("Короткое. Второе предложение.") == "Короткое."
    assert subject("один два три четыре пять", words=3) == "один два три…"
    assert subject("") == ""


def test_section_page_has_explanation_and_its_articles(client):
    html = client.get("/kk/constitution/section/IV/").content.decode()
    assert "Мазмұны" in html and "Маңызы" in html
    assert "бір жүз қырық бес депутат" in html
    for number in range(52, 63):
        assert f'href="/kk/constitution/article/{number}/"' in html


def test_article_page_has_summary_official_text_with_anchors_neighbours_and_1995_counterpart(client):
    html = client.get("/ru/constitution/article/53/").content.decode()
    assert "ста сорока пяти депутатов" in html  # our summary, in the official text's own words
    assert 'id="p1"' in html and 'href="#p1"' in html
    assert "Курултай состоит из ста сорока пяти депутатов" in html  # official text
    assert 'rel="prev" href="/ru/constitution/article/52/"' in html
    assert 'rel="next" href="/ru/constitution/article/54/"' in html
    assert 'href="/ru/constitution/1995/article/50/"' in html
    assert "<del>" in html and "<ins>" in html
    assert "http://testserver/ru/constitution/article/53/" in html  # citation


def test_english_article_shows_russian_official_text_with_notice(client):
    html = client.get("/en/constitution/article/1/").content.decode()
    assert "There is no official text in this language yet" in html
    assert '<ol class="points" lang="ru">' in html
    assert "Kazakhstan is a democratic, secular, law-based and social state" in html


def test_kazakh_article_shows_kazakh_text_without_latin_lookalikes(client):
    html = client.get("/kk/constitution/article/1/").content.decode()
    assert '<ol class="points" lang="kk">' in html
    assert "және әлеуметтік мемлекет" in html


def test_1995_article_says_it_is_no_longer_in_force_and_links_its_successor(client):
    html = client.get("/kk/constitution/1995/article/50/").content.decode()
    assert "1995 жылғы Конституцияның күші жойылған" in html
    assert 'href="/kk/constitution/article/53/"' in html


def test_excluded_1995_article_is_shown_as_excluded(client):
    response = client.get("/ru/constitution/1995/article/84/")
    assert response.status_code == 200
    assert "исключена поправкой" in response.content.decode()


def test_new_article_says_it_has_no_1995_counterpart(client):
    html = client.get("/en/constitution/article/70/").content.decode()
    assert "This article is new" in html


def test_changes_page_lists_sections_new_and_dropped_articles(client):
    html = client.get("/ru/constitution/changes/").content.decode()
    assert html.count('id="section-') == 11
    assert "однопалатный Курултай" in html
    assert 'href="/ru/constitution/1995/article/94-1/"' in html  # dropped transitional article


def test_topic_filter(client):
    html = client.get("/en/constitution/?topic=citizenship").content.decode()
    assert 'href="/en/constitution/article/13/"' in html
    assert client.get("/en/constitution/?topic=unknown").status_code == 404


def test_current_year_url_redirects_to_the_canonical_one(client):
    response = client.get("/en/constitution/2026/article/5/")
    assert response.status_code == 301
    assert response["Location"] == "/en/constitution/article/5/"


@pytest.mark.parametrize(
    "url",
    [
        "/kk/constitution/article/97/",
        "/kk/constitution/article/84-1/",
        "/ru/constitution/section/XII/",
        "/en/constitution/1990/",
        "/en/constitution/1995/article/100/",
        "/en/constitution/article/abc/",
    ],
)
def test_unknown_things_give_the_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


def test_language_switcher_keeps_the_article(client):
    html = client.get("/kk/constitution/article/5/").content.decode()
    assert '<a href="/ru/constitution/article/5/" hreflang="ru" lang="ru">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/constitution/article/5/">' in html


# Each count includes the one query for the footer's "data last updated" date; articles read their
# change notes too, and one query per app that contributes citations ("In practice"); a page with
# Markdown (a section, the changes) or a marked summary (an article) one for the glossary's terms, marked there.
@pytest.mark.parametrize(
    ("urls", "queries"),
    [
        (["/ru/constitution/", "/en/constitution/"], 5),
        (["/ru/constitution/1995/"], 6),  # one more: the edition in force is looked up too
        (["/ru/constitution/section/VI/", "/ru/constitution/section/II/"], 6),
        (["/ru/constitution/article/56/", "/ru/constitution/article/1/", "/ru/constitution/article/70/"], 13),
        (["/ru/constitution/1995/article/84/", "/ru/constitution/1995/article/53/"], 14),
        (["/ru/constitution/changes/"], 8),
    ],
)
def test_pages_do_a_constant_number_of_queries(client, django_assert_num_queries, urls, queries):
    from core.content import forget_version

    for url in urls:  # sections of 2 and 30 articles, articles with 0, 1 and 5 counterparts
        forget_version()  # the version is remembered for a second: read it for every page, whatever the timing
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200
