"""Pages of the Constitution: the edition in force at /constitution/, earlier ones under /constitution/<year>/."""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from constitution import booklet as booklets
from constitution import selectors, structured
from constitution.fulltext import whole_text
from constitution.text import paragraphs
from core.documents import download
from core.i18n import translated
from core.text import similarity, word_diff


def edition_view(canonical):
    """Resolve the edition of a URL: none means the one in force; its own year redirects to ``canonical``."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, year=None, **kwargs):
            current = selectors.current_edition()
            if year == current.year:
                return redirect(canonical, permanent=True, **kwargs)
            edition = current if year is None else selectors.edition_for_year(year)
            return view(request, edition, current, **kwargs)

        return wrapper

    return decorate


def _crumbs(edition, current, *extra):
    crumbs = [{"title": _("Constitution"), "url": current.get_absolute_url()}]
    if edition != current:
        crumbs.append(
            {"title": _("Constitution of %(year)s") % {"year": edition.year}, "url": edition.get_absolute_url()}
        )
    return crumbs + list(extra)


@edition_view("constitution:index")
def index(request, edition, current):
    """An edition: its sections with article ranges, key articles, and the topic filter."""
    sections = selectors.sections_with_articles(edition)
    topic, topic_articles = None, None
    if slug := request.GET.get("topic"):
        topic, topic_articles = selectors.articles_on_topic(edition, slug)
    key_articles = [a for s in sections for a in s.article_list if a.is_key]
    context = {
        "edition": edition,
        "current": current,
        "sections": sections,
        "article_count": sum(len(s.article_list) for s in sections),
        "key_articles": key_articles,
        "topics": selectors.topics_in_edition(edition),
        "topic": topic,
        "topic_articles": topic_articles,
        "structured_data": [structured.edition_data(request, edition)],
        "breadcrumbs": _crumbs(edition, current),
    }
    return render(request, "constitution/index.html", context)


@edition_view("constitution:section")
def section(request, edition, current, number):
    """A section: our explanation of it and its articles."""
    section = selectors.section_detail(edition, number)
    crumb = {"title": _("Section %(number)s") % {"number": section.number}, "url": ""}
    context = {
        "edition": edition,
        "current": current,
        "section": section,
        "structured_data": [structured.section_data(request, section)],
        "breadcrumbs": _crumbs(edition, current, crumb),
    }
    return render(request, "constitution/section.html", context)


@edition_view("constitution:article")
def article(request, edition, current, number):
    """An article: summary, official text by paragraph, neighbours and counterparts in the other edition."""
    article = selectors.article_detail(edition, number)
    previous, following = selectors.neighbours(article)
    official = translated(article, "text", order=("ru", "kk"))
    comparisons = [_comparison(old, article) for old in article.predecessors.all()]
    context = {
        "edition": edition,
        "current": current,
        "article": article,
        "official": official,
        "paragraphs": paragraphs(official.value),
        "previous": previous,
        "following": following,
        "comparisons": comparisons,
        "successors": list(article.successors.all()),
        "in_practice": selectors.in_practice(article),
        "structured_data": [structured.article_data(request, article, official)],
        "edition_index_url": edition.get_absolute_url(),
        "breadcrumbs": _crumbs(
            edition,
            current,
            {
                "title": _("Section %(number)s") % {"number": article.section.number},
                "url": article.section.get_absolute_url(),
            },
            {"title": _("Article %(number)s") % {"number": article.number}, "url": ""},
        ),
    }
    return render(request, "constitution/article.html", context)


def _comparison(old, new):
    """Side by side in one language: the page's when the new text has it, else Russian.

    Both texts must be there in that same language; otherwise there is nothing honest to measure,
    and the comparison says which text is missing instead of a percentage.
    """
    new_text = translated(new, "text", order=("ru", "kk"))
    language = new_text.language
    old_value = getattr(old, f"text_{language}", "") or ""
    missing = [article for article, value in ((old, old_value), (new, new_text.value)) if not value]
    comparison = {
        "old": old,
        "language": language,
        "is_fallback": new_text.is_fallback,
        "missing": missing,
        "similarity": None,
    }
    if not missing:
        comparison["old_html"], comparison["new_html"] = word_diff(old_value, new_text.value)
        comparison["similarity"] = round(similarity(old_value, new_text.value) * 100)
    return comparison


def changes(request):
    """What changed from the previous edition to the one in force, section by section."""
    current = selectors.current_edition()
    previous = selectors.previous_edition(current)
    sections, dropped = selectors.changes_overview(current, previous)
    context = {
        "edition": current,
        "current": current,
        "previous": previous,
        "sections": sections,
        "dropped": dropped,
        "breadcrumbs": _crumbs(current, current, {"title": _("What changed"), "url": ""}),
    }
    return render(request, "constitution/changes.html", context)


def full_url(edition, kind="full"):
    """The address of the edition's whole text (``kind`` "full") or a booklet of it ("full-pdf" …)."""
    if edition.in_force_until is None:
        return reverse(f"constitution:{kind}")
    return reverse(f"constitution:edition-{kind}", kwargs={"year": edition.year})


def _in_languages(edition, languages, kind="full"):
    """``[(code, address)]`` of the whole text in each of ``languages``."""
    found = []
    for code in languages:
        with translation.override(code):
            found.append((code, full_url(edition, kind)))
    return found


@edition_view("constitution:full")
def full(request, edition, current):
    """The whole official text on one page, with our summaries unless the reader hides them
    (``?summaries=off``: a link, so it works without JavaScript and each variant is one cached page)."""
    whole = whole_text(edition, translation.get_language())
    crumb = {"title": _("Full text"), "url": ""}
    context = {
        "edition": edition,
        "current": current,
        "whole": whole,
        "in_languages": _in_languages(edition, whole.languages),
        "breadcrumbs": _crumbs(edition, current, crumb),
    }
    if not whole.available:
        return render(request, "constitution/full_unavailable.html", context)
    show_summaries = request.GET.get("summaries") != "off"
    context.update(
        {
            "show_summaries": show_summaries,
            "summaries_url": request.path if not show_summaries else f"{request.path}?summaries=off",
            "downloads": [(fmt, full_url(edition, f"full-{fmt}")) for fmt in ("pdf", "docx", "epub")],
            "structured_data": [structured.edition_data(request, edition)],
        }
    )
    return render(request, "constitution/full.html", context)


def booklet(fmt):
    """The download view of the whole text as ``fmt`` (pdf, docx, epub); 404 in a language the edition lacks."""

    @edition_view(f"constitution:full-{fmt}")
    def view(request, edition, current):
        built = booklets.booklet(edition, translation.get_language(), fmt)
        if built is None:
            raise Http404("the edition has no official text in this language")
        content, filename = built
        return download(content, filename, booklets.CONTENT_TYPES[fmt])

    view.__name__ = f"full_{fmt}"
    return view
