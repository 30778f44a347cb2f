"""Text analysis per language: the same steps for the documents and for the queries.

1. Fold: lower case, ё→е, Kazakh letters as the Russian letters people type without a Kazakh
   keyboard (қ→к, ә→а, і→и …), accents removed. Folding keeps the length of the text, so a word
   found in the folded text is at the same place in the original (the snippet needs that).
2. Split into words (letters and digits).
3. Drop stop words: the language's function words and the question words people put in front of
   what they ask («как», «қалай», «ма», "how", "my") — data in ``search/data/stopwords.yaml``.
4. Stem: Snowball (PyStemmer) for Russian and English; ``search.kazakh`` for Kazakh.

``terms(text, language)`` gives the stems of a text; ``tokens`` the same with each word's place.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import Stemmer
import yaml

from search import kazakh

_FOLD = {"ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
_WORD = re.compile(r"\w+", re.UNICODE)
LANGUAGES = ("kk", "ru", "en")


def _fold_char(char):
    lower = char.lower()[:1] or char
    lower = _FOLD.get(lower, lower)
    if lower.isascii() or "\u0400" <= lower <= "\u04ff":  # й stays й; Cyrillic has no accents to drop
        return lower
    base = unicodedata.normalize("NFD", lower)[:1]
    return base or lower


# Every character below U+3000 that folding changes, as a table for str.translate (fast, in C).
_TABLE = {code: folded for code in range(0x3000) if (folded := _fold_char(chr(code))) != chr(code)}
# Latin letters that official Kazakh texts and hurried typists put inside Cyrillic words.
_LOOKALIKE = str.maketrans(
    {
        "i": "и",
        "a": "а",
        "e": "е",
        "o": "о",
        "c": "с",
        "p": "р",
        "x": "х",
        "y": "у",
        "k": "к",
        "m": "м",
        "h": "х",
        "t": "т",
    }
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def fold(text):
    """Lower case, ё→е, Kazakh letters as their Russian look-alikes, no accents; same length."""
    return (text or "").translate(_TABLE)


# Each folded letter's spellings in unfolded text: every character that folds to it.
_UNFOLDED = {}
for _code in range(0x3000):
    _UNFOLDED.setdefault(_TABLE.get(_code, chr(_code)), []).append(chr(_code))


def unfolded_pattern(folded):
    """A regular expression that matches, in a text as written, what ``folded`` matches in the folded
    text (``fold`` maps one character to one, so each letter becomes the class of those that fold to it):
    a long text is then searched as it is, in C, without folding it first."""
    pattern = []
    for char in folded:
        spellings = _UNFOLDED.get(char, [char] if ord(char) >= 0x3000 else [])
        if spellings == [char]:
            pattern.append(re.escape(char))
        elif spellings:
            pattern.append("[" + "".join(re.escape(spelling) for spelling in spellings) + "]")
        else:
            pattern.append("(?!)")  # a letter folding never gives (not folded text): it matches nothing there
    return "".join(pattern)


@cache
def stop_words(language):
    path = Path(__file__).resolve().parent / "data" / "stopwords.yaml"
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return frozenset(fold(word) for word in data[language].split())


@cache
def _snowball(language):
    return Stemmer.Stemmer({"ru": "russian", "en": "english"}[language])


@lru_cache(maxsize=200_000)
def stem(word, language):
    """The stem of one folded word. Words with Cyrillic letters on an English page (a Russian
    keyword, «ЭЦП») are stemmed as Russian; Latin words on a Kazakh or Russian page as English."""
    if word.isdigit():
        return word
    cyrillic = bool(_CYRILLIC.search(word))
    if cyrillic and not word.isascii() and any(ch.isascii() and ch.isalpha() for ch in word):
        word = word.translate(_LOOKALIKE)  # «жеке куaлiк» typed with Latin look-alikes
    if not cyrillic:
        return _snowball("en").stemWord(word)
    if language == "kk":
        return kazakh.stem(word)
    return _snowball("ru").stemWord(word)


def tokens(text, language):
    """``(stem, start, end)`` for every word of ``text`` that is not a stop word."""
    folded = fold(text)
    stops = stop_words(language)
    found = []
    for match in _WORD.finditer(folded):
        word = match.group(0)
        if word in stops or (len(word) == 1 and not word.isdigit()):
            continue
        found.append((stem(word, language), match.start(), match.end()))
    return found


def terms(text, language):
    """The stems of the words of ``text`` that are not stop words, in order (repeats kept)."""
    return [term for term, _start, _end in tokens(text, language)]


def query_words(query, language):
    """``(surface, stem)`` for each searchable word of a query, without repeats, in order."""
    seen, words = set(), []
    for term, start, end in tokens(query, language):
        if term not in seen:
            seen.add(term)
            words.append((fold(query[start:end]), term))
    return words


def normalised(query):
    """A query as it is counted (``search.signals``): lower case, words only (punctuation dropped),
    one space between them. Kazakh letters stay as typed, so editors read the query as people wrote it."""
    return " ".join(_WORD.findall((query or "").lower()))
