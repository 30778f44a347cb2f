"""What search indexes of the glossary: each term once per language, found by its name, its spellings
(«МРП», «АЕК») and its definition; its address is its anchor on the glossary page (see search.index)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES
from glossary.models import Term

KIND = "term"
LABEL = _("Glossary")
INDEXED = {Term: lambda term: [term]}


def identity(term):
    return "term", str(term.pk)


def indexable():
    return Term.objects.all()


def documents(term):
    term = Term.objects.filter(pk=term.pk).first()
    if term is None:
        return
    for language in LANGUAGE_CODES:
        spellings = term.spellings_in(language)
        if not spellings:
            continue
        with translation.override(language):
            url = term.get_absolute_url()
        yield {
            "language": language,
            "title": spellings[0],
            "keywords": ", ".join(spellings[1:]),
            "summary": getattr(term, f"definition_{language}") or "",
            "body": getattr(term, f"source_title_{language}") or "",
            "url": url,
        }
