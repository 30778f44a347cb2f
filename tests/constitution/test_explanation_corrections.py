"""The corrections of issue #34 to the explanations stay made: each is checked phrase by phrase in the
language concerned, against what the official text of that language says."""

import datetime

import pytest

from constitution.models import Article

pytestmark = pytest.mark.django_db


def article(year, number):
    return Article.objects.get(constitution__year=year, number=number)


def test_2026_article_13_says_citizenship_ends_when_another_is_held():
    summary = article(2026, "13")
    assert "өзге ел азаматтығының болуы Қазақстан Республикасының азаматтығын тоқтатуға негіз" in summary.summary_kk
    assert "наличие иного гражданства — основание для прекращения гражданства" in summary.summary_ru
    assert "holding another citizenship is a ground for ending citizenship" in summary.summary_en
    # still only a court takes citizenship away, and only for the two grounds the text names
    assert "только по решению суда за совершение террористических преступлений" in summary.summary_ru


def test_2026_article_5_names_the_special_legal_regimes():
    summary = article(2026, "5")
    assert "«қарқынды дамитын қала» арнаулы құқықтық режимі" in summary.summary_kk
    assert "специальный правовой режим «города ускоренного развития»" in summary.summary_ru
    assert "special legal regime in the financial sphere" in summary.summary_en


def test_1995_article_95_applies_party_lists_starting_with_the_second_mazhilis():
    summary = article(1995, "95")
    assert "сайлаудан бастап қолданылады" in summary.summary_kk
    assert "начиная с выборов депутатов Мажилиса второго созыва" in summary.summary_ru
    assert "apply starting with the election of the Mazhilis of the second convocation" in summary.summary_en
    assert "apply after the election" not in summary.summary_en


def test_1995_article_97_each_official_appoints_one_member_for_three_and_one_for_six_years():
    summary = article(1995, "97")
    assert "бір бірден үш жыл мерзімге және бір бірден алты жыл мерзімге" in summary.summary_kk
    assert "по одному члену на три года и по одному — на шесть лет" in summary.summary_ru
    assert "one member for three years and one member for six years" in summary.summary_en


@pytest.mark.parametrize(("number", "phrase"), [("95", "“after”"), ("97", "leaves out the second member")])
def test_where_the_english_translation_departs_a_note_says_so_in_three_languages(number, phrase):
    note = article(1995, number)
    assert phrase in note.translation_note_en
    assert "Kazakh and Russian texts" in note.translation_note_en
    assert "казахскому и русскому текстам" in note.translation_note_ru
    assert "қазақ және орыс тілдеріндегі мәтіндерге сүйенеді" in note.translation_note_kk
    assert not article(1995, "94").translation_note_en


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Note on the translation"), ("ru", "Примечание о переводе"), ("kk", "Аударма туралы ескертпе")],
)
def test_the_article_page_shows_the_translation_note(client, lang, heading):
    html = client.get(f"/{lang}/constitution/1995/article/95/").content.decode()
    assert heading in html
    assert heading not in client.get(f"/{lang}/constitution/1995/article/94/").content.decode()


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "as amended up to 2022"),
        ("ru", "с изменениями по 2022 год"),
        ("kk", "2022 жылға дейінгі өзгерістерімен"),
    ],
)
def test_every_1995_page_says_its_explanations_describe_the_2022_edition(client, lang, phrase):
    for number in ("1", "95", "97"):
        assert phrase in client.get(f"/{lang}/constitution/1995/article/{number}/").content.decode()
    assert phrase in client.get(f"/{lang}/constitution/1995/").content.decode()
    assert phrase not in client.get(f"/{lang}/constitution/article/1/").content.decode()


def test_kazakh_summaries_of_2026_use_the_official_texts_words():
    assert "орнынан түсе алады" in article(2026, "50").summary_kk
    assert "қол сұғылмау кепілдігіне ие" in article(2026, "55").summary_kk
    assert "орнынан түсу туралы мәлімдейді" in article(2026, "69").summary_kk
    assert "түсіндіру береді" in article(2026, "82").summary_kk
    for a in Article.objects.filter(constitution__year=2026).select_related("section"):
        for word in ("отставка", "сұғылмаушылы", "түсініктеме"):
            assert word not in a.summary_kk.lower(), (a.number, word)
            assert word not in a.section.summary_kk.lower(), (a.section.number, word)


def test_the_corrections_carry_public_change_notes_and_the_date_they_were_checked():
    for year, number in ((2026, "13"), (2026, "5"), (1995, "95"), (1995, "97")):
        assert article(year, number).checked_on == datetime.date(2026, 12, 4)
        notes = article(year, number).changes.filter(date="2026-12-04")
        assert notes.count() == 1
        note = notes.get()
        assert note.note_kk and note.note_ru and note.note_en
