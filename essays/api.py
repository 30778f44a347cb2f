"""JSON API of the essays."""

from datetime import date
from decimal import Decimal

from django.http import Http404
from django.utils import translation
from ninja import Path, Query, Router, Schema
from pydantic import Field

from core.apitools import (
    ERRORS,
    LANG_HELP,
    PAGE_HELP,
    PAGE_SIZE_HELP,
    ArticleRef,
    ChangeOut,
    Fields,
    Language,
    Page,
    Translated,
    changes_out,
    paginate,
    paths,
)
from core.i18n import LANGUAGE_CODES
from essays import selectors
from essays.models import Essay

router = Router(tags=["Essays"])
SLUG = r"^[a-z0-9-]{1,50}$"


class EssayBrief(Schema):
    slug: str
    title: Translated
    lead: Translated
    published_on: date
    revised_on: date | None
    reading_minutes: int | dict[str, int] = Field(description="Minutes to read, per language without ?lang.")
    paths: dict[str, str]
    fallback: dict[str, str] | None


class EssaySectionOut(Schema):
    anchor: str
    heading: Translated
    body: Translated = Field(description="Markdown.")
    fallback: dict[str, str] | None


class EssaySourceOut(Schema):
    title: Translated
    publisher: Translated
    url: str
    date: str
    fallback: dict[str, str] | None


class DataPointOut(Schema):
    label: Translated
    value: Decimal
    fallback: dict[str, str] | None


class DataSeriesOut(Schema):
    title: Translated
    chart: str = Field(description="bar or line.")
    description: Translated
    note: Translated = Field(description="What was counted (Markdown).")
    unit: Translated
    label_axis: Translated
    source: Translated
    source_url: str
    points: list[DataPointOut]
    fallback: dict[str, str] | None


class EssayOut(EssayBrief):
    key_takeaway: Translated = Field(description="Markdown.")
    sections: list[EssaySectionOut]
    sources: list[EssaySourceOut]
    data_series: list[DataSeriesOut]
    related_articles: list[ArticleRef]
    related_guides: list[str] = Field(description="Slugs of published guides.")
    changes: list[ChangeOut] = Field(description="Public notes on revisions, newest first.")


class EssayPage(Page):
    results: list[EssayBrief]


def _minutes(essay, lang):
    if lang:
        with translation.override(lang):
            return selectors.reading_minutes(essay)
    minutes = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            minutes[code] = selectors.reading_minutes(essay)
    return minutes


def essay_brief(essay, fields):
    return fields.obj(
        essay,
        "title",
        "lead",
        slug=essay.slug,
        published_on=essay.published_on,
        revised_on=essay.revised_on,
        reading_minutes=_minutes(essay, fields.lang),
        paths=paths(f"/essays/{essay.slug}/"),
    )


def essay_out(essay, fields):
    data = essay_brief(essay, fields)
    data["key_takeaway"] = fields.value(essay, "key_takeaway", data["fallback"])
    data["sections"] = [fields.obj(s, "heading", "body", anchor=s.anchor) for s in essay.sections.all()]
    data["sources"] = [fields.obj(s, "title", "publisher", url=s.url, date=s.date) for s in essay.sources.all()]
    data["data_series"] = [
        fields.obj(
            series,
            "title",
            "description",
            "note",
            "unit",
            "label_axis",
            "source",
            chart=series.chart,
            source_url=series.source_url,
            points=[fields.obj(p, "label", value=p.value) for p in series.points.all()],
        )
        for series in essay.data_series.all()
    ]
    data["related_articles"] = [
        {"edition": a.constitution.year, "number": a.number} for a in essay.related_articles.all()
    ]
    data["related_guides"] = [g.slug for g in essay.related_guides.all()]
    data["changes"] = changes_out(essay, fields)
    return data


def essays_for_api():
    """Published essays with everything ``essay_out`` reads, newest first (6 queries in all)."""
    return selectors.with_parts(Essay.objects.published()).order_by("-published_on", "slug", "id")


@router.get("/essays", response={200: EssayPage, **ERRORS}, summary="Published essays, newest first")
def list_essays(
    request,
    lang: Language | None = Query(None, description=LANG_HELP),
    page: int = Query(1, ge=1, le=100000, description=PAGE_HELP),
    page_size: int = Query(50, ge=1, le=200, description=PAGE_SIZE_HELP),
):
    essays = Essay.objects.published().prefetch_related("sections").order_by("-published_on", "slug", "id")
    items, meta = paginate(essays, page, page_size)
    fields = Fields(lang)
    return {**meta, "results": [essay_brief(e, fields) for e in items]}


@router.get("/essays/{slug}", response={200: EssayOut, **ERRORS}, summary="An essay with sections, sources and data")
def get_essay(
    request,
    slug: str = Path(..., pattern=SLUG, description="The essay's slug, as in its page's address."),
    lang: Language | None = Query(None, description=LANG_HELP),
):
    essay = essays_for_api().filter(slug=slug).first()
    if essay is None:
        raise Http404(f"There is no published essay {slug!r}.")
    return essay_out(essay, Fields(lang))
