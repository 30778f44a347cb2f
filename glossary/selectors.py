"""Reads of the glossary: its terms in the alphabetical order of a language, grouped by first letter."""

from itertools import groupby

from glossary.models import Term

# The alphabets the glossary sorts by: Kazakh Cyrillic (its official order), Russian, Latin. A letter
# outside them sorts after them, by its code point.
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
OTHER_ALPHABETS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "abcdefghijklmnopqrstuvwxyz"


def sort_key(text, language):
    """The key that orders ``text`` alphabetically in ``language`` (Kazakh: а ә б … ғ … қ … ң … ө …)."""
    alphabet = ALPHABETS.get(language, "")
    order = alphabet + "".join(letter for letter in OTHER_ALPHABETS if letter not in alphabet)
    positions = {letter: number for number, letter in enumerate(order)}
    return tuple(positions.get(char, len(order) + ord(char)) for char in text.casefold() if char.isalnum())


def terms_by_letter(language):
    """``[(letter, [term, …])]`` of every term, by its name in ``language``; one query."""
    terms = Term.objects.select_related("related_guide", "related_article__constitution")
    listed = sorted(
        terms,
        key=lambda term: sort_key(
            term.spellings_in(language)[0] if term.spellings_in(language) else term.slug, language
        ),
    )
    return [(letter, list(group)) for letter, group in groupby(listed, key=lambda term: _first_letter(term, language))]


def _first_letter(term, language):
    name = term.spellings_in(language)
    return next((char.upper() for char in (name[0] if name else term.slug) if char.isalnum()), "#")


def page_exists(url_name, kwargs):
    return True  # the glossary has one page; an unknown term's anchor is simply not on it
