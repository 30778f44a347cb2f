"""What search indexes of the Constitution: every article, once per language (see search.index).

Articles of an edition no longer in force count less, unless the query asks for that edition; a query
such as "5-бап" or "article 5" opens the article of the edition in force.
"""

import re

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from constitution.models import Article, Constitution, Section
from constitution.selectors import article_url_in_force
from core.i18n import LANGUAGE_CODES, translated
from search.analysis import fold

KIND = "article"
LABEL = _("Constitution")
EARLIER_EDITION = 0.6  # what an article of the other edition counts when a query asks for the earlier one

# A change to any of these models re-indexes these articles.
INDEXED = {
    Article: lambda article: [article],
    Constitution: lambda edition: list(edition.articles.select_related("constitution", "section")),
    Section: lambda section: list(section.articles.select_related("constitution", "section")),
}


def identity(article):
    return "article", f"{article.constitution.year}:{article.number}"


def indexable():
    return Article.objects.select_related("constitution", "section").order_by("constitution__year", "sort_key")


def documents(article):
    """The article in each language: its number and section as the title, our summary and
    keywords, the official text (the Russian or Kazakh one where the language has none).

    Articles of an edition no longer in force count less, so the text in force comes first.
    """
    if article.is_excluded and not (article.text_kk or article.text_ru):
        return
    edition = article.constitution
    for language in LANGUAGE_CODES:
        with translation.override(language):
            title = gettext("Article %(number)s") % {"number": article.number}
            if not edition.is_in_force:
                title += f" ({edition.year})"
            url = article.get_absolute_url()
        section = translated(article.section, "title", language).value
        yield {
            "language": language,
            "title": title,
            "keywords": " ".join(filter(None, [section, translated(article, "keywords", language).value])),
            "summary": translated(article, "summary", language).value,
            "body": translated(article, "text", language, order=("ru", "kk")).value,
            "url": url,
            "boost": 1.0 if edition.is_in_force else 0.6,
        }


# Words that ask for the Constitution no longer in force («по старой конституции», "1995"), unless the
# query also asks about the new one (then it compares the two, which the texts in force answer).
_EARLIER = {"1995", "стар", "старая", "старой", "прежн", "прежней", "ески", "old", "former", "previous"}
_LATER = {"нов", "новая", "новой", "жана", "new", "2026"}


def asks_for_earlier_edition(query):
    words = set(fold(query).split())
    stems = {word[:4] for word in words}
    return bool(words & _EARLIER or stems & {"стар", "прежн", "ески"}) and not (
        words & _LATER or stems & {"нова", "ново"}
    )


def boost_rule(query):
    """For a query that asks for the earlier edition, its articles count fully and those in force less."""
    if asks_for_earlier_edition(query):
        return lambda boost: 1.0 if boost < 1 else EARLIER_EDITION
    return None


# "5-бап", "5 бап", "ст. 5", "статья 5", "article 5", "art. 5", "бап 5", "№5"
_SHORTCUTS = (
    re.compile(r"^\s*(?P<number>\d{1,3}(?:-\d{1,2})?)\s*-?\s*(?:бап|бабы|статья|ст\.?)\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*(?:бап|ст\.?|статья|статьи|art\.?|article|№)\s*(?P<number>\d{1,3}(?:-\d{1,2})?)\s*$", re.IGNORECASE
    ),
)


def article_shortcut(query):
    """The article number a query asks for directly ("5-бап", "ст. 5", "article 5" …), or None."""
    for pattern in _SHORTCUTS:
        match = pattern.match((query or "")[:200])
        if match:
            return match.group("number")
    return None


def shortcut(query):
    """``(address, notice)`` when the query names an article: its page in the edition in force, or a
    notice that the edition has no such article; None for any other query."""
    number = article_shortcut(query)
    if number is None:
        return None
    if url := article_url_in_force(number):
        return url, None
    notice = gettext("The Constitution in force has no article %(number)s; showing search results instead.")
    return None, notice % {"number": number}
