"""Search answers questions as people ask them: language analysis, ranking, typos, best answers,
and the natural-query sets of bench/, on SQLite and PostgreSQL alike (the suite runs on both)."""

import pytest

from bench.search_quality import HOLDOUT, QUERIES, evaluate, load_queries, target_of
from constitution.models import Article
from guides.models import Guide
from search import kazakh, ranking
from search.analysis import fold, query_words, terms
from search.selectors import search

pytestmark = pytest.mark.django_db


def targets(query, language):
    return [target_of(hit.url) for hit in search(query, language).hits]


# --- Analysis -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ["жоғалттым", "жоғалтқан", "жоғалтсаңыз", "жоғалту", "жоғалтсам"],  # one verb, four tenses and moods
        ["құқық", "құқығы", "құқықтары", "құқықтарын", "құқықтың"],  # қ → ғ before a vowel
        ["куәлік", "куәлігі", "куәлігін", "куәлікті"],
        ["заң", "заңға", "заңдар", "заңы", "заңның"],
        ["президент", "президенті", "президентке", "президенттің"],
        ["мемлекет", "мемлекеттің", "мемлекетке"],
        ["адам", "адамның", "адамдар"],
        ["кәсіпкер", "кәсіпкерге", "кәсіпкерлер"],
    ],
)
def test_kazakh_word_forms_share_one_stem(forms):
    assert len({kazakh.stem(fold(word)) for word in forms}) == 1, {w: kazakh.stem(fold(w)) for w in forms}


def test_kazakh_typed_without_kazakh_letters_is_the_same_word():
    assert terms("жеке куәлікті жоғалттым", "kk") == terms("жеке куаликти жогалттым", "kk")
    assert terms("Қазақстан", "kk") == terms("казакстан", "kk") == terms("Kазақстан", "kk")  # a Latin K


def test_russian_and_english_word_forms_share_one_stem():
    assert terms("потеряла", "ru") == terms("потерял", "ru") == terms("потерять", "ru")
    assert terms("удостоверения", "ru") == terms("удостоверение", "ru")
    assert terms("abolished", "en") == terms("abolish", "en")
    assert terms("appoints", "en") == terms("appointed", "en")


def test_question_words_and_function_words_are_not_searched():
    assert [stem for _w, stem in query_words("как что ли где мне", "ru")] == []
    assert [stem for _w, stem in query_words("қалай не ма керек", "kk")] == []
    assert [stem for _w, stem in query_words("how do I get my", "en")] == []


# --- Ranking ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "query", "target"),
    [
        ("ru", "отменена ли смертная казнь", "article:2026:17"),
        ("ru", "потеряла удостоверение", "guide:lost-id-card"),
        ("ru", "восстановить удостоверение личности", "guide:lost-id-card"),
        ("ru", "презумпция невиновности", "article:2026:19"),
        ("ru", "омбудсмен", "article:2026:85"),
        ("ru", "право на митинги", "article:2026:34"),
        ("ru", "конституцыя", None),
        ("kk", "жеке куәлікті жоғалттым", "guide:lost-id-card"),
        ("kk", "кінәсіздік презумпциясы", "article:2026:19"),
        ("kk", "президент неше жылға сайланады", "article:2026:43"),
        ("en", "lost my ID card", "guide:lost-id-card"),
        ("en", "is the death penalty abolished", "article:2026:17"),
        ("en", "jury trial", "article:2026:76"),
        ("en", "who appoints the vice president", "article:2026:49"),
    ],
)
def test_the_examples_of_the_issue_find_their_answer_in_the_first_five(language, query, target):
    found = targets(query, language)
    assert found, query
    if target:
        assert target in found[:5], (query, found[:5])


def test_an_extra_word_does_not_lose_the_answer():
    assert (
        targets("презумпция невиновности", "ru")[0]
        == targets("что такое презумпция невиновности в казахстане", "ru")[0]
    )


def test_a_typo_is_corrected_and_said():
    results = search("конституцыя", "ru")
    assert results.corrected == "конституция" and results.hits
    assert search("удостоверени личности", "ru").hits[0].url == "/ru/guides/lost-id-card/"
    assert search("конституция", "ru").corrected == ""  # a correct word is not "corrected"


def test_a_question_gets_a_best_answer_when_one_result_clearly_wins():
    results = search("отменена ли смертная казнь", "ru")
    assert results.best is not None and results.best.url == "/ru/constitution/article/17/"
    assert results.best.summary == Article.objects.get(constitution__year=2026, number="17").summary_ru
    assert search("закон", "ru").best is None  # a vague word: no single answer


def test_best_answers_are_right_nineteen_times_in_twenty():
    shown = right = 0
    for item in load_queries(QUERIES) + load_queries(HOLDOUT):
        best = search(item["q"], item["lang"]).best
        if best is not None:
            shown += 1
            right += target_of(best.url) in item["expect"]
    total = len(load_queries(QUERIES)) + len(load_queries(HOLDOUT))
    assert shown >= total / 2 and right >= 0.93 * shown, (shown, right, total)


def test_asking_for_the_old_constitution_puts_it_first():
    assert targets("сенат по конституции 1995 года", "ru")[0].startswith(("article:1995", "essay:"))
    assert targets("президент", "ru")[0].startswith("article:2026")


def test_keywords_editors_give_are_searched_like_titles():
    guide = Guide.objects.get(slug="bank-account")
    guide.keywords_ru = "зебракорн"
    guide.save()
    assert targets("зебракорн", "ru") == ["guide:bank-account"]


def test_pruning_common_terms_in_a_large_collection_keeps_the_answers(monkeypatch):
    """At scale, terms in most documents are read only for documents with a rarer term; with the
    threshold lowered so the portal's own content is "large", the answers stay where they were."""
    queries = [
        ("ru", "на сколько лет избирается президент", "article:2026:43"),
        ("kk", "жеке куәлікті жоғалттым", "guide:lost-id-card"),
    ]
    monkeypatch.setattr(ranking, "COMMON_MINIMUM", 20)  # terms in more than 20 of the ~210 documents
    for language, query, target in queries:
        assert target in targets(query, language)[:3]


# --- The query sets (the goal of the issue: hit@5 ≥ 0.95 and hit@1 ≥ 0.75 in each language) ------


@pytest.mark.parametrize("path", [QUERIES, HOLDOUT], ids=["tuning set", "held-out set"])
def test_natural_queries_find_their_answers(path):
    scores, misses = evaluate(lambda q, lang: [hit.url for hit in search(q, lang).hits], load_queries(path))
    for language in ("kk", "ru", "en"):
        score = scores[language]
        assert score["hit5"] >= 0.95 and score["hit1"] >= 0.75, (language, score, misses[:10])
