"""The 2026 Constitution essay tells the change both ways (issue #34). Each test pins one correction,
phrase by phrase in kk, ru and en, so that it fails if the correction is undone: who now appoints
the officials the Senate elected or approved, the rights narrowed or removed, which procedure changes
which rule, both sides of the argument, the timeline, a results chart of everyone entitled to vote,
and the "What changed" note on section IV. The YAML is read as it is bundled (no database)."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from core.loading import read_yaml
from core.text import mixed_script_words

BASE = Path(settings.BASE_DIR)
LANGUAGES = ["kk", "ru", "en"]


@pytest.fixture(scope="module")
def essay():
    return read_yaml(BASE / "essays" / "data" / "constitution-2026.yaml")


def section(essay, language, heading):
    """The body of the section whose heading in ``language`` starts with ``heading``."""
    for item in essay["sections"]:
        if item["heading"][language].startswith(heading):
            return item["body"][language]
    raise AssertionError(f"no section {heading!r} in {language}")


def bullet(body, start):
    """The list item of ``body`` that starts with ``start`` (after its bold marker)."""
    for line in body.splitlines():
        if line.lstrip("- *").startswith(start):
            return line
    raise AssertionError(f"no bullet {start!r}")


SENATE = {"kk": "Сенаттың тағайындау", "ru": "Кому перешли полномочия Сената", "en": "Who gained the Senate"}
# (post, article link, paragraph words, who holds the power now) per language
APPOINTMENTS = {
    "kk": [
        ("Жоғарғы Сот Төрағасы", "83", "1-тармақ", "Тек Президентке"),
        ("Бас Прокурор", "84", "3-тармақ", "Тек Президентке"),
        ("Адам құқықтары жөніндегі уәкіл", "85", "2-тармақ", "Тек Президентке"),
        ("Конституциялық Сот судьялары", "72", "4-тармақ", "Президентке, Құрылтайдың келісімімен"),
    ],
    "ru": [
        ("Председатель Верховного Суда", "83", "пункт 1", "Президенту единолично"),
        ("Генеральный Прокурор", "84", "пункт 3", "Президенту единолично"),
        ("Уполномоченный по правам человека", "85", "пункт 2", "Президенту единолично"),
        ("Судьи Конституционного Суда", "72", "пункт 4", "Президенту с согласия Курултая"),
    ],
    "en": [
        ("Chair of the Supreme Court", "83", "paragraph 1", "To the President alone"),
        ("Prosecutor General", "84", "paragraph 3", "To the President alone"),
        ("Human Rights Commissioner", "85", "paragraph 2", "To the President alone"),
        ("Judges of the Constitutional Court", "72", "paragraph 4", "To the President, with the Kurultai's consent"),
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_senate_power_names_who_holds_it_now_with_both_texts_articles(essay, language):
    body = section(essay, language, SENATE[language])
    assert f"/{language}/constitution/1995/article/55/" in body  # the Senate's powers in 1995
    for post, article, paragraph, holder in APPOINTMENTS[language]:
        line = bullet(body, post)
        assert f"(/{language}/constitution/article/{article}/), {paragraph}" in line, post
        assert holder in line, post
        assert "1995" in line, post


KURULTAI = {"kk": "Екі палаталы Парламенттің орнына", "ru": "Курултай вместо", "en": "A Kurultai instead"}
NOT_ALL_TO_KURULTAI = {
    "kk": "Сенаттың тағайындау мен келісім беру жөніндегі бірқатар өкілеттігі Президентке өтті",
    "ru": "ряд полномочий Сената по назначениям и даче согласия перешёл к Президенту",
    "en": "several of the Senate's appointment and consent powers went to the President",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_kurultai_section_no_longer_says_it_does_all_the_chambers_did(essay, language):
    body = section(essay, language, KURULTAI[language])
    assert NOT_ALL_TO_KURULTAI[language] in body
    assert "теперь делает один Курултай" not in body and "is now done by one Kurultai" not in body


NARROWED = {"kk": "Құқықтар: не тарылды", "ru": "Права: что сужено", "en": "Rights: what was narrowed"}
# (bullet start, 1995 article, 2026 article) per language
NARROWINGS = {
    "kk": [
        ("Ереуіл жасау құқығы — алынып тасталды", "24", "27"),
        ("Міндетті білім — тарылды", "30", "33"),
        ("Бейбіт жиналыс", "32", "34"),
        ("Сөз бостандығы — жаңа шектеулер", "20", "23"),
        ("Халықаралық шарттар — енді заңдардан басым емес", "4", "5"),
    ],
    "ru": [
        ("Право на забастовку — исключено", "24", "27"),
        ("Обязательное образование — сужено", "30", "33"),
        ("Мирные собрания", "32", "34"),
        ("Свобода слова — новые ограничения", "20", "23"),
        ("Международные договоры — больше не выше законов", "4", "5"),
    ],
    "en": [
        ("The right to strike: removed", "24", "27"),
        ("Compulsory education: narrowed", "30", "33"),
        ("Peaceful assembly", "32", "34"),
        ("Speech: new limits", "20", "23"),
        ("International treaties: no longer above laws", "4", "5"),
    ],
}
PHRASES = {
    "kk": ["ереуіл жасау құқығын қоса алғанда", "бастауыш және негізгі орта білім міндетті", "«қарқынды дамитын қала»"],
    "ru": ["включая право на забастовку", "начальное и основное среднее образование", "«города ускоренного развития»"],
    "en": [
        "including the right to strike",
        "primary and basic secondary education",
        "“city of accelerated development”",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_narrowing_compares_the_1995_article_with_the_2026_one(essay, language):
    body = section(essay, language, NARROWED[language])
    for start, old, new in NARROWINGS[language]:
        line = bullet(body, start)
        assert f"/{language}/constitution/1995/article/{old}/" in line, start
        assert f"/{language}/constitution/article/{new}/" in line, start
    for phrase in PHRASES[language]:
        assert phrase in body


PROCEDURE = {"kk": "Қай ережені қалай", "ru": "Какое правило как", "en": "Which rule can be changed how"}
AMENDMENT_ARTICLES = {"kk": "92 және 93-баптар", "ru": "статьи 92 и 93", "en": "articles 92 and 93"}
LEVELS = {
    "kk": ["**Конституция мәтіні** — тек жалпыхалықтық референдуммен", "**Конституциялық заңдар** — референдумсыз",
           "**Кәдімгі заңдар** — референдумсыз"],
    "ru": ["**Текст Конституции** — только всенародным референдумом", "**Конституционные законы** — без референдума",
           "**Обычные законы** — без референдума"],
    "en": ["**The text of the Constitution**: only by national referendum",
           "**Constitutional laws**: without a referendum", "**Ordinary laws**: without a referendum"],
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_amendment_articles_are_92_and_93_and_each_level_has_its_procedure(essay, language):
    body = section(essay, language, PROCEDURE[language])
    assert AMENDMENT_ARTICLES[language] in body
    assert f"/{language}/constitution/article/92/" in body and f"/{language}/constitution/article/93/" in body
    assert f"/{language}/constitution/article/61/" in body  # two thirds / a majority of the Kurultai
    for level in LEVELS[language]:
        assert level in body
    everything = yaml.safe_dump(essay, allow_unicode=True)
    assert "/constitution/article/91/" not in everything  # article 91 of 2026 is local government


DEBATE = {"kk": "Жақтаушылар мен сыншылар", "ru": "Доводы сторонников и критиков", "en": "Supporters' and critics'"}
SIDES = {
    "kk": ["**Жақтаушылар**", "**Сыншылар**", "Тоқаев", "Human Rights Watch", "ашық хат"],
    "ru": ["**Сторонники**", "**Критики**", "Токаев", "Human Rights Watch", "открытом письме"],
    "en": ["**Supporters**", "**Critics**", "Tokayev", "Human Rights Watch", "open letter"],
}
TEXT_SAYS = {"kk": "*Мәтін:*", "ru": "*Текст:*", "en": "*The text:*"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_supporters_and_critics_are_side_by_side_each_with_what_the_text_says(essay, language):
    body = section(essay, language, DEBATE[language])
    for phrase in SIDES[language]:
        assert phrase in body
    arguments = [line for line in body.splitlines() if line.startswith("- *")]
    assert len(arguments) >= 8
    assert sum(TEXT_SAYS[language] in line for line in arguments) >= 7
    assert all("(" in line for line in arguments)  # every argument names where it was published


TIMELINE = {"kk": "Жобадан Құрылтай сайлауына", "ru": "От проекта до выборов", "en": "From the draft to the Kurultai"}
MILESTONES = {
    "kk": ["Қоғамдық талқылау", "2026 жылғы 15 наурыз — референдум", "2026 жылғы 1 шілде — күшіне енуі", "23 тамыз",
           "нақтылануда"],
    "ru": ["Общественное обсуждение", "15 марта 2026 года — референдум", "1 июля 2026 года — вступление в силу",
           "23 августа", "уточняется"],
    "en": ["Public discussion", "15 March 2026: the referendum", "1 July 2026: entry into force", "23 August",
           "to be confirmed"],
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_timeline_runs_from_the_draft_to_the_first_kurultai_election(essay, language):
    body = section(essay, language, TIMELINE[language])
    positions = [body.index(milestone) for milestone in MILESTONES[language]]
    assert positions == sorted(positions)


def test_the_results_chart_counts_everyone_entitled_to_vote(essay):
    results = essay["data_series"][0]
    values = {point["label"]["en"]: point["value"] for point in results["points"]}
    assert values["Did not vote"] == 12482613 - 9127192
    assert values["Spoilt ballots"] == 146558
    assert sum(values.values()) == 12482613
    assert "73.12%" in results["note"]["en"] and "73,12%" in results["note"]["ru"] and "73,12%" in results["note"]["kk"]


NON_VOTERS = {"kk": "Дауыс бермегендер", "ru": "Не голосовали", "en": "Did not vote"}
PRELIMINARY = {"kk": "алдын ала деректер", "ru": "предварительные данные", "en": "preliminary figures"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_non_voters_are_labelled_and_the_regional_turnout_is_marked_preliminary(essay, language):
    results, regions = essay["data_series"][0], essay["data_series"][1]
    assert NON_VOTERS[language] in [point["label"][language] for point in results["points"]]
    final = "73.12%" if language == "en" else "73,12%"
    assert PRELIMINARY[language] in regions["title"][language] and final in regions["title"][language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_takeaway_names_the_losses_as_well_as_the_gains(essay, language):
    takeaway = essay["key_takeaway"][language]
    for phrase in {
        "kk": ["ереуіл жасау құқығы", "Президент жалғыз", "референдумсыз"],
        "ru": ["право на забастовку", "Президент назначает единолично", "без референдума"],
        "en": ["right to strike", "appointed by the President alone", "without one"],
    }[language]:
        assert phrase in takeaway


def test_a_public_change_note_tells_readers_of_the_revision(essay):
    notes = {str(item["date"]): item["note"] for item in essay["changes"]}
    assert set(notes["2026-12-04"]) == {"kk", "ru", "en"}
    assert str(essay["revised_on"]) == "2026-12-04"


def test_the_kazakh_and_russian_texts_have_no_latin_look_alikes(essay):
    def strings(node, language):
        if isinstance(node, dict):
            for key, item in node.items():
                if key == language and isinstance(item, str):
                    yield item
                else:
                    yield from strings(item, language)
        elif isinstance(node, list):
            for item in node:
                yield from strings(item, language)

    for language in ("kk", "ru"):
        assert [w for text in strings(essay, language) for w in mixed_script_words(text)] == []


def test_the_section_iv_note_no_longer_says_the_chambers_powers_were_merged():
    explanations = read_yaml(BASE / "constitution" / "data" / "explanations-2026.yaml")
    changes = next(item for item in explanations["sections"] if item["number"] == "IV")["changes"]
    assert "объединены в полномочиях одного Курултая" not in changes["ru"]
    assert "combined in the powers of the one Kurultai" not in changes["en"]
    assert "бір Құрылтайдың өкілеттіктеріне біріктірілді" not in changes["kk"]
    for language, words in {
        "kk": ["Президентке өтті", "83-баптың 1-тармағы", "84-баптың 3-тармағы", "85-баптың 2-тармағы",
               "72-баптың 4-тармағы"],
        "ru": ["перешла к Президенту", "пункт 1 статьи 83", "пункт 3 статьи 84", "пункт 2 статьи 85",
               "пункт 4 статьи 72"],
        "en": ["went to the President", "Article 83, paragraph 1", "Article 84, paragraph 3", "Article 85, paragraph 2",
               "Article 72, paragraph 4"],
    }.items():  # fmt: skip
        for word in words:
            assert word in changes[language], (language, word)


@pytest.mark.parametrize(("language", "heading"), [("kk", "Теңгерім"), ("ru", "Баланс"), ("en", "Balance")])
def test_the_editors_guide_says_what_a_balanced_account_contains(language, heading):
    guide = (BASE / "editors" / "templates" / "editors" / f"guide_{language}.html").read_text(encoding="utf-8")
    assert f"<h2>{heading}</h2>" in guide
    balance = guide.split(f"<h2>{heading}</h2>")[1].split("<h2>")[0]
    assert balance.count("<li>") >= 6
