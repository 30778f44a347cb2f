"""The information request and the consumer claim: bundled in three languages, guarded like the
other letters (IIN, phone, dates, nothing stored), downloaded as Word and PDF with what was typed."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from letters import iin as iin_rules
from letters.models import LetterTemplate
from tests.readback import docx_text, pdf_text

pytestmark = pytest.mark.django_db

NEW_LETTERS = ("information-request", "consumer-claim")
LANGUAGES = ("kk", "ru", "en")
NAME = "Нұрланова Әсемгүл Қайратқызы"


def an_iin(born=date(1990, 5, 17), digit="4"):
    return next(value for serial in range(1, 60) if (value := iin_rules.make(born, digit, serial)))


def filled(slug, **changes):
    """Every field of the letter filled in: the first option of choices, a value named after the field."""
    data = {"format": "docx"}
    for field in LetterTemplate.objects.get(slug=slug).fields.all():
        if field.kind == "iin":
            data[field.name] = an_iin()
        elif field.kind == "phone":
            data[field.name] = "8 701 234 56 78"
        elif field.kind == "date":
            data[field.name] = (timezone.localdate() - timedelta(days=5)).isoformat()
        elif field.kind == "choice":
            data[field.name] = "1"
        elif field.kind == "checklist":
            data[field.name] = ["1", "2"]
        elif field.name == "full_name":
            data[field.name] = NAME
        else:
            data[field.name] = f"мәтін {field.name}"
    data.update(changes)
    return data


@pytest.mark.parametrize("slug", NEW_LETTERS)
def test_the_new_letters_are_bundled_in_three_languages_with_no_dangling_placeholders(slug):
    letter = LetterTemplate.objects.get(slug=slug)
    assert letter.is_published
    for code in LANGUAGES:
        for name in ("title", "intro", "body", "filename", "keywords"):
            assert getattr(letter, f"{name}_{code}"), (slug, name, code)
    assert letter.placeholder_problems() == {}
    assert letter.import_problems() == []
    kinds = {field.kind for field in letter.fields.all()}
    assert {"iin", "phone"} <= kinds


@pytest.mark.parametrize("slug", NEW_LETTERS)
def test_kazakh_texts_of_the_new_letters_are_cyrillic_only(slug):
    letter = LetterTemplate.objects.get(slug=slug)
    texts = [letter.title_kk, letter.intro_kk, letter.body_kk, letter.filename_kk]
    for field in letter.fields.all():
        texts += [field.label_kk, field.help_text_kk, field.options_kk]
    # The only Latin: placeholders, the Roman part of a law's number (№ 401-V) and the legal database's address.
    kazakh = re.sub(r"\{[^{}]*\}|\d+-[IVX]+|adilet\.zan\.kz", "", " ".join(text or "" for text in texts))
    assert not re.search("[A-Za-z]", kazakh), re.findall(r"\S*[A-Za-z]\S*", kazakh)


def test_the_information_request_cites_the_law_and_sends_the_answer_as_chosen(client):
    texts = {}
    for lang in LANGUAGES:
        response = client.post(f"/{lang}/forms/information-request/", filled("information-request"))
        assert response.status_code == 200, response.content.decode()[:1500]
        texts[lang] = docx_text(response.content)
        assert "мәтін information" in texts[lang] and an_iin() in texts[lang] and "+7 701 234 56 78" in texts[lang]
    assert "«Ақпаратқа қол жеткізу туралы» 2015 жылғы 16 қарашадағы № 401-V Заңының 11-бабына" in texts["kk"]
    assert "Нұрланова Әсемгүл Қайратқызынан" in texts["kk"]
    assert "статьёй 11 Закона Республики Казахстан «О доступе к информации» от 16 ноября 2015 года" in texts["ru"]
    assert "проживающей" in texts["ru"]  # the IIN's seventh digit 4: a woman
    assert "Article 11 of the Law of the Republic of Kazakhstan “On access to information”" in texts["en"]
    assert "in writing to the postal address above" in texts["en"]


def test_the_information_request_leaves_out_an_empty_email_line(client):
    response = client.post("/ru/forms/information-request/", filled("information-request", email=""))
    assert response.status_code == 200
    assert "Электронная почта" not in docx_text(response.content)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_consumer_claim_downloads_as_pdf_with_the_demand_and_the_ten_day_term(client, lang):
    response = client.post(f"/{lang}/forms/consumer-claim/", filled("consumer-claim", format="pdf", demand="3"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Қайратқызы" in text and "мәтін seller" in text and "мәтін problem" in text
    expected = {
        "kk": ("тауарды тегін жөндеуді", "42-4", "күнтізбелік он күн"),
        "ru": ("бесплатно отремонтировать товар", "42-4", "десяти календарных дней"),
        "en": ("repair the goods free of charge", "42-4", "ten calendar days"),
    }[lang]
    for words in expected:
        assert words in text, words
    assert "no-store" in response["Cache-Control"]


def test_the_consumer_claim_lists_attachments_and_drops_the_empty_seller_address(client):
    response = client.post("/kk/forms/consumer-claim/", filled("consumer-claim", seller_address="", attachments=["1"]))
    text = docx_text(response.content)
    assert "Чектің немесе төлем құжатының көшірмесі" in text
    assert "Кепілдік талонының" not in text
    assert text.count("Мекенжайы:") == 1  # the applicant's; the seller's line is left out


@pytest.mark.parametrize(
    ("slug", "changes", "field", "message"),
    [
        ("information-request", {"iin": "123"}, "iin", "An IIN has exactly 12 digits."),
        ("information-request", {"information": ""}, "information", "This field is required."),
        ("information-request", {"phone": "12-34"}, "phone", "+7 701 234 56 78"),
        ("consumer-claim", {"iin": an_iin()[:11] + str((int(an_iin()[11]) + 1) % 10)}, "iin", "control"),
        ("consumer-claim", {"purchase_date": "2999-01-01"}, "purchase_date", "in the future"),
        ("consumer-claim", {"demand": "9"}, "demand", "Select a valid choice"),
    ],
)
def test_the_new_letters_are_guarded_like_the_others(client, slug, changes, field, message):
    response = client.post(f"/en/forms/{slug}/", filled(slug, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{field}"' in html and message in html


@pytest.mark.parametrize("slug", NEW_LETTERS)
def test_nothing_typed_in_the_new_letters_is_written_to_the_database(client, slug):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.post(f"/kk/forms/{slug}/", filled(slug)).status_code == 200
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]
    assert writes == []
