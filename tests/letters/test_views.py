"""Fill-in letters: validation (IIN with property-based tests), files read back, privacy."""

import logging
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from letters import iin as iin_rules
from letters.forms import normalise_phone
from tests.readback import docx_text, pdf_text

pytestmark = pytest.mark.django_db

KAZAKH_LETTERS = "әғқңөұүһі"
NAME = "Әлһам Ғұмарұлы Қоңырбаев-Өтегенов Үміт Ілияс"
BORN = date(1990, 5, 17)
URL = "/{lang}/forms/lost-id-card/"


def valid_iin(born=BORN, digit="3"):
    for serial in range(1, 50):
        if value := iin_rules.make(born, digit, serial):
            return value
    raise AssertionError("no IIN")


def filled(**changes):
    data = {
        "addressee": "1",
        "addressee_name": "Бостандық ауданы бойынша ХҚКО",
        "full_name": NAME,
        "birth_date": BORN.isoformat(),
        "iin": valid_iin(),
        "address": "Алматы қаласы, Абай даңғылы, 1",
        "phone": "+7 (701) 234-56-78",
        "loss_date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "circumstances": "Қоғамдық көлікте жоғалттым.",
        "attachments": ["2", "3"],
        "format": "docx",
    }
    data.update(changes)
    return data


# --- IIN -----------------------------------------------------------------------------------------


def test_known_iins():
    assert iin_rules.validate("900517 312343") == "900517312343"
    with pytest.raises(iin_rules.InvalidIIN) as error:
        iin_rules.validate("900517312344")
    assert error.value.code == "checksum"
    for bad, code in [
        ("12345", "length"),
        ("90051731234a", "digits"),
        ("900517712343", "century"),
        ("901317312343", "date"),
    ]:
        with pytest.raises(iin_rules.InvalidIIN) as error:
            iin_rules.validate(bad)
        assert error.value.code == code


def test_the_second_weighting_pass_is_used_when_the_first_gives_ten():
    for serial in range(10000):
        first = f"9005173{serial:04d}"
        digits = [int(d) for d in first]
        if sum(d * w for d, w in zip(digits, iin_rules.FIRST_WEIGHTS, strict=True)) % 11 == 10:
            second = sum(d * w for d, w in zip(digits, iin_rules.SECOND_WEIGHTS, strict=True)) % 11
            if second != 10:
                assert iin_rules.control_digit(first) == second
                assert iin_rules.validate(first + str(second))
                return
    raise AssertionError("no eleven digits needing the second pass found")


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 1)),
    sex=st.sampled_from("12"),
    serial=st.integers(0, 9999),
)
@settings(max_examples=300, deadline=None)
def test_every_generated_iin_is_valid_and_encodes_its_birth_date(born, sex, serial):
    digit = str({1900: 3, 2000: 5}[born.year // 100 * 100] + int(sex) - 1)
    value = iin_rules.make(born, digit, serial)
    assume(value is not None)
    assert iin_rules.validate(value) == value
    assert iin_rules.birth_date(value) == born


@given(
    born=st.dates(min_value=date(1950, 1, 1), max_value=date(2020, 12, 31)),
    serial=st.integers(0, 9999),
    wrong=st.integers(1, 9),
)
@settings(max_examples=300, deadline=None)
def test_changing_the_control_digit_makes_an_iin_invalid(born, serial, wrong):
    value = iin_rules.make(born, "3" if born.year < 2000 else "5", serial)
    assume(value is not None)
    broken = value[:11] + str((int(value[11]) + wrong) % 10)
    with pytest.raises(iin_rules.InvalidIIN):
        iin_rules.validate(broken)


@given(st.text(max_size=20))
@settings(max_examples=300, deadline=None)
def test_random_text_never_crashes_the_validator(text):
    try:
        assert len(iin_rules.validate(text)) == 12
    except iin_rules.InvalidIIN:
        pass


@pytest.mark.parametrize(
    "phone", ["+7 701 234 56 78", "87012345678", "8 (701) 234-56-78", "7012345678", "+77012345678"]
)
def test_phone_numbers_are_normalised(phone):
    assert normalise_phone(phone) == "+7 701 234 56 78"


# --- The form ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_form_page_in_every_language(client, lang):
    response = client.get(URL.format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and 'name="iin"' in html and 'value="pdf"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"iin": "12345"}, "iin", "An IIN has exactly 12 digits."),
        ({"iin": valid_iin()[:11] + str((int(valid_iin()[11]) + 1) % 10)}, "iin", "control"),
        ({"iin": valid_iin(date(1991, 1, 1))}, "iin", "does not match the date of birth"),
        ({"birth_date": (timezone.localdate() + timedelta(days=1)).isoformat()}, "birth_date", "in the future"),
        ({"loss_date": "2999-01-01"}, "loss_date", "in the future"),
        ({"phone": "12-34"}, "phone", "+7 701 234 56 78"),
        ({"addressee": "9"}, "addressee", "Select a valid choice"),
    ],
)
def test_bad_input_shows_the_form_again_with_the_error(client, changes, field, message):
    response = client.post(URL.format(lang="en"), filled(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and f'href="#id_{field}"' in html and message in html
    assert NAME in html or field == "full_name"  # what was typed is shown again, not lost


def test_error_messages_are_translated(client):
    html = client.post(URL.format(lang="kk"), filled(iin="12345")).content.decode()
    assert "ЖСН дәл 12 цифрдан тұрады." in html
    html = client.post(URL.format(lang="ru"), filled(phone="1")).content.decode()
    assert "Введите казахстанский номер телефона" in html


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_letter_downloads_as_word_with_the_typed_name_and_kazakh_letters(client, lang):
    response = client.post(URL.format(lang=lang), filled(format="docx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment; filename")
    text = docx_text(response.content)
    assert NAME in text and "+7 701 234 56 78" in text and valid_iin() in text
    assert all(letter in text.lower() for letter in KAZAKH_LETTERS)
    title = {"kk": "Өтініш", "ru": "Заявление", "en": "Statement"}[lang]
    assert title in text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_letter_downloads_as_pdf_with_the_typed_name_and_kazakh_letters(client, lang):
    response = client.post(URL.format(lang=lang), filled(format="pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Қоңырбаев" in text and "Ғұмарұлы" in text
    assert all(letter in text.lower() for letter in KAZAKH_LETTERS)
    assert "no-store" in response["Cache-Control"]


def test_the_kazakh_file_name_is_readable(client):
    response = client.post(URL.format(lang="kk"), filled(format="pdf"))
    assert "filename*=utf-8''%D0%96%D0%B5%D0%BA%D0%B5" in response["Content-Disposition"]  # «Жеке…»


def test_a_post_without_the_csrf_token_is_refused():
    response = Client(enforce_csrf_checks=True).post(URL.format(lang="kk"), filled())
    assert response.status_code == 403


# --- Privacy -------------------------------------------------------------------------------------


def test_nothing_typed_is_written_to_the_database_cache_files_or_logs(client, caplog, tmp_path, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "privacy"}}
    cache.clear()
    var = settings.VAR_DIR

    def files():  # the test databases (one per parallel worker) aside: their writes are the queries above
        test_db = str(connection.settings_dict["NAME"]).split("_gw")[0]
        return {p: p.stat().st_mtime for p in var.rglob("*") if p.is_file() and not str(p).startswith(test_db)}

    before = files() if var.exists() else {}
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        for fmt in ("docx", "pdf"):
            assert client.post(URL.format(lang="kk"), filled(format=fmt)).status_code == 200
        assert client.post(URL.format(lang="kk"), filled(phone="bad")).status_code == 400
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]
    assert writes == []
    assert valid_iin() not in caplog.text and "Қоңырбаев" not in caplog.text
    stored = [str(value) for value in cache._cache.values()]
    assert not any(valid_iin() in value or "Қоңырбаев" in value for value in stored)
    after = files() if var.exists() else {}
    assert after == before


def test_an_error_while_making_the_file_does_not_log_what_was_typed(client, caplog, monkeypatch):
    def broken(doc, fmt):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("letters.views.documents.respond", broken)
    client.raise_request_exception = False
    caplog.set_level(logging.DEBUG)
    response = client.post(URL.format(lang="kk"), filled(format="pdf"))
    assert response.status_code == 500
    assert "printer on fire" in caplog.text  # the error is logged …
    assert valid_iin() not in caplog.text and NAME not in caplog.text  # … without the data


def test_error_reports_mask_every_posted_value(rf):
    from letters.views import detail

    request = rf.post(URL.format(lang="kk"), filled())
    request._dont_enforce_csrf_checks = True
    try:
        detail(request, slug="lost-id-card")
    except Exception:  # noqa: S110 - only the marking of the request matters here
        pass
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert valid_iin() not in str(cleaned.values()) and NAME not in str(cleaned.values())
