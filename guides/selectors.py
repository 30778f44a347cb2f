"""Reads for the guide pages; each does a fixed number of queries, however long a guide is."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from constitution.selectors import article_links
from guides.models import Category, ComparisonTable, Guide, GuideChange, MciRate, Route, Step
from letters.models import LetterTemplate


def categories_with_guides():
    """Categories that have published guides, each with them as ``guide_list`` (2 queries)."""
    categories = Category.objects.prefetch_related(
        Prefetch("guides", queryset=Guide.objects.published().order_by("order", "slug"), to_attr="guide_list")
    )
    return [category for category in categories if category.guide_list]


def featured_guides(limit=6):
    """Published guides for the home page, in the editors' order (1 query)."""
    return list(Guide.objects.published().select_related("category")[:limit])


def with_parts(guides):
    """Guides with every part their page, files and JSON show (10 queries, however many guides)."""
    return guides.select_related("category").prefetch_related(
        Prefetch("routes", queryset=Route.objects.prefetch_related(Prefetch("steps", queryset=Step.objects.all()))),
        "documents",
        "fees",
        "faqs",
        "tips",
        "sources",
        "changes",
        Prefetch("tables", queryset=ComparisonTable.objects.prefetch_related("rows")),
        Prefetch("related_articles", queryset=article_links()),
    )


def guide_detail(slug, preview=False):
    """A published guide with everything its page shows (12 queries); 404 for drafts and unknown
    slugs, except that ``preview`` (staff) also finds drafts."""
    guides = Guide.objects.all() if preview else Guide.objects.published()
    guide = get_object_or_404(with_parts(guides), slug=slug)
    guide.letter_list = letters_for(guide)
    return guide


def letters_for(guide):
    """Published letters for a guide (1 query): the letters written for it and those it leads to as a
    next step (a complaint about a refusal, a request to a body), each once."""
    letters = LetterTemplate.objects.published().filter(Q(guide=guide) | Q(next_step_for=guide))
    return list(letters.distinct().order_by("slug"))


@dataclass(frozen=True)
class FeeLine:
    """A fee with its amount in tenge for the year of ``rate`` (None when no rate is known)."""

    fee: object
    tenge: object


def fees_in_tenge(guide, year=None):
    """The MCI rate used (this year's, else the latest before it) and the guide's fees in tenge (1 query)."""
    return fee_lines(guide.fees.all(), year)


def fee_lines(fees, year=None):
    """The MCI rate of ``year`` (this year by default, else the latest before it) and ``fees`` in tenge (1 query)."""
    year = year or timezone.localdate().year
    rate = MciRate.objects.for_year(year)
    lines = []
    for fee in fees:
        unknown = fee.amount_mci is not None and rate is None
        lines.append(FeeLine(fee, None if unknown else fee.amount_in_tenge(year, rate=rate)))
    return rate, lines


def public_changes(limit):
    """The newest change notes of published guides (for the feed of what changed)."""
    notes = GuideChange.objects.filter(guide__status="published").select_related("guide")
    return [(note, note.guide) for note in notes.order_by("-date", "-id")[:limit]]


def page_object(url_name, kwargs):
    """The guide a page of the guides shows, else None (the index)."""
    return Guide.objects.filter(slug=kwargs["slug"]).first() if "slug" in kwargs else None


def page_exists(url_name, kwargs):
    """Whether the guide a link to a guide page names exists (drafts count: editors link ahead)."""
    return "slug" not in kwargs or page_object(url_name, kwargs) is not None


def home_context(request):
    """What the home page shows of the guides: the most-used ones."""
    return {"featured": featured_guides()}


def due_for_review(cutoff):
    """Guides not reviewed since ``cutoff``, the longest-waiting first (the editors' dashboard)."""
    return Guide.objects.filter(last_reviewed__lt=cutoff).order_by("last_reviewed")


def citing(article):
    """Published guides that cite ``article`` (the article page's "In practice")."""
    return list(Guide.objects.published().filter(related_articles=article).order_by("order", "slug"))
