"""What search indexes of the letters: each published letter, once per language (see search.index).

A letter is found by its title, keywords, introduction and the labels and hints of its fields, the
words people use for what it is for ("жалоба на бездействие госоргана"); never by anyone's answers,
which are not stored.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES, translated
from core.text import plain_text
from letters.models import LetterField, LetterTemplate

KIND = "letter"
LABEL = _("Application letters")


INDEXED = {
    LetterTemplate: lambda letter: [letter],
    LetterField: lambda field: list(LetterTemplate.objects.filter(pk=field.letter_id)),
}


def identity(letter):
    return "letter", str(letter.pk)


def indexable():
    return LetterTemplate.objects.published().prefetch_related("fields")


def documents(letter):
    """Title, keywords, the introduction as the summary, and the fields' labels and hints as the body."""
    letter = LetterTemplate.objects.published().prefetch_related("fields").filter(pk=letter.pk).first()
    if letter is None:
        return
    for language in LANGUAGE_CODES:

        def text(obj, field, language=language):
            return translated(obj, field, language).value

        parts = []
        for item in letter.fields.all():
            parts += [text(item, "label"), text(item, "help_text")]
        with translation.override(language):
            url = letter.get_absolute_url()
        yield {
            "language": language,
            "title": text(letter, "title"),
            "keywords": text(letter, "keywords"),
            "summary": plain_text(text(letter, "intro")),
            "body": "\n".join(part for part in parts if part),
            "url": url,
        }
