"""The questionnaire pages through real HTTP on the bundled content: every path through every tree
reaches its outcome, fees are the guides' fees for this year, bad addresses get the question again
with a message (400), and nothing is stored or set."""

import re
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from answers.models import Questionnaire
from answers.tree import Tree, paths
from guides.models import MciRate
from guides.templatetags.guides import tenge

pytestmark = pytest.mark.django_db

SLUGS = ["id-document"]


def published():
    return list(Questionnaire.objects.published().order_by("slug"))


def address(questionnaire, params, language="ru"):
    return f"/{language}/answers/{questionnaire.slug}/?{urlencode(params)}"


def test_the_bundled_questionnaires_are_published():
    assert {q.slug for q in published()} >= set(SLUGS)


def test_every_path_of_every_tree_reaches_its_outcome_page(client):
    checked = 0
    for questionnaire in published():
        tree = Tree.of(questionnaire)
        every = paths(tree)
        assert every, questionnaire.slug
        for params, outcome in every:
            response = client.get(address(questionnaire, params))
            assert response.status_code == 200, (questionnaire.slug, params)
            page = response.content.decode()
            assert outcome.title_ru in page.replace("&quot;", '"').replace("&#x27;", "'"), (params, outcome.key)
            assert response.templates[0].name == "answers/outcome.html"
            checked += 1
    assert checked > 20


def test_each_outcome_shows_the_guides_fees_for_this_year(client):
    rate = MciRate.objects.for_year(timezone.localdate().year)
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "30", "id-reason": "lost-often", "id-where": "kazakhstan"}
    params["id-speed"] = "category-1"
    page = client.get(address(questionnaire, params)).content.decode()
    option_fees = [
        option.fees.get()
        for question in questionnaire.questions.all()
        for option in question.options.all()
        if option.key in ("lost-often", "category-1") and option.question.key in params
    ]
    assert len(option_fees) == 2
    for fee in option_fees:
        assert tenge(fee.amount_in_tenge(rate.year, rate=rate)) in page
    total = sum(fee.amount_in_tenge(rate.year, rate=rate) for fee in option_fees)
    assert tenge(total) in page


def test_the_fee_follows_the_mci_table(client):
    """Change the year's MCI and the outcome's fee changes with it: nothing is copied."""
    year = timezone.localdate().year
    MciRate.objects.update_or_create(year=year, defaults={"value": 5000, "source": "test"})
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "passport", "passport-age": "10", "passport-reason": "first"}
    params |= {"passport-where": "kazakhstan", "passport-speed": "standard"}
    page = client.get(address(questionnaire, params)).content.decode()
    assert tenge(4 * 5000) in page  # the 24-page passport: 4 MCI


def test_mci_figures_in_an_outcome_are_written_out_for_this_year(client):
    rate = MciRate.objects.for_year(timezone.localdate().year)
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "30", "id-reason": "damaged", "id-where": "kazakhstan"}
    params["id-speed"] = "standard"
    page = client.get(address(questionnaire, params, "en")).content.decode().replace("&nbsp;", "\u00a0")
    assert "{mci:" not in page
    assert tenge(7 * rate.value) in page


def test_answers_so_far_are_shown_with_change_links(client):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    response = client.get(address(questionnaire, {"document": "id-card", "id-age": "17"}, "en"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Why do you need a new card?" in page
    assert 'href="/en/answers/id-document/?document=id-card"' in page  # change the age
    assert 'href="/en/answers/id-document/"' in page  # change the document
    assert '<input type="hidden" name="document" value="id-card">' in page
    assert "<fieldset" in page and "<legend>" in page


@pytest.mark.parametrize(
    "params, message",
    [
        ({"document": "driving-licence"}, "Choose one of the answers"),
        ({"document": "id-card", "id-age": "abc"}, "whole number"),
        ({"document": "id-card", "id-age": "1000"}, "from 0 to 120"),
        ({"document": "id-card", "id-age": "-3"}, "from 0 to 120"),
        ({"document": "id-card", "passport-pages": "36"}, "does not ask"),
        ({"document": "id-card", "id-age": "20", "colour": "red"}, "does not ask"),
    ],
)
def test_bad_answers_ask_the_question_again_with_a_message(client, params, message):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    response = client.get(address(questionnaire, params, "en"))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'role="alert"' in page and 'aria-invalid="true"' in page
    assert response.templates[0].name == "answers/question.html"


def test_answers_beyond_an_outcome_are_refused_not_ignored(client):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "12", "id-reason": "lost"}
    response = client.get(address(questionnaire, params, "en"))
    assert response.status_code == 400
    assert "How old is the person who needs the card?" in response.content.decode()


def test_an_answer_given_twice_is_refused(client):
    response = client.get("/en/answers/id-document/?document=id-card&document=passport")
    assert response.status_code == 400


def test_messages_are_in_the_pages_language(client):
    response = client.get("/kk/answers/id-document/?document=id-card&id-age=abc")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a whole number" not in page
    assert re.search("[әғқңөұүһі]", page)


def test_nothing_is_stored_and_no_cookie_is_set(client, django_assert_max_num_queries):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "30", "id-reason": "stolen", "id-where": "kazakhstan"}
    params["id-speed"] = "standard"
    with django_assert_max_num_queries(12) as captured:
        response = client.get(address(questionnaire, params))
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []


def test_outcome_links_the_guide_section_the_letter_with_prefill_and_the_official_page(client):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "30", "id-reason": "stolen", "id-where": "kazakhstan"}
    params["id-speed"] = "standard"
    page = client.get(address(questionnaire, params, "en")).content.decode()
    assert 'href="/en/guides/lost-id-card/#route-1"' in page
    assert 'href="/en/forms/lost-id-card/?attachments=1"' in page
    assert "https://www.gov.kz/situations/96/285" in page
    assert "police" in page  # the stolen answer's note


def test_an_expired_card_has_no_letter_about_a_loss(client):
    questionnaire = Questionnaire.objects.get(slug="id-document")
    params = {"document": "id-card", "id-age": "30", "id-reason": "expired", "id-where": "kazakhstan"}
    params["id-speed"] = "standard"
    page = client.get(address(questionnaire, params, "en")).content.decode()
    assert "/forms/lost-id-card/" not in page


def test_index_lists_the_questionnaires_in_three_languages(client):
    for language in ("kk", "ru", "en"):
        response = client.get(f"/{language}/answers/")
        assert response.status_code == 200
        for questionnaire in published():
            assert f"/{language}/answers/{questionnaire.slug}/" in response.content.decode()


def test_guides_offer_their_questionnaires(client):
    page = client.get("/ru/guides/passport/").content.decode()
    assert 'href="/ru/answers/id-document/"' in page
