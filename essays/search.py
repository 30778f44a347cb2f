"""What search indexes of the essays: each published essay, once per language (see search.index)."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES, translated
from core.text import plain_text
from essays.models import Essay, EssaySection

KIND = "essay"
LABEL = _("Essays")


def _essay_of(section):
    try:
        return [section.essay]
    except ObjectDoesNotExist:
        return []


INDEXED = {Essay: lambda essay: [essay], EssaySection: _essay_of}


def identity(essay):
    return "essay", str(essay.pk)


def indexable():
    return Essay.objects.published().prefetch_related("sections")


def documents(essay):
    """Title, lead, sections and the key takeaway, of an essay from ``indexable()``."""
    for language in LANGUAGE_CODES:
        parts = []
        for section in essay.sections.all():
            parts += [
                translated(section, "heading", language).value,
                plain_text(translated(section, "body", language).value),
            ]
        parts.append(plain_text(translated(essay, "key_takeaway", language).value))
        with translation.override(language):
            url = essay.get_absolute_url()
        yield {
            "language": language,
            "title": translated(essay, "title", language).value,
            "keywords": translated(essay, "keywords", language).value,
            "summary": translated(essay, "lead", language).value,
            "body": "\n".join(p for p in parts if p),
            "url": url,
        }
