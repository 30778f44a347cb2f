"""Numbers in explanations must be numbers of the official text they explain.

A summary that says "145 deputies", «жеті жыл» or "two thirds" is only right if the article's own
text has that number, written as digits or as words in any grammatical form («ста сорока пяти»,
«жетіден», "two-thirds"). ``numbers(text, language)`` reads the numbers a text contains as values
(integers, and fractions like ``2/3``); ``unsupported(summary, text, language)`` lists the numbers of
a summary that the text lacks. The admin refuses such a summary on save, and a test runs the check
over every bundled summary of both editions.

"One" is left out when written as a word (бір, один, одна, "one"): the word is as often an article or
pronoun («бір адам», "no one") as a number.
"""

import re
from fractions import Fraction

from core.text import normalise_cyrillic

_RU_UNITS = {
    "ноль": 0, "нол": 0, "один": 1, "одн": 1, "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
    "три": 3, "трех": 3, "трём": 3, "трем": 3, "тремя": 3, "четыре": 4, "четырех": 4, "четырем": 4,
    "четырьмя": 4, "пять": 5, "пяти": 5, "пятью": 5, "шесть": 6, "шести": 6, "шестью": 6, "семь": 7,
    "семи": 7, "восемь": 8, "восьми": 8, "восемью": 8, "девять": 9, "девяти": 9, "девятью": 9,
    "десять": 10, "десяти": 10, "десятью": 10, "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12,
    "двенадцати": 12, "тринадцать": 13, "тринадцати": 13, "четырнадцать": 14, "четырнадцати": 14,
    "пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16, "шестнадцати": 16, "семнадцать": 17,
    "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18, "девятнадцать": 19, "девятнадцати": 19,
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60, "семьдесят": 70,
    "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80, "девяносто": 90, "девяноста": 90,
    "сто": 100, "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300,
    "четыреста": 400, "четырехсот": 400, "пятьсот": 500, "пятисот": 500,
    "тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тысячу": 1000,
}  # fmt: skip
_RU_ONE = re.compile(r"^(один|одн(ого|ому|им|ом|а|у|ой|о|и|их|ими)?)$")
_RU_DENOMINATORS = {"трет": 3, "четверт": 4, "половин": 2, "пятых": 5}

_KK_UNITS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
    "тоқсан": 90, "жүз": 100, "мың": 1000,
}  # fmt: skip
# Endings a Kazakh numeral takes (case, possessive, collective «екеу»); ordinals («жетінші») are not counts.
_KK_ENDINGS = (
    "", "ы", "і", "сы", "сі", "еу", "ау", "деу", "теу",
    "ден", "дан", "тен", "тан", "нен", "нан", "ге", "ға", "ке", "қа", "не", "на", "де", "да", "те", "та",
    "дің", "дың", "тің", "тың", "нің", "ның", "ді", "ды", "ті", "ты", "ні", "ны", "н",
    "сыз", "сіз", "ыншы", "інші", "нші",
)  # fmt: skip
_KK_ORDINAL = ("ыншы", "інші", "нші")

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "once": 1, "twice": 2,
}  # fmt: skip
_EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}

_DIGITS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _kk_value(word):
    if word.startswith("он") and word != "он":  # «оны», «онда», «оның» are the pronoun «ол»
        return None
    for stem, value in sorted(_KK_UNITS.items(), key=lambda item: -len(item[0])):
        if word.startswith(stem) and word[len(stem) :] in _KK_ENDINGS:
            if word[len(stem) :] in _KK_ORDINAL:
                return None
            return value
    return None


# «десятидневный», «семилетний», «двухпалатный»: a numeral joined to a word of time or measure.
_RU_COMPOUND = re.compile(r"^(\w+?)(дневн|летн|месячн|недельн|часов|кратн|палатн)\w*$")


def _word_value(word, language):
    if language == "ru":
        word = word.replace("ё", "е")
        if _RU_ONE.match(word):
            return 1
        if (compound := _RU_COMPOUND.match(word)) and compound.group(1) in _RU_UNITS:
            return _RU_UNITS[compound.group(1)]
        return _RU_UNITS.get(word)
    if language == "kk":
        return _kk_value(word)
    return _EN_UNITS.get(word)


def _denominator(word, language):
    if language == "ru":
        return next((value for stem, value in _RU_DENOMINATORS.items() if word.startswith(stem)), None)
    if language == "kk":
        return None
    return _EN_DENOMINATORS.get(word)


_TOKEN = re.compile(r"[^\W\d_]+|[^\w\s-]", re.UNICODE)  # words, and punctuation that ends a number


def numbers(text, language):
    """The numbers in ``text``: ints for digits and number words («сто сорок пять» is 145),
    Fractions for "two thirds" / «двух третей» / «үштен екісі»; the word for one is skipped."""
    text = normalise_cyrillic(text or "").lower()
    found = {int(re.sub(r"\D", "", match.group(0))) for match in _DIGITS.finditer(text)}
    tokens = _TOKEN.findall(text)
    value = [_word_value(token, language) for token in tokens]
    worded, index = set(), 0
    while index < len(tokens):
        if value[index] is None:
            if _denominator(tokens[index], language) == 2 and tokens[index].startswith(("half", "половин")):
                found.add(Fraction(1, 2))
            index += 1
            continue
        total, following = value[index], index + 1
        if language == "kk" and tokens[index].endswith(("ден", "дан", "тен", "тан", "нен", "нан")):
            if following < len(tokens) and value[following] is not None and value[following] < total:
                found.add(Fraction(value[following], total))  # «үштен екісі»: two of three
                index = following + 1
                continue
        last = total  # numerals add up only from larger to smaller: «жүз қырық бес», not «бір бірден үш»
        while following < len(tokens):
            if tokens[following] == "and" and following + 1 < len(tokens) and value[following + 1] is not None:
                following += 1
                continue
            current = value[following]
            if current is None:
                break
            if current in (100, 1000) and total < current:
                total *= current
            elif last >= 10 and current < last:
                total += current
            else:
                break
            last = current
            following += 1
        denominator = _denominator(tokens[following], language) if following < len(tokens) else None
        if denominator:
            found.add(Fraction(total, denominator))
            index = following + 1
            continue
        worded.add(total)
        index = following
    worded.discard(1)
    return found | worded


def unsupported(summary, text, language):
    """The numbers of ``summary`` that ``text`` (the official text it explains) does not contain."""
    said = numbers(summary, language)
    return sorted((n for n in said if n not in numbers(text, language)), key=float)


def summary_problems(values):
    """``{field: [numbers]}`` for the summaries in ``values`` (``summary_kk`` … and ``text_kk`` …)
    whose numbers the official text of the same language lacks. The English summary of an edition
    without an English text is checked against the Russian one, as it was written from it."""
    problems = {}
    for language in ("kk", "ru", "en"):
        summary = values.get(f"summary_{language}") or ""
        text, read_as = values.get(f"text_{language}") or "", language
        if not text and language == "en":
            text, read_as = values.get("text_ru") or "", "ru"
        text = f"{text}\n{values.get(f'notes_{language}') or ''}"  # an excluded article's law is in its note
        if not summary:
            continue
        missing = unsupported(summary, text, language) if read_as == language else _across(summary, text)
        if missing:
            problems[f"summary_{language}"] = missing
    return problems


def _across(summary, russian_text):
    """English numbers against a Russian text: values compared, as both are read as numbers."""
    said = numbers(summary, "en")
    return sorted((n for n in said if n not in numbers(russian_text, "ru")), key=float)
