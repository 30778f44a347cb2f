"""Indexing after a save is one set-based update once the transaction commits, however many inlines
changed (search/index.py): the query budgets of issue 27, with the re-indexing included (the
on-commit callbacks are run, as a real commit would), and the index right afterwards."""

import pytest

from guides.models import Guide, Route, Step
from search import selectors
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


def _finds(query, language, slug):
    return any(hit.url.rstrip("/").endswith(f"/guides/{slug}") for hit in selectors.search(query, language).hits)


def test_saving_one_step_stays_within_30_queries_and_is_found_at_once(
    django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    step = Step.objects.filter(route__guide__slug="eds").first()
    step.title_en = "Quasquicentennial keyboard ritual"
    with django_assert_max_num_queries(30), django_capture_on_commit_callbacks(execute=True) as callbacks:
        step.save()
    assert [c for c in callbacks if getattr(c, "__name__", "") == "_flush"] == [callbacks[-1]]  # one re-index
    assert _finds("quasquicentennial", "en", "eds")


def test_a_full_admin_save_of_a_guide_stays_within_150_queries(
    editor, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    guide = Guide.objects.get(slug="passport")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    data["title_en"] = "Passport for travel abroad, renewed wording"
    with django_assert_max_num_queries(150), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = save(editor, url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(callbacks) >= 1
    assert _finds("renewed wording", "en", "passport")


def test_an_admin_save_of_a_route_with_every_step_changed_reindexes_once(
    editor, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    route = Route.objects.filter(guide__slug="eds").first()
    url = f"/admin/guides/route/{route.pk}/change/"
    data = change_form(editor, url, "route_form")
    steps = sorted(key for key in data if key.startswith("steps-") and key.endswith("-title_en"))
    for key in steps:
        data[key] = data[key] + " (checked)"
    with django_assert_max_num_queries(150), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = save(editor, url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    flushes = [c for c in callbacks if getattr(c, "__name__", "") == "_flush"]
    assert len(flushes) == 1 and len(steps) > 1


def test_a_word_repeated_beyond_a_small_integer_is_indexed_on_every_database(django_capture_on_commit_callbacks):
    from search.models import Posting, Term

    step = Step.objects.filter(route__guide__slug="eds").first()
    step.body_en = "Quokkalike " * 40000  # found by the import-under-load test on PostgreSQL: smallint out of range
    with django_capture_on_commit_callbacks(execute=True):
        step.save()
    term = Term.objects.get(language="en", text__startswith="quokkalik")
    assert Posting.objects.get(term=term, document__language="en").in_body == 32767
