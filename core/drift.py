"""Translations that drift apart: a translated field whose figures differ between kk, ru and en.

A translation may phrase anything its own way, but the numbers, dates, amounts, percentages and
article references it carries are the same facts in every language. ``figures(text, language)``
reads them out of a text, written forms normalised, and ``disagreement(values)`` compares them as
sets across the languages of one field. The rules, kept small on purpose:

- Text that is an address, not prose, is skipped: URLs (``https://…``, ``www.…``), Markdown link
  targets ``](…)``, the numbers of ordered-list items (``1. ``) at the start of a line, and digits
  inside a name (``pass003_mvd``).
- A date is one figure, ``DD.MM.YYYY`` (or ``MM.YYYY`` / ``DD.MM`` when the year or the day is
  not written), whether it is written in digits (``15.03.2026``, ``2026-03-15``) or with a month's
  name in any of the three languages (``15 March 2026``, ``March 15, 2026``, ``15 марта 2026``,
  ``2026 жылғы 15 наурыздағы``); the month name counts only beside a day or a year. A day and month
  without the year (``from 1 January``) agree with the same date written with its year in another
  language, as long as only one year is written for it.
- Thousands may be grouped by a space, a no-break or a narrow no-break space (``4 325`` is
  ``4325``); in English by a comma too (``3,011.12``), while in Kazakh and Russian the comma is the
  decimal separator (``3 011,12``). Every number is compared as its value (``09`` is ``9``,
  ``1,50`` is ``1.5``).
- A number followed by a scale word is multiplied out (``250 мың`` = ``250 тысяч`` = ``250 000``;
  ``4,5 млн`` = ``4.5 million``).
- A percentage, an ordinal (``2nd``, ``2-й``, ``2-ші``), a decade (``1990s``), an article reference
  (``Article 33``, ``статья 33``, ``33-бап``) and a time (``9:00``) are compared by their digits;
  numbers written in words (``төрт мың``, ``second``) are not figures: write them the same way in
  every language (all in digits or all in words).

Empty translations are not compared (missing translations are reported elsewhere), nor are texts
reproduced from official publications in each language (``official_fields`` in ``core.registry``).
Which fields are translated comes from modeltranslation's registry, for the models of the content apps
(``core.registry.content_models``), so this module names no app.
"""

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.cache import cache

from core import registry
from core.content import last_updated, version_label

LANGUAGES = ("kk", "ru", "en")

# Month names by their stems: the stem and any ending (марта, марте; наурыздағы, наурызда).
MONTHS = {
    "en": {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "may": 5,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
    "ru": {
        "январ": 1,
        "феврал": 2,
        "март": 3,
        "апрел": 4,
        "июн": 6,
        "июл": 7,
        "август": 8,
        "сентябр": 9,
        "октябр": 10,
        "ноябр": 11,
        "декабр": 12,
    },
    "kk": {
        "қаңтар": 1,
        "ақпан": 2,
        "наурыз": 3,
        "сәуір": 4,
        "мамыр": 5,
        "маусым": 6,
        "шілде": 7,
        "тамыз": 8,
        "қыркүйек": 9,
        "қазан": 10,
        "қараша": 11,
        "желтоқсан": 12,
    },
}
ENGLISH_MONTHS = "January February March April May June July August September October November December".split()
KAZAKH_LETTERS = "[а-яёәғқңөұүһі]*"


def _month_word():
    """One alternation of plain words, each starting with a letter (both cases spelled out for Kazakh and
    Russian, English capitalised only: "may" is a verb), so the regular expression engine can skip ahead
    to the letters a month name may start with instead of trying every position."""
    words = [rf"{name}\b" for name in ENGLISH_MONTHS] + [rf"{name[:3]}\b\.?" for name in ENGLISH_MONTHS]
    words.append(r"Sept\b\.?")
    for stem in MONTHS["ru"]:
        words += [f"{stem}[а-яё]*", f"{stem.capitalize()}[а-яё]*"]
    words += [r"ма[йяе]\b", r"Ма[йяе]\b"]
    for stem in MONTHS["kk"]:
        words += [f"{stem}{KAZAKH_LETTERS}", f"{stem.capitalize()}{KAZAKH_LETTERS}"]
    return "(?:" + "|".join(words) + ")"


MONTH_WORD = _month_word()
SPACE = "[ \u00a0\u202f\u2009]"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
KK_YEAR = rf"{YEAR}{SPACE}?(?:жыл[а-яәғқңөұүһі]*|ж\.)"
DATES = [
    re.compile(pattern)
    for pattern in (
        # 2026 жылғы 15 наурыз(дағы), 2026 ж. 15 наурыз
        rf"\b{KK_YEAR}{SPACE}+{DAY}{SPACE}*(?:-|{SPACE})?(?P<month>{MONTH_WORD})",
        # 2026 жылғы наурыз(да)
        rf"\b{KK_YEAR}{SPACE}+(?P<month>{MONTH_WORD})",
        # 15 March 2026, 15 марта 2026 года, 15 наурыз 2026, 15 марта, 15-наурыз
        rf"\b{DAY}(?:{SPACE}+|-)(?P<month>{MONTH_WORD})(?:,?{SPACE}+{YEAR}(?!\d))?",
        # March 15, 2026; March 15
        rf"(?P<month>{MONTH_WORD}){SPACE}+{DAY}\b(?:,?{SPACE}+{YEAR}(?!\d))?",
        # March 2026, в марте 2026 года
        rf"(?P<month>{MONTH_WORD}),?{SPACE}+{YEAR}(?!\d)",
        # 15.03.2026, 15/03/2026
        rf"\b{DAY}[./](?P<mon>[01]?\d)[./]{YEAR}(?!\d)",
        # 2026-03-15
        rf"\b{YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b",
    )
]
SKIPPED = [
    re.compile(r"\]\([^)]*\)"),  # Markdown link targets
    re.compile(r"<?(?:https?://|www\.)[^\s<>)\]]+>?", re.IGNORECASE),  # bare URLs
    re.compile(r"^[ \t]*\d{1,2}[.)][ \t]", re.MULTILINE),  # ordered-list markers (not a year: "2026. …")
    re.compile(r"\[\^?\d+\]"),  # footnote markers [1], [^1]
]
DIGIT = re.compile(r"\d")
TIME = re.compile(r"\b(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)\b")
NUMBER = re.compile(
    r"(?<!\w)(?P<number>"
    rf"\d{{1,3}}(?:{SPACE}\d{{3}})+(?:[.,]\d+)?(?!\d)"  # 4 325, 3 011,12
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 3,011.12 (a thousands comma in English only)
    r"|\d+(?:[.,]\d+)?"
    r")(?:st|nd|rd|th|s)?(?![A-Za-z_\d])"  # 2nd is 2, the 1990s 1990; pass003_mvd and K950001000 are names, not figures
)
# Words that multiply the number before them: 250 мың, 4,5 млн, 2.4 thousand.
SCALE = re.compile(
    rf"{SPACE}*(?P<scale>мың|тыс\.|тысяч|thousand|млн|миллион|million|млрд|миллиард|billion|трлн|trillion)"
    r"(?![a-z])",
    re.IGNORECASE,
)
SCALES = {"мың": 3, "тыс": 3, "тысяч": 3, "thousand": 3, "млн": 6, "миллион": 6, "million": 6}
SCALES |= {"млрд": 9, "миллиард": 9, "billion": 9, "трлн": 12, "trillion": 12}


def _month(word):
    word = word.lower().rstrip(".")
    if word in ("май", "мая", "мае"):
        return 5
    for names in MONTHS.values():
        for stem, number in names.items():
            if word.startswith(stem):
                return number
    return None


def _date(match):
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _month(groups["month"])
    day, year = groups.get("day"), groups.get("year")
    if not month or month > 12 or (day and not 1 <= int(day) <= 31):
        return None
    parts = ([f"{int(day):02d}"] if day else []) + [f"{month:02d}"] + ([year] if year else [])
    return ".".join(parts)


def _number(text, language, scale=None):
    digits = re.sub(SPACE, "", text)
    if "," in digits and "." not in digits and not (language == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits)):
        digits = digits.replace(",", ".")  # a decimal comma: always in kk and ru, in en unless 3 digits follow
    digits = digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if scale:
        word = scale.lower().rstrip(".")
        value = value.scaleb(next(power for stem, power in SCALES.items() if word.startswith(stem)))
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def figures(text, language):
    """The set of figures in ``text`` written in ``language`` (``kk``, ``ru`` or ``en``), normalised."""
    text = str(text or "")
    if not DIGIT.search(text):
        return frozenset()
    for pattern in SKIPPED:
        text = pattern.sub(" ", text)
    found = set()

    def take(pattern, read):
        nonlocal text

        def replace(match):
            value = read(match)
            if value is None:
                return match.group(0)
            found.add(value)
            return " "

        text = pattern.sub(replace, text)

    for pattern in DATES:
        take(pattern, _date)
    take(TIME, lambda m: f"{int(m['hour'])}:{m['minute']}")
    for match in NUMBER.finditer(text):
        scale = SCALE.match(text, match.end())
        if (value := _number(match["number"], language, scale and scale["scale"])) is not None:
            found.add(value)
    return frozenset(found)


def disagreement(values):
    """For one field, ``{language: figures only some languages have}`` when the languages' figures differ,
    else ``{}``. ``values`` is ``{language: text}``; empty texts are left out of the comparison."""
    sets = _years_filled_in({code: figures(text, code) for code, text in values.items() if text and str(text).strip()})
    if len(sets) < 2 or len(set(sets.values())) == 1:
        return {}
    common = frozenset.intersection(*sets.values())
    return {code: sorted(found - common, key=_sort_key) for code, found in sets.items()}


def _years_filled_in(sets):
    """A day and month written without the year (``01.01``) agree with the same day and month written with
    it in another language (``01.01.2026``), when only one year is written for them: one language says
    "from 1 January" where the year is plain from the context, another spells it out."""
    years = {}
    for found in sets.values():
        for figure in found:
            if re.fullmatch(r"\d\d\.\d\d\.\d{4}", figure):
                years.setdefault(figure[:5], set()).add(figure)
    full = {short: dates.pop() for short, dates in years.items() if len(dates) == 1}
    return {code: frozenset(full.get(figure, figure) for figure in found) for code, found in sets.items()}


def _sort_key(figure):
    return (len(figure), figure)


# --- Over the content ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Drift:
    """One translated field of one object whose languages carry different figures."""

    obj: object
    field: str
    figures: dict  # {language: [figures the other languages do not all have]}

    @property
    def model(self):
        return type(self.obj)

    def summary(self):
        """``kk: 15.03.2026; ru: 2025; en: —``: what differs, per language."""
        return "; ".join(f"{code}: {', '.join(found) or '—'}" for code, found in self.figures.items())


def compared_fields(model):
    """The translated fields of ``model`` (modeltranslation's registry) whose figures are compared: all but
    those reproduced from official publications (``official_fields`` in ``core.registry``)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    official = registry.official_fields().get(model._meta.label_lower, set())
    return [name for name in fields if name not in official]


def drift_in(obj, fields=None):
    """``[Drift]`` for the translated fields of ``obj`` whose languages disagree."""
    found = []
    for field in fields if fields is not None else compared_fields(type(obj)):
        values = {code: getattr(obj, f"{field}_{code}", None) for code in LANGUAGES}
        if differing := disagreement(values):
            found.append(Drift(obj, field, differing))
    return found


# The rules' own version: a change of this module's code makes a new cache key (the cache outlives deploys).
RULES = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def _drifted(model, fields, version):
    """``{pk: [(field, figures)]}`` of ``model``: read from the whole table once per content version (about
    a second and a half for all the content), kept in the cache until content changes."""
    key = f"drift:{RULES}:{model._meta.label_lower}:{version}"
    if (drifted := cache.get(key)) is not None:
        return drifted
    columns = [f"{field}_{code}" for field in fields for code in LANGUAGES]
    drifted = {}
    for pk, *values in model._default_manager.order_by("pk").values_list("pk", *columns):
        row = dict(zip(columns, values, strict=True))
        for field in fields:
            if differing := disagreement({code: row[f"{field}_{code}"] for code in LANGUAGES}):
                drifted.setdefault(pk, []).append((field, differing))
    cache.set(key, drifted, 24 * 3600)
    return drifted


def drift_in_content(models=None):
    """Every disagreement in the content (of ``models``, by default every content model). Reads the translated
    columns alone, one query per model — once per content version, then from the cache — and the objects that
    disagree (to name them) in one more query for a model that has any."""
    found = []
    changed = last_updated()
    version = version_label(changed)
    for model in models if models is not None else registry.content_models():
        fields = compared_fields(model)
        if not fields:
            continue
        drifted = _drifted(model, fields, version)
        if drifted:
            # select_related(): the names shown beside a disagreement (an article's edition) need no query each
            objects = model._default_manager.select_related().in_bulk(list(drifted))
            found += [Drift(objects[pk], field, figures) for pk, items in drifted.items() for field, figures in items]
    return found
