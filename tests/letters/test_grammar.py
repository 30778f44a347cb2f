"""Letters in proper official form: names declined, verbs in the applicant's gender, dates written
out, empty optional blocks left out; the fraud report and the complaint downloaded as files."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from letters import iin as iin_rules
from letters import templating
from letters.models import LetterTemplate
from tests.readback import docx_text, pdf_text

pytestmark = pytest.mark.django_db


def iin(born, digit):
    return next(value for serial in range(1, 60) if (value := iin_rules.make(born, digit, serial)))


# --- The grammar --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "gender", "genitive", "dative"),
    [
        ("Нурланова Асемгуль Кайратовна", "female", "Нурлановой Асемгуль Кайратовны", "Нурлановой Асемгуль Кайратовне"),
        ("Нурланов Асхат Кайратович", "male", "Нурланова Асхата Кайратовича", "Нурланову Асхату Кайратовичу"),
        ("Серикбаев Ахметжан", "male", "Серикбаева Ахметжана", "Серикбаеву Ахметжану"),
        ("Ким Елена Викторовна", "female", "Ким Елены Викторовны", "Ким Елене Викторовне"),
        ("Смагулов Ерлан Кайрат улы", "male", "Смагулова Ерлана Кайрат улы", "Смагулову Ерлану Кайрат улы"),
    ],
)
def test_russian_full_names_decline_by_gender(name, gender, genitive, dative):
    assert templating.decline_russian_name(name, "gen", gender) == genitive
    assert templating.decline_russian_name(name, "dat", gender) == dative


def test_a_name_that_cannot_be_read_is_given_as_typed():
    assert templating.decline_russian_name("Мадонна", "gen", "female") == "Мадонна"
    assert templating.decline_russian_name("Иванов Иван", "gen", None) == "Иванов Иван"


@pytest.mark.parametrize(
    ("name", "ablative"),
    [
        ("Нұрланова Әсемгүл Қайратқызы", "Нұрланова Әсемгүл Қайратқызынан"),
        ("Сәрсенов Ерлан Болатұлы", "Сәрсенов Ерлан Болатұлынан"),
        ("Сәрсенов Ерлан", "Сәрсенов Ерланнан"),
        ("Әлиева Дана Маратовна", "Әлиева Дана Маратовнадан"),
        ("Ахметов Серік", "Ахметов Серіктен"),
        ("Омарова Әсел", "Омарова Әселден"),
        ("Жұмабаев Айдар", "Жұмабаев Айдардан"),
    ],
)
def test_kazakh_names_take_the_ablative_on_the_last_word_only(name, ablative):
    assert templating.kazakh_ablative(name) == ablative


def test_the_gender_comes_from_the_seventh_digit_of_the_iin():
    assert templating.gender_from_iin(iin(date(1990, 5, 17), "3")) == "male"
    assert templating.gender_from_iin(iin(date(1990, 5, 17), "4")) == "female"
    assert templating.gender_from_iin("123") is None


def test_gendered_words_and_dates():
    text = "Я {g:утерял|утеряла} {when}."
    values = {"when": date(2026, 11, 1)}
    assert templating.fill(text, values, "ru", "female") == "Я утеряла 1 ноября 2026 года."
    assert templating.fill(text, values, "ru", "male") == "Я утерял 1 ноября 2026 года."
    assert templating.fill(text, values, "ru", None) == "Я утерял(а) 1 ноября 2026 года."
    assert templating.letter_date(date(2026, 11, 1), "kk") == "2026 жылғы 1 қараша"
    assert templating.letter_date(date(2026, 11, 1), "en") == "1 November 2026"


def test_placeholders_are_read_in_every_form():
    assert templating.names_used("{a} {b@gen} {c@abl} {g:x|y} {today}") == {"a", "b", "c"}
    assert templating.unknown_placeholders({"ru": "{a} {z@dat}"}, {"a"}) == {"ru": ["z"]}


# --- The bundled letters ------------------------------------------------------------------------


def test_every_bundled_letter_uses_only_its_own_fields():
    for letter in LetterTemplate.objects.all():
        assert letter.placeholder_problems() == {}, letter.slug


FRAUD = {
    "addressee": "1",
    "addressee_name": "Бостандыкского района города Алматы",
    "full_name": "Нурланова Асемгуль Кайратовна",
    "address": "г. Алматы, пр. Абая, 1, кв. 5",
    "phone": "+7 701 234 56 78",
    "fraud_date": (timezone.localdate() - timedelta(days=2)).isoformat(),
    "circumstances": "Позвонили якобы из банка и попросили код из SMS.",
    "amount": "150 000",
    "payment_method": "1",
    "transactions": "Перевод 150 000 тенге, операция № 123456",
    "fraudster_details": "+7 777 000 00 00",
    "bank_report": "",
    "format": "docx",
}


def test_the_russian_fraud_report_is_in_official_form(client):
    response = client.post("/ru/forms/fraud-report/", {**FRAUD, "iin": iin(date(1990, 5, 17), "4")})
    assert response.status_code == 200, response.content.decode()[:3000]
    text = docx_text(response.content)
    assert "Начальнику" in text and "от Нурлановой Асемгуль Кайратовны" in text
    assert "проживающей по адресу" in text and "предупреждена" in text and "предупрежден(а)" not in text
    assert "150 000" in text and "+7 777 000 00 00" in text
    assert "года" in text and "статье 190" in text
    assert "сообщила в банк" not in text  # the optional bank block was left empty: left out
    assert "Приложения" not in text  # no attachments ticked: no empty heading


def test_the_kazakh_fraud_report_declines_the_name_and_writes_the_date(client):
    data = {**FRAUD, "full_name": "Нұрланова Әсемгүл Қайратқызы", "format": "pdf"}
    response = client.post("/kk/forms/fraud-report/", {**data, "iin": iin(date(1990, 5, 17), "4")})
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content).split())
    assert "Қайратқызынан" in text and "бастығына" in text and "жылғы" in text


def test_a_male_applicant_gets_the_male_forms(client):
    response = client.post(
        "/ru/forms/fraud-report/",
        {**FRAUD, "full_name": "Нурланов Асхат Кайратович", "iin": iin(date(1985, 3, 3), "3"), "bank_report": "да"},
    )
    text = docx_text(response.content)
    assert "от Нурланова Асхата Кайратовича" in text and "проживающего" in text and "предупрежден" in text
    assert "сообщил в банк" in text


def test_the_complaint_letter_downloads_with_what_was_typed(client):
    letter = LetterTemplate.objects.get(slug="complaint")
    fields = {field.name: field for field in letter.fields.all()}
    data = {"format": "docx"}
    for name, field in fields.items():
        if field.kind == "iin":
            data[name] = iin(date(1979, 1, 31), "4")
        elif field.kind == "phone":
            data[name] = "87012345678"
        elif field.kind == "date":
            data[name] = (timezone.localdate() - timedelta(days=10)).isoformat()
        elif field.kind in ("choice", "checklist"):
            data[name] = "1"
        else:
            data[name] = f"значение {name}"
    for lang in ("kk", "ru", "en"):
        response = client.post(f"/{lang}/forms/complaint/", data)
        assert response.status_code == 200, (lang, response.content.decode()[:2000])
        text = docx_text(response.content)
        assert "значение circumstances" in text and "значение demands" in text
