"""JSON API of the Constitution: editions, sections, articles and topics."""

from datetime import date

from django.db.models import Count, Max, Min, Prefetch
from django.http import Http404, HttpResponse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from constitution import akn, selectors
from constitution.models import Article, Constitution, Section, Topic
from core.apitools import (
    ERRORS,
    LANG_HELP,
    PAGE_HELP,
    PAGE_SIZE_HELP,
    ArticleRef,
    Fields,
    Language,
    Page,
    Translated,
    paginate,
    paths,
)

router = Router(tags=["Constitution"])

EDITION_HELP = "The year of an edition (2026 or 1995); without it, the edition in force."
ROMAN = r"^[IVX]{1,5}$"
ARTICLE = r"^[0-9]{1,3}(-[0-9]{1,2})?$"


class EditionOut(Schema):
    year: int
    title: Translated
    adopted_on: date
    adoption: Translated
    in_force_from: date
    in_force_until: date | None
    is_in_force: bool
    source: Translated
    source_url: str
    sections: int
    articles: int
    paths: dict[str, str]
    fallback: dict[str, str] | None


class TopicOut(Schema):
    slug: str
    name: Translated
    fallback: dict[str, str] | None


class ArticleBrief(Schema):
    edition: int
    number: str
    section: str
    summary: Translated
    is_key: bool
    is_excluded: bool
    topics: list[str]
    paths: dict[str, str]
    fallback: dict[str, str] | None


class Citation(Schema):
    """A published item of another part of the portal that cites the article."""

    kind: str = Field(description="What it is: guides, essays, letters.")
    title: Translated
    paths: dict[str, str]
    fallback: dict[str, str] | None


class ArticleOut(ArticleBrief):
    text: Translated = Field(description="The official text; English falls back to Russian, then Kazakh.")
    notes: Translated
    predecessors: list[ArticleRef] = Field(description="Counterparts in the previous edition.")
    successors: list[ArticleRef] = Field(description="Counterparts in the later edition.")
    in_practice: list[Citation] = Field(
        default_factory=list, description="Published guides, essays and letters that cite the article."
    )


class SectionOut(Schema):
    edition: int
    number: str
    order: int
    title: Translated
    summary: Translated
    significance: Translated
    changes: Translated
    first_article: str | None
    last_article: str | None
    article_count: int
    paths: dict[str, str]
    fallback: dict[str, str] | None


class SectionDetail(SectionOut):
    articles: list[ArticleBrief]


class EditionPage(Page):
    results: list[EditionOut]


class SectionPage(Page):
    results: list[SectionOut]


class ArticlePage(Page):
    results: list[ArticleBrief]


class TopicPage(Page):
    results: list[TopicOut]


def _edition(year):
    return selectors.current_edition() if year is None else selectors.edition_for_year(year)


def _prefix(edition):
    return "/constitution/" if edition.is_in_force else f"/constitution/{edition.year}/"


def edition_out(edition, fields, sections=0, articles=0):
    return fields.obj(
        edition,
        "title",
        "adoption",
        "source",
        year=edition.year,
        adopted_on=edition.adopted_on,
        in_force_from=edition.in_force_from,
        in_force_until=edition.in_force_until,
        is_in_force=edition.is_in_force,
        source_url=edition.source_url,
        sections=sections,
        articles=articles,
        paths=paths(_prefix(edition)),
    )


def article_brief(article, fields, edition):
    return fields.obj(
        article,
        "summary",
        edition=edition.year,
        number=article.number,
        section=article.section.number,
        is_key=article.is_key,
        is_excluded=article.is_excluded,
        topics=[topic.slug for topic in article.topics.all()],
        paths=paths(f"{_prefix(edition)}article/{article.number}/"),
    )


def article_out(article, fields, edition):
    data = article_brief(article, fields, edition)
    fallback = data["fallback"]
    for field in ("text", "notes"):
        data[field] = fields.value(article, field, fallback, text_order=("ru", "kk"))
    data["predecessors"] = [{"edition": a.constitution.year, "number": a.number} for a in article.predecessors.all()]
    data["successors"] = [{"edition": a.constitution.year, "number": a.number} for a in article.successors.all()]
    return data


def section_out(section, fields, edition):
    return fields.obj(
        section,
        "title",
        "summary",
        "significance",
        "changes",
        edition=edition.year,
        number=section.number,
        order=section.order,
        first_article=getattr(section, "first_article", None),
        last_article=getattr(section, "last_article", None),
        article_count=getattr(section, "article_count", 0),
        paths=paths(f"{_prefix(edition)}section/{section.number}/"),
    )


def _articles():
    return Article.objects.select_related("section", "constitution").prefetch_related("topics")


def articles_with_counterparts():
    """Articles with what ``article_out`` reads: section, topics and counterparts in other editions."""
    # Only what the links need: a counterpart's texts would be read for every article that points to it.
    counterparts = (
        Article.objects.select_related("constitution")
        .only("number", "sort_key", "constitution__year")
        .order_by("sort_key")
    )
    return _articles().prefetch_related(
        Prefetch("predecessors", queryset=counterparts), Prefetch("successors", queryset=counterparts)
    )


def editions_with_counts():
    """Editions, newest first, with ``section_count`` and ``article_count``."""
    return Constitution.objects.annotate(
        section_count=Count("sections", distinct=True), article_count=Count("articles", distinct=True)
    ).order_by("-year")


def sections_with_ranges(edition):
    """The sections of an edition with ``article_count`` and the sort keys of their first and last
    articles; ``name_ranges`` turns the keys into article numbers."""
    return (
        Section.objects.filter(constitution=edition)
        .annotate(
            article_count=Count("articles"), first_key=Min("articles__sort_key"), last_key=Max("articles__sort_key")
        )
        .order_by("order", "id")
    )


def name_ranges(sections, edition):
    """Set ``first_article`` and ``last_article`` on sections from ``sections_with_ranges`` (1 query)."""
    numbers = dict(Article.objects.filter(constitution=edition).values_list("sort_key", "number"))
    for section in sections:
        section.first_article = numbers.get(section.first_key)
        section.last_article = numbers.get(section.last_key)
    return sections


@router.get("/editions", response={200: EditionPage, **ERRORS}, summary="Editions of the Constitution")
def list_editions(request, lang: Language | None = Query(None, description=LANG_HELP)):
    items, page = paginate(editions_with_counts(), 1, 200)
    fields = Fields(lang)
    results = [edition_out(e, fields, e.section_count, e.article_count) for e in items]
    return {**page, "results": results}


@router.get("/sections", response={200: SectionPage, **ERRORS}, summary="Sections of an edition")
def list_sections(
    request,
    lang: Language | None = Query(None, description=LANG_HELP),
    edition: int | None = Query(None, ge=1900, le=2100, description=EDITION_HELP),
    page: int = Query(1, ge=1, le=100000, description=PAGE_HELP),
    page_size: int = Query(50, ge=1, le=200, description=PAGE_SIZE_HELP),
):
    chosen = _edition(edition)
    items, meta = paginate(sections_with_ranges(chosen), page, page_size)
    name_ranges(items, chosen)
    fields = Fields(lang)
    return {**meta, "results": [section_out(s, fields, chosen) for s in items]}


@router.get("/sections/{number}", response={200: SectionDetail, **ERRORS}, summary="A section with its articles")
def get_section(
    request,
    number: str = Path(..., pattern=ROMAN, description="Roman number: I … XI."),
    lang: Language | None = Query(None, description=LANG_HELP),
    edition: int | None = Query(None, ge=1900, le=2100, description=EDITION_HELP),
):
    chosen = _edition(edition)
    section = (
        Section.objects.filter(constitution=chosen, number=number)
        .prefetch_related(Prefetch("articles", queryset=_articles().order_by("sort_key")))
        .first()
    )
    if section is None:
        raise Http404(f"The Constitution of {chosen.year} has no section {number}.")
    articles = list(section.articles.all())
    section.article_count = len(articles)
    section.first_article = articles[0].number if articles else None
    section.last_article = articles[-1].number if articles else None
    fields = Fields(lang)
    data = section_out(section, fields, chosen)
    data["articles"] = [article_brief(a, fields, chosen) for a in articles]
    return data


@router.get("/articles", response={200: ArticlePage, **ERRORS}, summary="Articles, filtered")
def list_articles(
    request,
    lang: Language | None = Query(None, description=LANG_HELP),
    edition: int | None = Query(None, ge=1900, le=2100, description=EDITION_HELP),
    section: str | None = Query(None, pattern=ROMAN, description="Only the articles of this section (I … XI)."),
    topic: str | None = Query(None, pattern=r"^[a-z0-9-]{1,50}$", description="Only articles on this topic (a slug)."),
    is_key: bool | None = Query(None, description="Only key articles (true) or only the others (false)."),
    page: int = Query(1, ge=1, le=100000, description=PAGE_HELP),
    page_size: int = Query(50, ge=1, le=200, description=PAGE_SIZE_HELP),
):
    chosen = _edition(edition)
    articles = _articles().filter(constitution=chosen).order_by("sort_key", "id")
    if section:
        articles = articles.filter(section__number=section)
    if topic:
        if not Topic.objects.filter(slug=topic).exists():
            raise Http404(f"There is no topic {topic!r}.")
        articles = articles.filter(topics__slug=topic)
    if is_key is not None:
        articles = articles.filter(is_key=is_key)
    items, meta = paginate(articles, page, page_size)
    fields = Fields(lang)
    return {**meta, "results": [article_brief(a, fields, chosen) for a in items]}


@router.get("/articles/{number}", response={200: ArticleOut, **ERRORS}, summary="An article with its official text")
def get_article(
    request,
    number: str = Path(..., pattern=ARTICLE, description="Like 5 or 83-1."),
    lang: Language | None = Query(None, description=LANG_HELP),
    edition: int | None = Query(None, ge=1900, le=2100, description=EDITION_HELP),
):
    chosen = _edition(edition)
    article = articles_with_counterparts().filter(constitution=chosen, number=number).first()
    if article is None:
        raise Http404(f"The Constitution of {chosen.year} has no article {number}.")
    data = article_out(article, Fields(lang), chosen)
    data["in_practice"] = citations_out(article, Fields(lang))
    return data


def citations_out(article, fields):
    """The article's "In practice" (see ``selectors.in_practice``), each item with its pages in every language."""
    return [
        fields.obj(item, "title", kind=config.label, paths=paths("/" + item.get_absolute_url().split("/", 2)[2]))
        for config, items in selectors.in_practice(article)
        for item in items
    ]


@router.get("/topics", response={200: TopicPage, **ERRORS}, summary="Topics that articles are tagged with")
def list_topics(request, lang: Language | None = Query(None, description=LANG_HELP)):
    items, meta = paginate(Topic.objects.order_by("order", "slug"), 1, 200)
    fields = Fields(lang)
    return {**meta, "results": [fields.obj(t, "name", slug=t.slug) for t in items]}


@router.get(
    "/editions/{year}/akn",
    response={200: None, **ERRORS},
    summary="An edition's official text as Akoma Ntoso 3.0 XML",
    openapi_extra={
        "responses": {
            200: {
                "description": "The official text as Akoma Ntoso 3.0 XML.",
                "content": {"application/akn+xml": {"schema": {"type": "string"}}},
            }
        }
    },
)
def get_akn(
    request,
    year: int = Path(..., ge=1900, le=2100, description="The year of an edition (2026 or 1995)."),
    lang: str = Query(..., description="The language of the official text: kk or ru (and en for 1995)."),
):
    edition = selectors.edition_for_year(year)
    if lang not in akn.LANGUAGE_CODES:
        raise Http404(f"Unknown language {lang!r}: use kk, ru or en.")
    content = akn.document(edition, lang)
    if content is None:
        raise Http404(f"The Constitution of {year} has no official text in {lang!r}.")
    return HttpResponse(content, content_type=akn.CONTENT_TYPE)
