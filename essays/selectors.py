"""Reads for the essay pages; each does a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from constitution.selectors import article_links
from core.i18n import translated
from essays.charts import chart_for
from essays.models import DataSeries, Essay, EssayChange
from guides.models import Guide


def reading_minutes(essay):
    """Reading time of the essay in the page's language (with fallback text counted as shown)."""
    texts = [translated(essay, "lead").value, translated(essay, "key_takeaway").value]
    for section in essay.sections.all():
        texts += [translated(section, "heading").value, translated(section, "body").value]
    return essay.reading_minutes(texts)


def published_essays():
    """Published essays, newest first, each with ``minutes`` to read (2 queries)."""
    essays = list(Essay.objects.published().prefetch_related("sections").order_by("-published_on", "slug"))
    for essay in essays:
        essay.minutes = reading_minutes(essay)
    return essays


def with_parts(essays):
    """Essays with everything their page, files and JSON show (5 queries, however many essays)."""
    return essays.prefetch_related(
        "sections",
        "sources",
        "changes",
        Prefetch("data_series", queryset=DataSeries.objects.prefetch_related("points")),
        Prefetch("related_articles", queryset=article_links()),
        Prefetch("related_guides", queryset=Guide.objects.published().order_by("order", "slug")),
    )


def essay_detail(slug, preview=False):
    """A published essay with sections, sources, data series and related pages (7 queries);
    ``preview`` (staff) also finds drafts."""
    essays = Essay.objects.all() if preview else Essay.objects.published()
    essay = get_object_or_404(with_parts(essays), slug=slug)
    essay.minutes = reading_minutes(essay)
    return essay


def charts(essay):
    """Each data series of the essay with the geometry of its chart."""
    return [(series, chart_for(series, list(series.points.all()))) for series in essay.data_series.all()]


def public_changes(limit):
    """The newest change notes of published essays, and their first publications (for the feed)."""
    notes = EssayChange.objects.filter(essay__status="published").select_related("essay")
    published = Essay.objects.published().order_by("-published_on", "-id")[:limit]
    return [(note, note.essay) for note in notes.order_by("-date", "-id")[:limit]] + [
        (None, essay) for essay in published
    ]


def page_object(url_name, kwargs):
    """The essay a page of the essays shows, else None (the index)."""
    return Essay.objects.filter(slug=kwargs["slug"]).first() if "slug" in kwargs else None


def page_exists(url_name, kwargs):
    """Whether the essay a link to an essay page names exists (drafts count: editors link ahead)."""
    return "slug" not in kwargs or page_object(url_name, kwargs) is not None


def citing(article):
    """Published essays that cite ``article`` (the article page's "In practice"), newest first."""
    return list(Essay.objects.published().filter(related_articles=article).order_by("-published_on", "slug"))


def home_context(request):
    """What the home page shows of the essays: the newest ones (1 query)."""
    return {"newest": list(Essay.objects.published().order_by("-published_on", "slug")[:3])}
