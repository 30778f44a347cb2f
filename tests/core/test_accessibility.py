"""The accessibility statement: in three languages, honest about what is not accessible yet, dated, and
linked from the footer of every page."""

import pytest

from core.text import mixed_script_words
from core.views import ACCESSIBILITY_CHECKED
from tests.browser.pages import PAGE_TYPES

pytestmark = pytest.mark.django_db

STATEMENTS = {
    "kk": (
        "Қолжетімділік туралы мәлімдеме",
        "ішінара сәйкес келеді",
        "әлі ешкім тексерген жоқ",
        "Осы беттегі қатені хабарлау",
    ),
    "ru": (
        "Заявление о доступности",
        "частично соответствует",
        "пока не проверял человек",
        "Сообщить о проблеме на этой странице",
    ),
    "en": (
        "Accessibility statement",
        "partially compliant",
        "no person has yet tested",
        "Report a problem with this page",
    ),
}


@pytest.mark.parametrize("lang", list(STATEMENTS))
def test_the_statement_in_each_language(client, lang):
    response = client.get(f"/{lang}/accessibility/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in page
    for phrase in STATEMENTS[lang]:
        assert phrase in page, phrase
    assert f'<time datetime="{ACCESSIBILITY_CHECKED:%Y-%m-%d}">' in page
    for gap in ("PDF/UA", "NVDA", "/admin/", "WCAG 2.1", "axe-core", "Nu HTML Checker"):
        assert gap in page, gap
    assert 'id="feedback"' in page  # the way to report a problem is on the page itself


def test_the_kazakh_and_russian_statements_have_no_latin_letters_inside_cyrillic_words(client):
    for lang in ("kk", "ru"):
        page = client.get(f"/{lang}/accessibility/").content.decode()
        assert mixed_script_words(page) == [], lang


@pytest.mark.parametrize("kind", ["home", "article", "guide", "essay-charts", "letter-form", "search", "not-found"])
def test_every_page_links_to_the_statement_in_its_language(client, kind):
    for lang in ("kk", "ru", "en"):
        page = client.get(PAGE_TYPES[kind].format(lang=lang)).content.decode()
        footer = page[page.index('<footer class="site-footer">') :]
        assert f'<a href="/{lang}/accessibility/">' in footer, (kind, lang)
