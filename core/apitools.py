"""Pieces every API router shares: languages, translated fields, pagination and errors.

Translated fields come in one of two shapes:

- without ``?lang=``: an object with every language, ``{"kk": …, "ru": …, "en": …}`` ("" when missing);
- with ``?lang=xx``: a string in that language, falling back to Kazakh, then Russian, then English;
  each object then lists the fields it shows in another language in ``fallback``
  (``{"text": "ru"}``), so a client can mark them as untranslated.
"""

import math
from typing import Literal

from ninja import Schema
from pydantic import Field

from core.i18n import FALLBACK_ORDER, LANGUAGE_CODES, all_languages, translated
from core.text import text_lines

Language = Literal["kk", "ru", "en"]
API_FORMAT_VERSION = 1


class Translations(Schema):
    kk: str
    ru: str
    en: str


class TranslatedLists(Schema):
    kk: list[str]
    ru: list[str]
    en: list[str]


Translated = str | Translations


class ArticleRef(Schema):
    """An article of an edition of the Constitution."""

    edition: int
    number: str


LANG_HELP = "One language (kk, ru or en), falling back to another where a text is missing; without it, every language."
PAGE_HELP = "Page number, from 1."
PAGE_SIZE_HELP = "Items per page, at most 200."


class ChangeOut(Schema):
    """A public note on a change that matters to readers."""

    date: str = Field(description="YYYY-MM-DD.")
    note: Translated
    fallback: dict[str, str] | None


def changes_out(obj, fields):
    return [fields.obj(change, "note", date=change.date.isoformat()) for change in obj.changes.all()]


class ErrorOut(Schema):
    """Every error the API returns."""

    error: str = Field(description="A stable code: not_found, invalid_request, server_error.")
    message: str = Field(description="What went wrong, in English.")
    detail: list[dict] | None = Field(None, description="For invalid requests: each problem with its location.")


ERRORS = {404: ErrorOut, 422: ErrorOut}


class Fields:
    """Reads translated fields of objects in the requested language and notes fallbacks per object."""

    def __init__(self, lang=None):
        self.lang = lang

    def value(self, obj, field, fallback=None, text_order=None):
        if self.lang is None:
            return all_languages(obj, field)
        text = translated(obj, field, self.lang, text_order or FALLBACK_ORDER)
        if text.is_fallback and fallback is not None:
            fallback[field] = text.language
        return text.value

    def obj(self, obj, *fields, **extra):
        """A dict of ``fields`` of ``obj`` (translated), with ``fallback`` and ``extra`` keys."""
        fallback = {}
        data = {field: self.value(obj, field, fallback) for field in fields}
        data.update(extra)
        data["fallback"] = fallback if self.lang else None
        return data

    def lines(self, obj, field):
        """A translated text field split into its non-empty lines (table columns and cells)."""
        if self.lang is None:
            return {code: text_lines(value) for code, value in all_languages(obj, field).items()}
        return text_lines(translated(obj, field, self.lang).value)


def paths(view_path):
    """The HTML twin of an object in every language: ``{"kk": "/kk/…", …}``."""
    return {code: f"/{code}{view_path}" for code in LANGUAGE_CODES}


class Page(Schema):
    count: int = Field(description="How many items there are in all.")
    page: int
    page_size: int
    pages: int
    next: int | None = Field(description="The next page number, if any.")
    previous: int | None


def paginate(queryset, page, page_size):
    """One page of an ordered queryset (2 queries: the count and the page)."""
    count = queryset.count()
    pages = max(1, math.ceil(count / page_size))
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size]) if start < count else []
    return items, {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": page + 1 if page < pages else None,
        "previous": page - 1 if 1 < page <= pages else None,
    }
