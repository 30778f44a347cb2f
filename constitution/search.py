"""What search indexes of the Constitution: every article, once per language (see search.index)."""

from django.utils import translation
from django.utils.translation import gettext

from constitution.models import Article, Constitution, Section
from portal.i18n import LANGUAGE_CODES, translated

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
