"""A suffix-stripping stemmer for Kazakh, on folded text (see ``search.analysis.fold``).

Kazakh is agglutinative: one stem takes a chain of endings — plural, possessive, case; for verbs
voice, tense, person — so «жоғалт-қан», «жоғалт-ты-м», «жоғалт-са-ңыз» and «жоғалт-у» are one verb,
and «құқық», «құқығы», «құқықтары», «құқықтарын» one noun. Snowball has no Kazakh stemmer; this one
strips known endings from the end of a word, longest first, as long as a stem of at least
``MIN_STEM`` letters remains, and then undoes the stem-final consonant alternation (құқық → құқығы:
қ becomes ғ before a vowel; кітап → кітабы: п becomes б), so both forms meet in one stem.

It works on folded words (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, і→и, һ→х), the form in which people type
Kazakh on a Russian keyboard, so «жеке куалик» and «жеке куәлік» give the same stems. Documents and
queries go through the same function; the stems need not be words, only agree with each other.
"""

MIN_STEM = 3
ROUNDS = 3

# Endings in folded spelling, grouped for reading; they are tried longest first, and only where the
# sound before them allows that form of the ending (``_fits``).
_CASE = """
    нын нин дын дин тын тин
    га ге ка ке на не
    ны ни ды ди ты ти
    да де та те нда нде
    дан ден тан тен нан нен
    мен бен пен менен
    дагы деги тагы теги ндагы ндеги
"""
_PLURAL = "лар лер дар дер тар тер"
_POSSESSIVE = """
    ым им ын ин ыныз иниз ныз низ
    сы си ымыз имиз мыз миз
    ы и
"""
_VERB = """
    ган ген кан кен атын етин йтын йтин
    ады еди йды йди
    дым дим тым тим дык дик тык тик
    дыныз диниз тыныз тиниз
    са се сам сем сан сен сак сек саныз сениз
    мак мек
    ып ип
    мын мин сын син мыз миз сыз сиз
    у
"""

SUFFIXES = sorted(
    {s for group in (_CASE, _PLURAL, _POSSESSIVE, _VERB) for s in group.split()},
    key=lambda s: (-len(s), s),
)
_VOWELS = set("аеиоуыэюя")
_VOICELESS = set("кпстфхцчшщ")
_ALTERNATION = {"г": "к", "б": "п"}


_ANY_STEM = {"у", "са", "се", "сам", "сем", "сан", "сен", "сак", "сек", "саныз", "сениз"}  # verbal noun, conditional


def _fits(stem, suffix):
    """Whether ``suffix`` can follow ``stem`` (Kazakh endings change their first sound to match)."""
    before, first = stem[-1], suffix[0]
    if suffix in _ANY_STEM:
        return True
    if first in "тк":
        return before in _VOICELESS
    if first in "дгб":
        return before not in _VOICELESS
    if first == "н":
        return before in _VOWELS or before in "мн"
    if first == "л":
        return before in _VOWELS or before in "рйу"
    if first == "с":
        return before in _VOWELS
    if first == "м" and suffix.startswith(("мен", "мак", "мек")):
        return before in _VOWELS or before in "лрйузжмн"
    if first in _VOWELS:
        return before not in _VOWELS
    return True


def stem(word):
    """The stem of a folded Kazakh word (lower case, Kazakh letters folded)."""
    for _ in range(ROUNDS):
        for suffix in SUFFIXES:
            rest = word[: -len(suffix)]
            if word.endswith(suffix) and len(rest) >= MIN_STEM and _fits(rest, suffix):
                word = rest
                break
        else:
            break
    if word[-1:] in _ALTERNATION and len(word) > MIN_STEM:
        word = word[:-1] + _ALTERNATION[word[-1]]
    return word
