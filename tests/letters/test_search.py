"""Letters are found by search in three languages, ranked with the guides, and shown with their label."""

import pytest

from letters import search as letter_search
from letters.models import LetterTemplate
from search import index
from search.selectors import kinds
from search.selectors import search as run_search

pytestmark = pytest.mark.django_db


def test_the_letters_provider_is_registered_through_the_app_config():
    assert letter_search in index.providers()
    assert ("letter", letter_search.LABEL) in kinds()


@pytest.mark.parametrize(
    ("query", "language", "slug"),
    [
        ("жалоба на бездействие госоргана", "ru", "complaint"),
        ("мемлекеттік органның әрекетсіздігіне шағым", "kk", "complaint"),
        ("complaint about inaction of a state body", "en", "complaint"),
        ("запрос информации в госорган", "ru", "information-request"),
        ("ақпаратқа сұрау салу", "kk", "information-request"),
        ("freedom of information request", "en", "information-request"),
        ("вернуть деньги за некачественный товар", "ru", "consumer-claim"),
        ("тауарды қайтару наразылық", "kk", "consumer-claim"),
        ("refund for faulty goods", "en", "consumer-claim"),
        ("заявление в полицию о мошенничестве", "ru", "fraud-report"),
        ("жеке куәлікті жоғалту туралы өтініш", "kk", "lost-id-card"),
    ],
)
def test_a_letter_is_found_among_the_first_results(query, language, slug):
    hits = run_search(query, language).hits[:3]
    assert any(hit.kind == "letter" and hit.url == f"/{language}/forms/{slug}/" for hit in hits), [
        (hit.kind, hit.title) for hit in hits
    ]


def test_the_complaint_is_the_first_answer_to_the_inaction_query():
    hit = run_search("жалоба на бездействие госоргана", "ru").hits[0]
    assert hit.kind == "letter" and hit.url == "/ru/forms/complaint/"


def test_a_draft_letter_is_not_found():
    LetterTemplate.objects.filter(slug="consumer-claim").update(status="draft")
    letter = LetterTemplate.objects.get(slug="consumer-claim")
    assert list(letter_search.documents(letter)) == []


LABELS = [
    ("kk", "мемлекеттік органның әрекетсіздігіне шағым", "Өтініш үлгілері"),
    ("ru", "жалоба на бездействие госоргана", "Образцы заявлений"),
    ("en", "complaint about inaction of a state body", "Application letters"),
]


@pytest.mark.parametrize(("lang", "query", "label"), LABELS)
def test_search_results_show_letters_with_their_label(client, lang, query, label):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert f'<span class="kind">{label}</span>' in html or f'<p class="kind">{label}</p>' in html
    assert "/forms/complaint/" in html
