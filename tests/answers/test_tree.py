"""The tree checker refuses what would strand or mislead a reader; the walker never reaches a wrong
outcome. Small trees built here, on the real database."""

import datetime

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.utils import translation

from answers.loader import TreeError, load_file
from answers.models import Option, Outcome, Question, Questionnaire
from answers.tree import Tree, parse_date, paths, problems, walk
from core.loading import LoadReport

pytestmark = pytest.mark.django_db

TEXTS = {"kk": "Мәтін", "ru": "Текст", "en": "Text"}


@pytest.fixture(autouse=True)
def in_english():
    """The checker's sentences are read here in English (they are translated for editors in kk and ru);
    without this the tests passed only after another test had left English active."""
    with translation.override("en"):
        yield


def texts(field):
    return {f"{field}_{code}": value for code, value in TEXTS.items()}


def make_tree(slug="sample", status="published"):
    """start (choice) → yes: age (number 0–99: 0–17 → minor, 18–99 → adult) / no: outcome none."""
    questionnaire = Questionnaire.objects.create(
        slug=slug, status=status, last_reviewed=datetime.date(2026, 12, 4), **texts("title"), **texts("summary")
    )
    start = Question.objects.create(questionnaire=questionnaire, key="start", order=1, **texts("text"))
    age = Question.objects.create(
        questionnaire=questionnaire,
        key="age",
        order=2,
        kind="number",
        min_value=0,
        max_value=99,
        **texts("text"),
        **texts("unit"),
    )
    Option.objects.create(question=start, key="yes", order=1, next_key="age", **texts("label"))
    Option.objects.create(question=start, key="no", order=2, next_key="none", **texts("label"))
    Option.objects.create(question=age, key="minor", order=1, low=0, high=17, next_key="minor", **texts("label"))
    Option.objects.create(question=age, key="adult", order=2, low=18, high=99, next_key="adult", **texts("label"))
    for key in ("none", "minor", "adult"):
        Outcome.objects.create(questionnaire=questionnaire, key=key, **texts("title"), **texts("body"))
    return questionnaire


def test_a_sound_tree_has_no_problems_and_three_paths():
    tree = Tree.of(make_tree())
    assert problems(tree) == []
    found = {outcome.key: params for params, outcome in paths(tree)}
    assert found == {
        "none": [("start", "no")],
        "minor": [("start", "yes"), ("age", "0")],
        "adult": [("start", "yes"), ("age", "18")],
    }


def test_a_dead_end_is_refused():
    questionnaire = make_tree()
    Option.objects.filter(key="no").update(next_key="nowhere")
    found = problems(Tree.of(questionnaire))
    assert any("nowhere" in str(problem) and "dead end" in str(problem) for problem in found)
    assert any("“none” is never reached" in str(problem) for problem in found)


def test_an_unreachable_outcome_is_refused():
    questionnaire = make_tree()
    Outcome.objects.create(questionnaire=questionnaire, key="orphan", **texts("title"), **texts("body"))
    assert any("“orphan” is never reached" in str(problem) for problem in problems(Tree.of(questionnaire)))


def test_a_loop_is_refused():
    questionnaire = make_tree()
    Option.objects.filter(key="adult").update(next_key="start")
    found = problems(Tree.of(questionnaire))
    assert any("loop" in str(problem).lower() and "start" in str(problem) for problem in found)


@pytest.mark.parametrize(
    "minor, adult, expected",
    [
        ((0, 16), (18, 99), "no option covers 17 to 17"),
        ((0, 18), (18, 99), "overlap at 18"),
        ((0, 17), (18, 90), "91 to 99"),
    ],
)
def test_number_ranges_must_cover_the_numbers_once(minor, adult, expected):
    questionnaire = make_tree()
    Option.objects.filter(key="minor").update(low=minor[0], high=minor[1])
    Option.objects.filter(key="adult").update(low=adult[0], high=adult[1])
    assert any(expected in str(problem) for problem in problems(Tree.of(questionnaire)))


def test_a_missing_translation_is_refused_only_when_published():
    questionnaire = make_tree()
    Option.objects.filter(key="adult").update(label_kk="")
    assert any("kk" in str(problem) for problem in problems(Tree.of(questionnaire)))
    Questionnaire.objects.filter(pk=questionnaire.pk).update(status="draft")
    assert problems(Tree.of(Questionnaire.objects.get(pk=questionnaire.pk))) == []


def test_the_walk_stops_at_the_first_unanswered_question():
    tree = Tree.of(make_tree())
    state = walk(tree, QueryDict("start=yes"))
    assert state.question.key == "age" and not state.error and [a.raw for a in state.answers] == ["yes"]
    state = walk(tree, QueryDict("start=yes&age=17"))
    assert state.outcome.key == "minor"
    state = walk(tree, QueryDict("start=yes&age=%2018%20"))
    assert state.outcome.key == "adult"


@pytest.mark.parametrize(
    "query, question",
    [
        ("start=maybe", "start"),
        ("start=yes&age=seventeen", "age"),
        ("start=yes&age=100", "age"),
        ("start=yes&age=1.5", "age"),
        ("start=no&age=20", "start"),  # an answer the path does not ask
        ("start=yes&age=20&extra=1", "age"),
        ("start=yes&start=no", "start"),
    ],
)
def test_bad_answers_never_reach_an_outcome(query, question):
    state = walk(Tree.of(make_tree()), QueryDict(query))
    assert state.outcome is None
    assert state.question.key == question
    assert state.error


def test_tracking_parameters_are_ignored():
    state = walk(Tree.of(make_tree()), QueryDict("start=no&utm_source=telegram"))
    assert state.outcome.key == "none"


def test_dates_are_read_in_both_written_forms_and_checked():
    assert parse_date("2026-07-01") == datetime.date(2026, 7, 1)
    assert parse_date("1.7.2026") == datetime.date(2026, 7, 1)
    assert parse_date("31.02.2026") is None
    assert parse_date("2026-7-1") is None
    assert parse_date("tomorrow") is None


def test_the_loader_refuses_a_file_with_a_dead_end(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        """slug: broken
last_reviewed: 2026-12-04
title: {kk: Т, ru: Т, en: T}
summary: {kk: Т, ru: Т, en: T}
questions:
  - key: q
    text: {kk: С, ru: В, en: Q}
    options:
      - {key: a, label: {kk: А, ru: А, en: A}, next: done}
      - {key: b, label: {kk: Б, ru: Б, en: B}, next: missing}
outcomes:
  - key: done
    title: {kk: Т, ru: Т, en: T}
    body: {kk: Т, ru: Т, en: T}
""",
        encoding="utf-8",
    )
    with pytest.raises(TreeError, match="broken.yaml.*missing"):
        load_file(tmp_path / "broken.yaml", LoadReport())


def test_the_bundled_trees_pass_the_check_command(capsys):
    call_command("check_questionnaires", verbosity=2)
    out = capsys.readouterr().out
    assert "PROBLEM" not in out
    assert "id-document:" in out and " paths" in out
