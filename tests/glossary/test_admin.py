"""The admin keeps a spelling to one term per language: a duplicate is refused with the other term named."""

import pytest

from glossary.models import Term
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


def test_a_spelling_another_term_has_is_refused(editor):
    term = Term.objects.get(slug="bin")
    url = f"/admin/glossary/term/{term.pk}/change/"
    data = change_form(editor, url, "term_form")
    data["spellings_ru"] = "БИН\nцон"  # the other term's spelling, in another case
    response = save(editor, url, data)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "центр обслуживания населения" in html
    assert "is already a spelling of the term" in html
    term.refresh_from_db()
    assert term.spellings_ru == "БИН"


def test_a_new_term_with_a_taken_name_is_refused(editor):
    data = change_form(editor, "/admin/glossary/term/add/", "term_form")
    data.update(
        slug="mrp-again",
        term_kk="АЕК",
        term_ru="новый термин",
        term_en="new term",
        definition_kk="Анықтама.",
        definition_ru="Определение.",
        definition_en="Definition.",
    )
    response = save(editor, "/admin/glossary/term/add/", data)
    assert response.status_code == 200
    assert "айлық есептік көрсеткіш" in response.content.decode()
    assert not Term.objects.filter(slug="mrp-again").exists()


def test_the_same_word_in_two_languages_is_allowed(editor):
    term = Term.objects.get(slug="akim")
    url = f"/admin/glossary/term/{term.pk}/change/"
    data = change_form(editor, url, "term_form")
    response = save(editor, url, data)  # «аким» and «akim», «апостиль» in kk and ru: different languages
    assert response.status_code == 302
