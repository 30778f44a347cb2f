"""Questionnaires are found by the words people use, and the admin keeps an unsound tree from the public."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from answers.models import Option, Questionnaire
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, query",
    [("ru", "где получить паспорт если потерял"), ("kk", "жеке куәлік жоғалды"), ("en", "lost ID card")],
)
def test_search_finds_the_questionnaire(client, language, query):
    page = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert f"/{language}/answers/id-document/" in page


def test_an_admin_save_that_breaks_the_tree_keeps_it_from_the_public(editor):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    question = questionnaire.questions.get(key="id-where")
    url = f"/admin/answers/question/{question.pk}/change/"
    data = change_form(editor, url, "question_form")
    for name, value in list(data.items()):
        if name.endswith("-next_key") and value == "id-abroad":
            data[name] = "nowhere"
    response = save(editor, url, data)
    assert response.status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.status == "draft"
    assert Option.objects.get(question=question, key="abroad").next_key == "nowhere"  # nothing typed is lost
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Not published" in message for message in messages)
    assert any("nowhere" in message for message in messages)
    assert editor.get("/en/answers/id-document/").status_code == 200  # the editor previews the draft
    assert Client().get("/en/answers/id-document/").status_code == 404  # readers do not see it
