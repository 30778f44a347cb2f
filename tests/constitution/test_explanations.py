"""Explanations say only what the official text says: summaries for every article of both editions,
and a check that keeps their numbers the text's own, over the bundle and on save in the admin."""

from fractions import Fraction

import pytest

from constitution.models import Article
from constitution.numbers import numbers, summary_problems, unsupported
from core.text import mixed_script_words
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Курултай состоит из ста сорока пяти депутатов", "ru", {145}),
        ("сроком на семь лет; двумя третями голосов", "ru", {7, Fraction(2, 3)}),
        ("не более одного раза", "ru", set()),  # the word for one is not counted
        ("Құрылтай бір жүз қырық бес депутаттан тұрады", "kk", {145}),
        ("жеті жыл мерзімге, депутаттардың үштен екісі", "kk", {7, Fraction(2, 3)}),
        ("оны, оның, онда", "kk", set()),  # the pronoun, not «он» (ten)
        ("бір бірден үш жыл мерзімге", "kk", {3}),  # «one each, for three years»: not 1 + 1 + 3
        ("a hundred and forty-five deputies, two-thirds of the votes, twice", "en", {145, Fraction(2, 3), 2}),
        ("since 1 July 2026, 12 482 613 voters", "en", {1, 2026, 12482613}),
    ],
)
def test_numbers_are_read_from_digits_and_words_in_any_form(text, language, expected):
    assert numbers(text, language) == expected


def test_a_number_the_text_does_not_have_is_named():
    text = "Курултай состоит из ста сорока пяти депутатов, избираемых на пять лет."
    assert unsupported("Курултай из 145 депутатов на пять лет", text, "ru") == []
    assert unsupported("Курултай из 168 депутатов на семь лет", text, "ru") == [7, 168]


def test_every_bundled_summary_of_both_editions_keeps_to_the_numbers_of_its_text():
    problems = {}
    for article in Article.objects.select_related("constitution"):
        values = {
            name: getattr(article, name)
            for language in ("kk", "ru", "en")
            for name in (f"summary_{language}", f"text_{language}", f"notes_{language}")
        }
        if found := summary_problems(values):
            problems[(article.constitution.year, article.number)] = found
    assert problems == {}


def test_every_article_of_both_editions_has_a_summary_in_three_languages():
    for article in Article.objects.select_related("constitution"):
        for language in ("kk", "ru", "en"):
            summary = getattr(article, f"summary_{language}")
            assert summary, (article.constitution.year, article.number, language)
        assert not mixed_script_words(article.summary_kk) and not mixed_script_words(article.summary_ru)
    assert Article.objects.filter(constitution__year=1995).count() == 102
    excluded = Article.objects.get(constitution__year=1995, number="84")
    assert "254-III" in excluded.summary_ru and "2007" in excluded.summary_ru


def test_the_corrections_of_the_review_are_in(client):
    article_13 = Article.objects.get(constitution__year=2026, number="13")
    assert "террористическ" in article_13.summary_ru and "тяжкие преступления" not in article_13.summary_ru
    assert "еркінен тыс" not in Article.objects.get(constitution__year=2026, number="17").summary_kk
    assert "бюджет" not in Article.objects.get(constitution__year=2026, number="56").summary_ru.split("отчёт")[0]


def test_the_admin_refuses_a_summary_with_a_number_its_text_lacks(editor):
    article = Article.objects.get(constitution__year=2026, number="53")
    url = f"/admin/constitution/article/{article.pk}/change/"
    data = change_form(editor, url, "article_form")
    data["summary_en"] = "The Kurultai has 168 deputies."
    data["summary_ru"] = "Курултай состоит из ста шестидесяти восьми депутатов."
    response = save(editor, url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This summary says 168" in html
    article.refresh_from_db()
    assert "168" not in article.summary_en
    data["summary_en"] = "The Kurultai has a hundred and forty-five deputies."
    data["summary_ru"] = "Курултай состоит из ста сорока пяти депутатов."
    assert save(editor, url, data).status_code == 302


def test_each_article_page_says_when_its_explanation_was_checked(client):
    html = client.get("/ru/constitution/article/17/").content.decode()
    assert "Сверено с официальным текстом 25 ноября 2026" in html
    html = client.get("/kk/constitution/1995/section/III/").content.decode()
    assert Article.objects.get(constitution__year=1995, number="41").summary_kk[:40] in html
