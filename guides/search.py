"""What search indexes of the guides: each published guide, once per language (see search.index)."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES, translated
from core.text import plain_text
from guides.models import Category, ComparisonRow, ComparisonTable, Document, Faq, Fee, Guide, Route, Source, Step, Tip
from guides.selectors import with_parts

KIND = "guide"
LABEL = _("Guides")


def _guide_of(getter):
    def find(instance):
        try:
            return [getter(instance)]
        except ObjectDoesNotExist:  # the guide is being deleted along with it
            return []

    return find


INDEXED = {
    Guide: lambda guide: [guide],
    Category: lambda category: list(category.guides.all()),
    # Only the guide's key is needed (``identity``): no query for the guide itself.
    Route: _guide_of(lambda route: Guide(pk=route.guide_id)),
    Step: _guide_of(lambda step: Guide(pk=step.route.guide_id)),
    Document: _guide_of(lambda document: Guide(pk=document.guide_id)),
    Fee: _guide_of(lambda fee: Guide(pk=fee.guide_id)),
    Faq: _guide_of(lambda faq: Guide(pk=faq.guide_id)),
    Tip: _guide_of(lambda tip: Guide(pk=tip.guide_id)),
    Source: _guide_of(lambda source: Guide(pk=source.guide_id)),
    ComparisonTable: _guide_of(lambda table: Guide(pk=table.guide_id)),
    ComparisonRow: _guide_of(lambda row: Guide(pk=row.table.guide_id)),
}


def identity(guide):
    return "guide", str(guide.pk)


def indexable():
    """The guides to index, with their parts fetched (search.index narrows it to the changed ones)."""
    return with_parts(Guide.objects.published())


def documents(guide):
    """Title, summary, who it is for, routes with their steps, documents, FAQ and tips, of a guide
    from ``indexable()``."""
    for language in LANGUAGE_CODES:

        def text(obj, field, language=language):
            return translated(obj, field, language).value

        parts = [
            text(guide, "audience"),
            text(guide, "result"),
            text(guide, "time_needed"),
            text(guide, "cost"),
            plain_text(text(guide, "intro")),
        ]
        for route in guide.routes.all():
            parts += [text(route, "title"), text(route, "suits")]
            for step in route.steps.all():
                parts += [text(step, "title"), plain_text(text(step, "body"))]
        parts += [text(document, "name") for document in guide.documents.all()]
        parts += [text(fee, "condition") for fee in guide.fees.all()]
        for faq in guide.faqs.all():
            parts += [text(faq, "question"), plain_text(text(faq, "answer"))]
        parts += [plain_text(text(tip, "text")) for tip in guide.tips.all()]
        with translation.override(language):
            url = guide.get_absolute_url()
        yield {
            "language": language,
            "title": text(guide, "title"),
            "keywords": " ".join(filter(None, [text(guide.category, "name"), text(guide, "keywords")])),
            "summary": text(guide, "summary"),
            "body": "\n".join(p for p in parts if p),
            "url": url,
        }
