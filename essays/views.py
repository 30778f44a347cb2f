"""Pages of the essays: the list, newest first, and an essay with its contents, sources and charts."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import documents
from core.content import can_preview
from core.i18n import translated
from essays import selectors
from essays.documents import essay_document
from essays.structured import essay_data


def index(request):
    context = {
        "essays": selectors.published_essays(),
        "breadcrumbs": [{"title": _("Essays"), "url": ""}],
    }
    return render(request, "essays/index.html", context)


def detail(request, slug):
    essay = selectors.essay_detail(slug, preview=can_preview(request))
    context = {
        "essay": essay,
        "sections": essay.sections.all(),
        "charts": selectors.charts(essay),
        "structured_data": [essay_data(request, essay)],
        "breadcrumbs": [
            {"title": _("Essays"), "url": reverse("essays:index")},
            {"title": translated(essay, "title").value, "url": ""},
        ],
    }
    return render(request, "essays/detail.html", context)


def download(request, slug, fmt):
    """The essay as a Word or PDF file."""
    essay = selectors.essay_detail(slug, preview=can_preview(request))
    return documents.respond(essay_document(essay, get_language()), fmt)
