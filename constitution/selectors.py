"""Reads for the constitution pages; each does a fixed number of queries."""

import re

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from constitution.models import Article, ArticleChange, Constitution, Section, Topic
from core import registry
from core.i18n import LANGUAGE_CODES, translated


def edition_in_force():
    """The edition in force today, or None."""
    return Constitution.objects.in_force().order_by("-in_force_from").first()


def current_edition():
    """The edition in force today, else the newest one; 404 when there is none."""
    edition = edition_in_force() or Constitution.objects.order_by("-in_force_from").first()
    if edition is None:
        raise Http404("no edition of the Constitution is loaded")
    return edition


def edition_for_year(year):
    return get_object_or_404(Constitution, year=year)


def previous_edition(edition):
    """The edition that was in force before ``edition``; 404 when there is none."""
    previous = Constitution.objects.filter(in_force_from__lt=edition.in_force_from).order_by("-in_force_from").first()
    if previous is None:
        raise Http404("there is no earlier edition to compare with")
    return previous


def _listing_articles():
    """Articles for lists: without their (long) official texts."""
    heavy = [f"{name}_{code}" for name in ("text", "notes") for code in ("kk", "ru", "en")]
    return Article.objects.select_related("constitution").defer("text", "notes", *heavy).order_by("sort_key")


def sections_with_articles(edition):
    """Sections of an edition with their articles as ``article_list`` (2 queries)."""
    return list(
        Section.objects.filter(constitution=edition)
        .select_related("constitution")
        .order_by("order")
        .prefetch_related(Prefetch("articles", queryset=_listing_articles(), to_attr="article_list"))
    )


def section_detail(edition, number):
    return get_object_or_404(
        Section.objects.filter(constitution=edition)
        .select_related("constitution")
        .prefetch_related(Prefetch("articles", queryset=_listing_articles().prefetch_related("topics"))),
        number=number,
    )


def article_detail(edition, number):
    """The article with its section, topics and counterparts in other editions."""
    counterparts = Article.objects.select_related("constitution", "section__constitution").order_by("sort_key")
    return get_object_or_404(
        Article.objects.select_related("section__constitution", "constitution").prefetch_related(
            "topics",
            "changes",
            Prefetch("predecessors", queryset=counterparts),
            Prefetch("successors", queryset=counterparts),
        ),
        constitution=edition,
        number=number,
    )


def neighbours(article):
    """The previous and next articles of the same edition (2 queries)."""
    same = (
        Article.objects.filter(constitution_id=article.constitution_id)
        .select_related("constitution")
        .only("number", "sort_key", "constitution__year", "constitution__in_force_until")
    )
    previous = same.filter(sort_key__lt=article.sort_key).order_by("-sort_key").first()
    following = same.filter(sort_key__gt=article.sort_key).order_by("sort_key").first()
    return previous, following


def articles_on_topic(edition, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = _listing_articles().filter(constitution=edition, topics=topic).select_related("section")
    return topic, list(articles)


def topics_in_edition(edition):
    return list(Topic.objects.filter(articles__constitution=edition).distinct().order_by("order"))


def changes_overview(current, previous):
    """Sections of the current edition with their articles and the predecessors of each (3 queries),
    and the articles of the previous edition that no current article took over (1 query)."""
    counterparts = Article.objects.select_related("constitution").only(
        "number", "sort_key", "constitution__year", "constitution__in_force_until", "is_excluded"
    )
    sections = list(
        Section.objects.filter(constitution=current)
        .select_related("constitution")
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "articles",
                queryset=_listing_articles().prefetch_related(
                    Prefetch("predecessors", queryset=counterparts.order_by("sort_key"))
                ),
            )
        )
    )
    dropped = list(
        Article.objects.filter(constitution=previous, successors__isnull=True)
        .select_related("constitution")
        .order_by("sort_key")
    )
    return sections, dropped


def home_summary():
    """What the home page shows of the Constitution: the edition in force and its key articles."""
    edition = edition_in_force()
    if edition is None:
        return None
    key_articles = list(_listing_articles().filter(constitution=edition, is_key=True))
    for article in key_articles:
        article.subject = subject(translated(article, "summary").value)
    return {"edition": edition, "key_articles": key_articles}


def subject(summary, words=12):
    """What an article is about in a few words: the first sentence of its summary, cut at ``words`` words."""
    first = re.split(r"(?<=[.!?…])\s", summary.strip(), maxsplit=1)[0] if summary else ""
    cut = first.split()
    return first if len(cut) <= words else " ".join(cut[:words]).rstrip(",;:—–-") + "…"


def article_url_in_force(number):
    """The address of article ``number`` of the edition in force, or None when it has none."""
    edition = edition_in_force()
    article = Article.objects.filter(constitution=edition, number=number).select_related("constitution").first()
    return article.get_absolute_url() if article else None


def article_links():
    """Articles as other pages link to them (number, summary, edition), in edition and number order."""
    return (
        Article.objects.select_related("constitution")
        .only(
            "number",
            "sort_key",
            "summary_kk",
            "summary_ru",
            "summary_en",
            "constitution__year",
            "constitution__in_force_until",
        )
        .order_by("constitution__year", "sort_key")
    )


def public_changes(limit):
    """The newest change notes on the explanations of articles (for the feed of what changed)."""
    notes = ArticleChange.objects.select_related("article__constitution")
    return [(note, note.article) for note in notes.order_by("-date", "-id")[:limit]]


def _editions(kwargs):
    if "year" in kwargs:
        return Constitution.objects.filter(year=kwargs["year"])
    return Constitution.objects.filter(pk=getattr(edition_in_force(), "pk", None))


def page_object(url_name, kwargs):
    """The article or section a constitution page shows (of the edition in force unless it names a year),
    else None (the pages of a whole edition)."""
    for suffix, model in (("article", Article), ("section", Section)):
        if url_name.endswith(suffix):
            return model.objects.filter(constitution__in=_editions(kwargs), number=kwargs["number"]).first()
    return None


def page_exists(url_name, kwargs):
    """Whether the edition, section or article a link to a constitution page names exists."""
    if url_name.endswith(("article", "section")):
        return page_object(url_name, kwargs) is not None
    return "year" not in kwargs or _editions(kwargs).exists()


def home_context(request):
    """What the home page shows of the Constitution: the edition in force and its key articles."""
    return home_summary()


def full_text(edition):
    """Sections of an edition with every article and its official texts as ``article_list`` (2 queries):
    the whole text on one page, the booklets and the Akoma Ntoso document read it."""
    articles = Article.objects.select_related("constitution").order_by("sort_key")
    return list(
        Section.objects.filter(constitution=edition)
        .select_related("constitution")
        .order_by("order")
        .prefetch_related(Prefetch("articles", queryset=articles, to_attr="article_list"))
    )


def official_languages(edition, sections):
    """The languages in which the edition's official text exists (some article has a text in it)."""
    articles = [article for section in sections for article in section.article_list]
    return [code for code in LANGUAGE_CODES if any(getattr(a, f"text_{code}", "") for a in articles)]


def in_practice(article):
    """``[(app config, items)]``: the guides, essays, letters … that cite ``article``, found through each app's
    ``citations`` contribution (core.registry), so the Constitution names none of them (one query per app)."""
    found = [(config, citing(article)) for config, citing in registry.citations()]
    return [(config, items) for config, items in found if items]
