"""The corrections of issue #34 to the guides and the lost-ID letter stay made, phrase by phrase in the
language concerned; facts that could not be confirmed stay marked as such."""

import datetime
from decimal import Decimal

import pytest

from guides.models import Guide
from letters.models import LetterTemplate

pytestmark = pytest.mark.django_db

ISSUE_34 = datetime.date(2026, 12, 4)


def guide(slug):
    return Guide.objects.get(slug=slug)


def steps(slug):
    return [step for route in guide(slug).routes.all() for step in route.steps.all()]


def test_online_fraud_cites_the_erdr_rules_themselves():
    fraud = guide("online-fraud")
    urls = [source.url for source in fraud.sources.all()]
    assert "https://adilet.zan.kz/rus/docs/V1400009744" in urls
    assert not any("V14W0010036" in url for url in urls)
    bodies = {
        lang: " ".join(getattr(step, f"body_{lang}") for step in steps("online-fraud")) for lang in "kk ru en".split()
    }
    assert "2014 жылғы 19 қыркүйектегі № 89 бұйрығымен" in bodies["kk"]
    assert "приказом Генерального Прокурора от 19 сентября 2014 года № 89" in bodies["ru"]
    assert "order No. 89 of 19 September 2014" in bodies["en"]


def test_online_fraud_tells_the_victim_about_their_status_and_appeal():
    bodies = {
        lang: " ".join(getattr(step, f"body_{lang}") for step in steps("online-fraud")) for lang in "kk ru en".split()
    }
    assert "71-бабы бойынша жәбірленуші деп таниды" in bodies["kk"]
    assert "прокурорға немесе сотқа шағымдануға болады" in bodies["kk"]
    assert "признаёт потерпевшим по статье 71 Уголовно-процессуального кодекса" in bodies["ru"]
    assert "обжаловать прокурору или в суд" in bodies["ru"]
    assert "recognises a person harmed by a crime as the victim under Article 71" in bodies["en"]
    assert "appeal to the prosecutor or to a court" in bodies["en"]


def test_online_fraud_mentions_eotinish_and_keeps_its_registration_unconfirmed():
    answers = {
        lang: " ".join(getattr(faq, f"answer_{lang}") for faq in guide("online-fraud").faqs.all())
        for lang in "kk ru en".split()
    }
    assert "eOtinish" in answers["kk"] and "нақтылануда" in answers["kk"]
    assert "eOtinish" in answers["ru"] and "уточняется" in answers["ru"]
    assert "eOtinish" in answers["en"] and "to be confirmed" in answers["en"]


def test_online_fraud_labels_each_2025_figure_with_its_body():
    fraud = guide("online-fraud")
    assert "ІІМ деректері бойынша 2025 жылы Қазақстанда интернет-алаяқтықтың 27 892" in fraud.intro_kk
    assert "По данным МВД, за 2025 год в Казахстане зарегистрировано 27 892" in fraud.intro_ru
    assert "According to the Ministry of Internal Affairs, 27 892" in fraud.intro_en
    note = fraud.tables.get(title_en="The most common methods in 2025")
    assert "Комитеттің деректері бойынша" in note.note_kk and "28 851" in note.note_kk
    assert "По данным Комитета" in note.note_ru and "28 851" in note.note_ru
    assert "According to the Committee" in note.note_en and "28 851" in note.note_en


def test_individual_entrepreneur_names_opvr_and_the_self_employed_annual_cap():
    ie = guide("individual-entrepreneur")
    answers = {lang: " ".join(getattr(faq, f"answer_{lang}") for faq in ie.faqs.all()) for lang in "kk ru en".split()}
    assert "жұмыс берушінің міндетті зейнетақы жарналарын (ЖМЗЖ)" in answers["kk"] and "3,5%" in answers["kk"]
    assert "обязательные пенсионные взносы работодателя (ОПВР)" in answers["ru"] and "3,5%" in answers["ru"]
    assert "(OPVR)" in answers["en"] and "3.5%" in answers["en"]
    assert (
        "жылына 3 600 АЕК" in answers["kk"]
        and "3 600 МРП в год" in answers["ru"]
        and "3 600 MCI a year" in answers["en"]
    )
    assert "Зейнеткерлер мен студенттер бұл төлемдерден босатыла ма — нақтылануда" in answers["kk"]
    assert "Освобождены ли от этих платежей пенсионеры и студенты — уточняется" in answers["ru"]
    assert "ОПВР" in ie.fees_note_ru and "ЖМЗЖ" in ie.fees_note_kk


def test_the_lost_id_letter_goes_to_the_public_service_centre_only():
    letter = LetterTemplate.objects.get(slug="lost-id-card")
    addressee = letter.fields.get(name="addressee")
    assert "полиц" not in addressee.options_ru.lower() and "ЦОН" in addressee.options_ru
    assert "полиция" not in addressee.options_kk.lower() and "ХҚКО" in addressee.options_kk
    assert "police" not in addressee.options_en.lower()
    assert "новое удостоверение оформляет только ЦОН" in letter.intro_ru
    assert "жаңа жеке куәлікті тек ХҚКО рәсімдейді" in letter.intro_kk
    assert "only a PSC issues a new ID card" in letter.intro_en


def test_eds_tells_about_keys_on_the_id_card_chip_and_its_pin():
    faq = guide("eds").faqs.get(question_en="What changes if I keep the keys on my ID card's chip?")
    assert "чиптің PIN-коды" in faq.answer_kk and "нақтылануда" in faq.answer_kk
    assert "PIN-код чипа" in faq.answer_ru and "уточняется" in faq.answer_ru
    assert "the chip's PIN code" in faq.answer_en


@pytest.mark.parametrize("slug", ["passport", "lost-id-card"])
def test_expedited_charges_are_the_gov_kz_amounts_with_the_conflict_marked(slug):
    fees = guide(slug).fees.exclude(amount_tenge=None)
    assert {fee.amount_tenge for fee in fees} == {Decimal("3011.12"), Decimal("1581.14"), Decimal("605.31")}
    assert {fee.source_url for fee in fees} == {"https://www.gov.kz/situations/96/285"}
    note = guide(slug)
    assert "4 983 / 2 752 / 1 116" in note.fees_note_ru and "уточняется" in note.fees_note_ru
    assert "4 983 / 2 752 / 1 116" in note.fees_note_kk and "нақтылануда" in note.fees_note_kk
    assert "to be confirmed" in note.fees_note_en


def test_the_owners_fine_is_10_mci_under_part_1_and_the_rest_to_be_confirmed():
    rows = [row.cells_ru for table in guide("residence-registration").tables.all() for row in table.rows.all()]
    assert any("ч. 1 ст. 493" in row and "10 МРП" in row for row in rows)
    assert any("ст. 493" in row and "уточняется" in row for row in rows)
    rows_kk = [row.cells_kk for table in guide("residence-registration").tables.all() for row in table.rows.all()]
    assert any("493-баптың 1-бөлігі" in row and "10 АЕК" in row for row in rows_kk)


def test_house_terms_in_the_passport_faq():
    answers = " ".join(faq.answer_kk for faq in guide("passport").faqs.all())
    assert "міндетті түрде ауыстыру көзделмеген" in answers
    assert "жаппай" not in answers


@pytest.mark.parametrize(
    "slug", ["online-fraud", "individual-entrepreneur", "passport", "lost-id-card", "eds", "residence-registration"]
)
def test_each_corrected_guide_has_a_public_change_note(slug):
    note = guide(slug).changes.get(date=ISSUE_34)
    assert note.note_kk and note.note_ru and note.note_en
