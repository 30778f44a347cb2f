"""A guide as a document to download (Word or PDF): the same facts as its page."""

from django.utils.translation import gettext as _
from django.utils.translation import override

from core.documents import Doc
from core.i18n import translated
from core.templatetags.azamat import long_date
from core.text import plain_text, text_lines
from guides.templatetags.guides import mci, tenge


def guide_document(guide, rate, fees, language):
    """Summary, every route with its steps, documents checklist, fees, FAQ, tips and sources."""
    with override(language):

        def t(obj, field):
            return translated(obj, field, language).value

        doc = Doc(title=t(guide, "title"), language=language, filename=t(guide, "title") or guide.slug)
        doc.add("title", doc.title)
        doc.add("paragraph", t(guide, "summary"))
        summary = [
            (_("Who can apply"), t(guide, "audience")),
            (_("Time needed"), t(guide, "time_needed")),
            (_("Cost"), t(guide, "cost")),
            (_("Result"), t(guide, "result")),
            (_("Last reviewed"), long_date(guide.last_reviewed)),
        ]
        doc.add("table", rows=[[label, value] for label, value in summary if value])
        doc.add_markdown(t(guide, "intro"))
        for number, route in enumerate(guide.routes.all(), start=1):
            doc.add("heading", _("Way %(number)s") % {"number": number} + ". " + t(route, "title"))
            if suits := t(route, "suits"):
                doc.add("paragraph", _("Who it suits:") + " " + suits)
            if t(route, "needs"):
                doc.add("subheading", _("What you need"))
                doc.add_markdown(t(route, "needs"))
            steps = [
                t(step, "title") + (": " + plain_text(t(step, "body")) if t(step, "body") else "")
                for step in route.steps.all()
            ]
            doc.add("subheading", _("Steps") if steps else "")
            doc.add("numbers", items=steps)
            if t(route, "advantages"):
                doc.add("subheading", _("Advantages"))
                doc.add_markdown(t(route, "advantages"))
        documents = [
            t(d, "name")
            + ("" if d.is_required else f" ({_('if it applies')})")
            + (f" — {t(d, 'note')}" if t(d, "note") else "")
            for d in guide.documents.all()
        ]
        if documents:
            doc.add("heading", _("Documents"))
            doc.add("checklist", items=documents)
        if fees:
            doc.add("heading", _("Fees and terms"))
            year = rate.year if rate else ""
            rows = [[_("Condition"), _("Amount"), _("In tenge, %(year)s") % {"year": year}, _("Source")]]
            for line in fees:
                amount = mci(line.fee.amount_mci) if line.fee.amount_mci is not None else tenge(line.fee.amount_tenge)
                rows.append([t(line.fee, "condition"), amount, tenge(line.tenge) or "—", line.fee.source_url])
            doc.add("table", rows=rows)
            if rate:
                doc.add(
                    "meta",
                    _("Tenge amounts use the MCI of %(year)s: %(value)s.")
                    % {"year": rate.year, "value": tenge(rate.value)},
                )
            doc.add_markdown(t(guide, "fees_note"))
        for table in guide.tables.all():
            doc.add("heading", t(table, "title"))
            rows = [text_lines(t(table, "columns"))] + [text_lines(t(row, "cells")) for row in table.rows.all()]
            doc.add("table", rows=rows)
            doc.add_markdown(t(table, "note"))
        if guide.faqs.all():
            doc.add("heading", _("Questions and answers"))
            for faq in guide.faqs.all():
                doc.add("subheading", t(faq, "question"))
                doc.add_markdown(t(faq, "answer"))
        tips = [
            (_("Warning:") if tip.kind == "warning" else _("Tip:")) + " " + plain_text(t(tip, "text"))
            for tip in guide.tips.all()
        ]
        if tips:
            doc.add("heading", _("Tips and warnings"))
            doc.add("bullets", items=tips)
        sources = [f"{t(s, 'title')}: {s.url}" for s in guide.sources.all()]
        if sources:
            doc.add("heading", _("Official sources"))
            doc.add("bullets", items=sources)
        checked = _(
            "Facts last checked by an editor on %(date)s. Fees and terms change: "
            "check them on the official pages above before you apply."
        )
        doc.add("meta", checked % {"date": long_date(guide.last_reviewed)})
    return doc
