"""What search indexes of the essays: each published essay, once per language (see portal.search)."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation

from essays.models import Essay, EssaySection
from portal.i18n import LANGUAGE_CODES, translated
from portal.search import plain_text


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
    """Title, lead, sections and the key takeaway."""
    essay = Essay.objects.published().prefetch_related("sections").filter(pk=essay.pk).first()
    if essay is None:
        return
    for language in LANGUAGE_CODES:
        parts = [translated(essay, "lead", language).value]
        for section in essay.sections.all():
            parts += [
                translated(section, "heading", language).value,
                plain_text(translated(section, "body", language).value),
            ]
        parts.append(plain_text(translated(essay, "key_takeaway", language).value))
        with translation.override(language):
            url = essay.get_absolute_url()
        title = translated(essay, "title", language).value
        yield {"language": language, "title": title, "text": "\n".join(p for p in parts if p), "url": url}
