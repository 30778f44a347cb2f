"""Reading translated fields with a visible trace of fallback."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
FALLBACK_ORDER = tuple(settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"])
# Open Graph locales of the languages.
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}


@dataclass(frozen=True)
class Text:
    """A translated value and the language it is really in."""

    value: str
    language: str
    requested: str

    @property
    def is_fallback(self):
        return bool(self.value) and self.language != self.requested

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


def translated(obj, field, language=None, order=None):
    """The value of ``field`` in ``language``, else in the first language of ``order`` that has one."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for code in (language, *(order or FALLBACK_ORDER)):
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return Text(value, code, language)
    return Text("", language, language)


def all_languages(obj, field):
    """``{"kk": …, "ru": …, "en": …}`` of a translated field, without fallback."""
    return {code: getattr(obj, f"{field}_{code}", "") or "" for code in LANGUAGE_CODES}
