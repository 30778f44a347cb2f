"""The house glossary (editors' guide, «Редакция сөздігі») holds in the bundled Kazakh text: no banned word
in any Kazakh field of a guide or an explanation, and one rule for suffixes after abbreviations. Read from the
YAML itself, so the test needs no database."""

import re
from pathlib import Path

import pytest

from core.loading import read_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [*ROOT.glob("guides/data/guides/*.yaml"), *ROOT.glob("constitution/data/explanations-*.yaml")],
    key=lambda path: path.name,
)

# (pattern, what to write instead). Search keywords are exempt: they hold the words people type.
BANNED = [
    (r"ставка", "мөлшерлеме"),
    (r"Мемкорпорац", "Мемлекеттік корпорация"),
    (r"қызмет төлқұжат", "қызмет паспорты"),
    (r"пилот(?!тық)", "пилоттық жоба"),
    (r"самозанят", "өзін-өзі жұмыспен қамтыған адам"),
    (r"жаппай ауыстыру", "міндетті түрде ауыстыру (as the ru/en text: no compulsory replacement)"),
    (r"отставка", "орнынан түсу"),
    (r"қол сұғылмаушылыққа ие", "қол сұғылмау кепілдігі"),
    (r"Үкімет (бекіткен )?тізім", "тізбе (an official list)"),
    (r"қызмет түрлерінің тізім", "тізбе (an official list)"),
    (r"босатылатындардың тізім", "тізбе (an official list)"),
]

# The vowel of the last letter's name, as it is pronounced: back (ка, қа, ха, ша …) or front (бе, те, эм, эс …).
BACK_LETTERS = set("КҚХҺШЩҒАОҰЫУ")
FRONT_LETTERS = set("БВГДЖЗЙПТЦЧЛМНРСФЕЁӘӨҮІЭИЮЯ")
NAME_ENDS_IN_CONSONANT = set("ЛМНРСФ")  # эл, эм, эн, эр, эс, эф
BACK_VOWELS, FRONT_VOWELS = set("аоұыу"), set("әеөүіэи")
ABBREVIATION = re.compile(r"(?<![А-ЯӘҒҚҢӨҰҮІҺа-яәғқңөұүіһ])([А-ЯӘҒҚҢӨҰҮІҺ]{2,6})-([а-яәғқңөұүіһ]+)")


def kazakh_values(data, path=()):
    """Every Kazakh string of a bundled file, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "kk":
                texts = value if isinstance(value, list) else [value]
                yield from ((path, text) for text in texts if isinstance(text, str))
            else:
                yield from kazakh_values(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from kazakh_values(value, (*path, str(index)))


def suffix_problem(abbreviation, suffix):
    """Why a suffix does not fit the abbreviation's last syllable as pronounced, or None."""
    last = abbreviation[-1]
    if suffix.startswith(("мен", "бен", "пен")):  # the instrumental has front vowels only
        vowel_end = last not in NAME_ENDS_IN_CONSONANT
        return "ends in a vowel when pronounced: -мен" if vowel_end and suffix.startswith("пен") else None
    if suffix.endswith(("мен", "бен", "пен")):  # «ЭЦҚ-ңызбен»: the possessive harmonises, the instrumental does not
        suffix = suffix[:-3]
    vowels = {c for c in suffix if c in BACK_VOWELS | FRONT_VOWELS}
    if last in BACK_LETTERS and vowels & FRONT_VOWELS:
        return "takes back suffixes"
    if last in FRONT_LETTERS and vowels & BACK_VOWELS:
        return "takes front suffixes"
    if last not in NAME_ENDS_IN_CONSONANT and suffix[0] in "тқкп":
        return "ends in a vowel when pronounced: -ға/-ге, -да/-де, -дан/-ден, -мен"
    return None


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_banned_term_in_the_kazakh_text(path):
    found = []
    for where, text in kazakh_values(read_yaml(path)):
        if "keywords" in where:
            continue
        for pattern, instead in BANNED:
            for match in re.finditer(pattern, text, flags=re.IGNORECASE):
                found.append(f"{'/'.join(where)}: «{match.group(0)}» → {instead}")
    assert found == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_suffixes_after_abbreviations_follow_the_pronounced_last_syllable(path):
    found = []
    for where, text in kazakh_values(read_yaml(path)):
        for match in ABBREVIATION.finditer(text):
            if problem := suffix_problem(*match.groups()):
                found.append(f"{'/'.join(where)}: {match.group(0)} — {match.group(1)} {problem}")
    assert found == []


@pytest.mark.parametrize(
    ("word", "problem"),
    [
        ("ХҚКО-ға", None),
        ("ЖБТ-ге", None),
        ("ЭЦҚ-мен", None),
        ("ЖСН-ді", None),
        ("ІІМ-нің", None),
        ("ЖБТ-ға", "takes front suffixes"),
        ("ХҚКО-ге", "takes back suffixes"),
        ("АЕК-тен", "takes back suffixes"),
        ("МАБ-та", "takes front suffixes"),
        ("АЕК-қа", "ends in a vowel when pronounced: -ға/-ге, -да/-де, -дан/-ден, -мен"),
        ("АЕК-пен", "ends in a vowel when pronounced: -мен"),
    ],
)
def test_the_suffix_rule(word, problem):
    assert suffix_problem(*ABBREVIATION.match(word).groups()) == problem
