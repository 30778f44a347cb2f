"""Pages of the guides: the index by category, a guide step by step, and its printable checklist."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import documents, registry
from core.content import can_preview
from core.i18n import translated
from guides import selectors
from guides.documents import guide_document
from guides.models import Tip
from guides.structured import guide_data


def index(request):
    context = {
        "categories": selectors.categories_with_guides(),
        "breadcrumbs": [{"title": _("Guides"), "url": ""}],
    }
    return render(request, "guides/index.html", context)


def _guide_context(request, slug):
    guide = selectors.guide_detail(slug, preview=can_preview(request))
    year = timezone.localdate().year
    rate, fees = selectors.fees_in_tenge(guide, year)
    return {
        "guide": guide,
        "routes": guide.routes.all(),
        "fees": fees,
        "rate": rate,
        "year": year,
        "rate_is_old": rate is not None and rate.year != year,
        "breadcrumbs": [
            {"title": _("Guides"), "url": reverse("guides:index")},
            {"title": translated(guide, "title").value, "url": ""},
        ],
    }


def detail(request, slug):
    """A guide: summary box, routes with numbered steps, documents, fees, FAQ, tips, sources."""
    context = _guide_context(request, slug)
    context["structured_data"] = guide_data(request, context["guide"], context["fees"])
    context["panels"] = registry.panels_for(context["guide"])
    return render(request, "guides/detail.html", context)


def print_view(request, slug):
    """The same guide as a one-page checklist to print and tick off."""
    context = _guide_context(request, slug)
    context["printed_on"] = timezone.localdate()
    context["warnings"] = [tip for tip in context["guide"].tips.all() if tip.kind == Tip.Kind.WARNING]
    return render(request, "guides/print.html", context)


def download(request, slug, fmt):
    """The guide as a Word or PDF file, built from the same data as its page."""
    context = _guide_context(request, slug)
    doc = guide_document(context["guide"], context["rate"], context["fees"], get_language())
    return documents.respond(doc, fmt)
