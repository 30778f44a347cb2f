"""The small language of letter texts, and the grammar it needs to read as an official letter.

A letter's text holds placeholders:

- ``{name}`` — what the visitor typed in the field ``name`` (a date is written out in the letter's
  language: «1 ноября 2026 года», «2026 жылғы 1 қараша», "1 November 2026");
- ``{name@gen}``, ``{name@dat}`` — a Russian full name (surname, first name, patronymic) in the
  genitive or dative: «от Нурлановой Асемгуль Кайратовны»; ``{name@abl}`` — a Kazakh full name
  with the ablative ending on its last word only: «Нұрланова Әсемгүл Қайратқызынан»;
- ``{g:утерял|утеряла}`` — a word in the applicant's gender, from the IIN's seventh digit (or a
  field named ``gender``); both forms, «утерял(а)», when it is not known;
- ``{today}`` — the date of the letter.

The same rule checks a text against its fields in the admin and on import: every placeholder must
name a field of the letter (``unknown_placeholders``).
"""

import re

from django.utils import formats, translation

PLACEHOLDER = re.compile(r"\{(?:g:(?P<male>[^{}|]*)\|(?P<female>[^{}]*)|(?P<name>\w+)(?:@(?P<case>gen|dat|abl))?)\}")
AUTOMATIC = {"today"}  # placeholders filled without a field
MALE, FEMALE = "male", "female"


def names_used(text):
    """The field names a letter text refers to (``{name}``, ``{name@gen}``), without ``{today}``."""
    return {match.group("name") for match in PLACEHOLDER.finditer(text or "") if match.group("name")} - AUTOMATIC


def unknown_placeholders(bodies, names):
    """``{language: [names]}`` of placeholders in ``bodies`` (``{language: text}``) that are not in ``names``."""
    problems = {}
    for language, text in bodies.items():
        unknown = sorted(names_used(text) - set(names))
        if unknown:
            problems[language] = unknown
    return problems


def gender_from_iin(iin):
    """MALE or FEMALE from an IIN's seventh digit (odd: male, even: female), or None."""
    digits = re.sub(r"\D", "", iin or "")
    if len(digits) == 12 and digits[6] in "123456":
        return MALE if int(digits[6]) % 2 else FEMALE
    return None


def letter_date(value, language):
    """A date as official letters write it: «1 ноября 2026 года», «2026 жылғы 1 қараша», "1 November 2026"."""
    with translation.override(language):
        day_month = formats.date_format(value, "j E")
    if language == "ru":
        return f"{day_month} {value.year} года"
    if language == "kk":
        return f"{value.year} жылғы {day_month.lower()}"
    return f"{day_month} {value.year}"


# --- Russian names ------------------------------------------------------------------------------


def decline_russian_name(full_name, case, gender):
    """A Russian-style full name «Фамилия Имя Отчество» in the genitive or dative (pytrovich's rules).

    Kazakh names written in Russian decline by the same rules (Нурлановой, Асхата); a part the rules
    do not know (Кайрат улы) stays as it is. When the name cannot be read as surname, first name and
    an optional patronymic, or the gender is unknown, the name is given as typed, which still reads.
    """
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    parts = (full_name or "").split()
    if not 2 <= len(parts) <= 4 or gender not in (MALE, FEMALE):
        return full_name
    maker = PetrovichDeclinationMaker()
    target = {"gen": Case.GENITIVE, "dat": Case.DATIVE}[case]
    sex = Gender.MALE if gender == MALE else Gender.FEMALE
    roles = [NamePart.LASTNAME, NamePart.FIRSTNAME] + [NamePart.MIDDLENAME] * (len(parts) - 2)
    if len(parts) == 4 and parts[3].lower() in ("улы", "уулу", "кызы", "қызы", "ұлы"):
        roles = [NamePart.LASTNAME, NamePart.FIRSTNAME, None, None]  # «Кайрат улы» keeps its form
    declined = []
    for part, role in zip(parts, roles, strict=True):
        if role is None:
            declined.append(part)
            continue
        try:
            declined.append("-".join(maker.make(role, sex, target, piece) for piece in part.split("-")))
        except Exception:  # noqa: BLE001 - an unknown shape of name: keep the word as typed
            declined.append(part)
    return " ".join(declined)


# --- Kazakh names -------------------------------------------------------------------------------

_BACK_VOWELS = set("аоұыяё")
_FRONT_VOWELS = set("әеөүіэ")
_VOICELESS = set("кқпстфхцчшщбвгғд")  # after these the ending starts with т
_NASAL = set("мнң")  # after these it starts with н


def _is_front(word):
    for char in reversed(word.lower()):
        if char in _FRONT_VOWELS:
            return True
        if char in _BACK_VOWELS:
            return False
    return False


def kazakh_ablative(full_name):
    """The ablative (шығыс септік, «кімнен?») of a Kazakh full name: the ending goes on the last word only.

    «Нұрланова Әсемгүл Қайратқызы» → «Нұрланова Әсемгүл Қайратқызынан» (after the possessive -ұлы/-қызы
    the ending takes н), «Сәрсенов Ерлан» → «Сәрсенов Ерланнан», «Әлиева Дана Маратовна» → «…Маратовнадан».
    """
    words = (full_name or "").split()
    if not words:
        return full_name
    last = words[-1]
    lower = last.lower()
    front = _is_front(last)
    if lower.endswith(("ұлы", "улы", "қызы", "кызы")):
        ending = "нан"
    else:
        final = lower[-1]
        if final in _NASAL:
            ending = "нан"
        elif final in _VOICELESS:
            ending = "тан"
        else:  # vowels, л, р, й, у, з, ж
            ending = "дан"
    if front:
        ending = ending.replace("а", "е")
    words[-1] = last + ending
    return " ".join(words)


# --- Filling a text -----------------------------------------------------------------------------


def fill(text, values, language, gender=None):
    """``text`` with its placeholders replaced; lists (checklists) are joined with "; "."""

    def replace(match):
        if match.group("name") is None:
            male, female = match.group("male"), match.group("female")
            if gender == MALE:
                return male
            if gender == FEMALE:
                return female
            return both_genders(male, female)
        value = values.get(match.group("name"), "")
        if isinstance(value, list):
            value = "; ".join(value)
        elif hasattr(value, "isoformat"):
            value = letter_date(value, language)
        value = str(value)
        case = match.group("case")
        if case == "abl":
            return kazakh_ablative(value)
        if case:
            return decline_russian_name(value, case, gender)
        return value

    return PLACEHOLDER.sub(replace, text)


def both_genders(male, female):
    """«утерял(а)» from «утерял» and «утеряла»; «предупрежден/предупреждена» → «предупрежден(а)»."""
    if female.startswith(male):
        return f"{male}({female[len(male) :]})"
    return f"{male}/{female}"


def empty_names(text, values):
    """Names used in ``text`` whose value is empty."""
    return {name for name in names_used(text) if not values.get(name)}
