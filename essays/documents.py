"""An essay as a document to download (Word or PDF)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.documents import Doc
from core.i18n import translated
from core.templatetags.azamat import long_date
from core.text import plain_text
from essays.charts import chart_for


def essay_document(essay, language):
    """Title, dates, lead, sections, data series as tables, key takeaway and sources."""
    with override(language):

        def t(obj, field):
            return translated(obj, field, language).value

        doc = Doc(title=t(essay, "title"), language=language, filename=t(essay, "title") or essay.slug)
        doc.add("title", doc.title)
        dates = _("Published") + " " + long_date(essay.published_on)
        if essay.revised_on:
            dates += " · " + _("Revised") + " " + long_date(essay.revised_on)
        doc.add("meta", dates)
        doc.add("paragraph", t(essay, "lead"))
        for section in essay.sections.all():
            doc.add("heading", t(section, "heading"))
            doc.add_markdown(t(section, "body"))
        for series in essay.data_series.all():
            points = list(series.points.all())
            chart = chart_for(series, points)
            doc.add("heading", t(series, "title"))
            doc.add("paragraph", t(series, "description"))
            doc.add("figure", render_to_string("essays/includes/chart_svg.html", {"series": series, "chart": chart}))
            header = [t(series, "label_axis") or _("Label"), t(series, "unit")]
            doc.add("table", rows=[header] + [[bar.label, bar.value] for bar in chart.bars])
            if t(series, "note"):
                doc.add("meta", _("What was counted:") + " " + plain_text(t(series, "note")))
            doc.add(
                "meta",
                _("Source:") + " " + t(series, "source") + (f" ({series.source_url})" if series.source_url else ""),
            )
        if t(essay, "key_takeaway"):
            doc.add("heading", _("Key takeaway"))
            doc.add_markdown(t(essay, "key_takeaway"))
        sources = []
        for source in essay.sources.all():
            parts = [t(source, "title"), t(source, "publisher"), source.date, source.url]
            sources.append(". ".join(part for part in parts if part))
        if sources:
            doc.add("heading", _("Sources"))
            doc.add("numbers", items=sources)
        doc.add("meta", _("Essays express the analysis of their authors; they are not legal advice."))
    return doc
