"""Questionnaires are found by the words people use, and the admin keeps an unsound tree from the public."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from answers.models import Option, Questionnaire
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, query, slug",
    [
        ("ru", "где получить паспорт если потерял", "id-document"),
        ("kk", "жеке куәлік жоғалды", "id-document"),
        ("en", "lost ID card", "id-document"),
        ("ru", "какой налоговый режим выбрать", "business-tax"),
        ("kk", "қандай салық режимін таңдау керек", "business-tax"),
        ("ru", "нужна ли прописка", "residence-registration"),
        ("ru", "как обратиться в Конституционный суд", "constitutional-complaint"),
    ],
)
def test_search_finds_the_questionnaire(client, language, query, slug):
    page = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert f"/{language}/answers/{slug}/" in page


@pytest.mark.parametrize(
    "guide, slug",
    [("lost-id-card", "id-document"), ("passport", "id-document"), ("individual-entrepreneur", "business-tax")]
    + [("residence-registration", "residence-registration")],
)
def test_guides_link_their_questionnaires(client, guide, slug):
    assert f'href="/kk/answers/{slug}/"' in client.get(f"/kk/guides/{guide}/").content.decode()


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
