"""What search indexes of the Constitution: every article, once per language (see portal.search)."""

from django.utils import translation
from django.utils.translation import gettext

from constitution.models import Article, Constitution
from portal.i18n import LANGUAGE_CODES, translated

# A change to any of these models re-indexes these articles.
INDEXED = {
    Article: lambda article: [article],
    Constitution: lambda edition: list(edition.articles.select_related("constitution")),
}


def identity(article):
    return "article", f"{article.constitution.year}:{article.number}"


def indexable():
    return Article.objects.select_related("constitution").order_by("constitution__year", "sort_key")


def documents(article):
    """The article in each language: its summary and official text (fallback included).

    Articles of an edition no longer in force count half, so the text in force comes first.
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
        summary = translated(article, "summary", language).value
        text = translated(article, "text", language, order=("ru", "kk")).value
        yield {
            "language": language,
            "title": title,
            "text": f"{summary}\n{text}".strip(),
            "url": url,
            "boost": 1.0 if edition.is_in_force else 0.5,
        }
