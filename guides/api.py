"""JSON API of the guides and the MCI table."""

from datetime import date
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
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
    TranslatedLists,
    changes_out,
    paginate,
    paths,
)
from guides import selectors
from guides.models import Category, Guide, MciRate

router = Router(tags=["Guides"])
SLUG = r"^[a-z0-9-]{1,50}$"


class MciOut(Schema):
    year: int
    value: int = Field(description="Tenge.")
    source: str
    source_url: str


class CategoryOut(Schema):
    slug: str
    name: Translated
    fallback: dict[str, str] | None


class GuideBrief(Schema):
    slug: str
    category: CategoryOut
    title: Translated
    summary: Translated
    last_reviewed: date
    paths: dict[str, str]
    fallback: dict[str, str] | None


class StepOut(Schema):
    title: Translated
    body: Translated
    fallback: dict[str, str] | None


class RouteOut(Schema):
    title: Translated
    suits: Translated
    advantages: Translated
    needs: Translated
    steps: list[StepOut]
    fallback: dict[str, str] | None


class DocumentOut(Schema):
    name: Translated
    note: Translated
    is_required: bool
    fallback: dict[str, str] | None


class FeeOut(Schema):
    condition: Translated
    amount_mci: Decimal | None = Field(description="The amount in MCI, if the fee is set in MCI.")
    amount_tenge: Decimal | None = Field(description="The amount in tenge, if the fee is set in tenge.")
    tenge_this_year: Decimal | None = Field(description="The amount in tenge with the MCI of `mci_year`.")
    mci_year: int | None = Field(description="The year whose MCI was used (this year's, else the latest before).")
    source_url: str
    fallback: dict[str, str] | None


class FaqOut(Schema):
    question: Translated
    answer: Translated
    fallback: dict[str, str] | None


class TipOut(Schema):
    kind: str = Field(description="tip or warning")
    text: Translated
    fallback: dict[str, str] | None


class GuideSourceOut(Schema):
    title: Translated
    publisher: Translated
    url: str
    fallback: dict[str, str] | None


class ComparisonTableOut(Schema):
    title: Translated
    note: Translated
    columns: list[str] | TranslatedLists
    rows: list[list[str] | TranslatedLists]
    fallback: dict[str, str] | None


class GuideOut(GuideBrief):
    audience: Translated
    time_needed: Translated
    cost: Translated
    result: Translated
    intro: Translated
    fees_note: Translated
    routes: list[RouteOut]
    documents: list[DocumentOut]
    fees: list[FeeOut]
    faqs: list[FaqOut]
    tips: list[TipOut]
    sources: list[GuideSourceOut]
    tables: list[ComparisonTableOut]
    related_articles: list[ArticleRef]
    changes: list[ChangeOut] = Field(description="Public notes on changes that matter, newest first.")


class GuidePage(Page):
    results: list[GuideBrief]


class MciPage(Page):
    results: list[MciOut]


def guide_brief(guide, fields):
    return fields.obj(
        guide,
        "title",
        "summary",
        slug=guide.slug,
        category=fields.obj(guide.category, "name", slug=guide.category.slug),
        last_reviewed=guide.last_reviewed,
        paths=paths(f"/guides/{guide.slug}/"),
    )


def guide_out(guide, fields, rate=None, year=None):
    """A guide with every part; ``rate`` is the MCI used for tenge amounts (looked up when not given)."""
    year = year or timezone.localdate().year
    if rate is None:
        rate = MciRate.objects.for_year(year)
    data = guide_brief(guide, fields)
    for field in ("audience", "time_needed", "cost", "result", "intro", "fees_note"):
        data[field] = fields.value(guide, field, data["fallback"])
    data["routes"] = [
        fields.obj(
            route,
            "title",
            "suits",
            "advantages",
            "needs",
            steps=[fields.obj(step, "title", "body") for step in route.steps.all()],
        )
        for route in guide.routes.all()
    ]
    data["documents"] = [fields.obj(d, "name", "note", is_required=d.is_required) for d in guide.documents.all()]
    data["fees"] = [
        fields.obj(
            fee,
            "condition",
            amount_mci=fee.amount_mci,
            amount_tenge=fee.amount_tenge,
            tenge_this_year=None if (fee.amount_mci is not None and rate is None) else fee.amount_in_tenge(year, rate),
            mci_year=rate.year if (rate is not None and fee.amount_mci is not None) else None,
            source_url=fee.source_url,
        )
        for fee in guide.fees.all()
    ]
    data["faqs"] = [fields.obj(f, "question", "answer") for f in guide.faqs.all()]
    data["tips"] = [fields.obj(t, "text", kind=t.kind) for t in guide.tips.all()]
    data["sources"] = [fields.obj(s, "title", "publisher", url=s.url) for s in guide.sources.all()]
    data["tables"] = [
        fields.obj(
            table,
            "title",
            "note",
            columns=fields.lines(table, "columns"),
            rows=[fields.lines(row, "cells") for row in table.rows.all()],
        )
        for table in guide.tables.all()
    ]
    data["related_articles"] = [
        {"edition": a.constitution.year, "number": a.number} for a in guide.related_articles.all()
    ]
    data["changes"] = changes_out(guide, fields)
    return data


def mci_out(rate):
    return {"year": rate.year, "value": rate.value, "source": rate.source, "source_url": rate.source_url}


@router.get("/guides", response={200: GuidePage, **ERRORS}, summary="Published guides")
def list_guides(
    request,
    lang: Language | None = Query(None, description=LANG_HELP),
    category: str | None = Query(None, pattern=SLUG, description="Only guides of this category (a slug)."),
    page: int = Query(1, ge=1, le=100000, description=PAGE_HELP),
    page_size: int = Query(50, ge=1, le=200, description=PAGE_SIZE_HELP),
):
    guides = Guide.objects.published().select_related("category").order_by("category__order", "order", "slug", "id")
    if category:
        if not Category.objects.filter(slug=category).exists():
            raise Http404(f"There is no guide category {category!r}.")
        guides = guides.filter(category__slug=category)
    items, meta = paginate(guides, page, page_size)
    fields = Fields(lang)
    return {**meta, "results": [guide_brief(g, fields) for g in items]}


@router.get("/guides/{slug}", response={200: GuideOut, **ERRORS}, summary="A guide with routes, steps, fees and more")
def get_guide(
    request,
    slug: str = Path(..., pattern=SLUG, description="The guide's slug, as in its page's address."),
    lang: Language | None = Query(None, description=LANG_HELP),
):
    guide = selectors.guide_detail(slug)
    return guide_out(guide, Fields(lang))


@router.get("/mci", response={200: MciPage, **ERRORS}, summary="The monthly calculation index by year")
def list_mci(
    request,
    page: int = Query(1, ge=1, le=100000, description=PAGE_HELP),
    page_size: int = Query(50, ge=1, le=200, description=PAGE_SIZE_HELP),
):
    items, meta = paginate(MciRate.objects.order_by("-year"), page, page_size)
    return {**meta, "results": [mci_out(rate) for rate in items]}
