"""schema.org HowTo and FAQPage for a guide (see core.structured)."""

from core.i18n import translated
from core.structured import SCHEMA, absolute, publisher
from core.text import plain_text


def guide_data(request, guide, fees):
    """The guide as a HowTo: each route a section of steps, the documents as supplies, and its fees
    in tenge this year (``fees``: the lines of ``selectors.fees_in_tenge``) as the cost; its questions
    and answers as a FAQPage."""

    def text(obj, field):
        return translated(obj, field).value

    howto = {
        "@context": SCHEMA,
        "@type": "HowTo",
        "name": text(guide, "title"),
        "description": text(guide, "summary"),
        "url": absolute(request, guide.get_absolute_url()),
        "dateModified": guide.updated_at.date().isoformat(),
        "publisher": publisher(request),
        "supply": [{"@type": "HowToSupply", "name": text(document, "name")} for document in guide.documents.all()],
        "step": [
            {
                "@type": "HowToSection",
                "name": text(route, "title"),
                "itemListElement": [
                    {
                        "@type": "HowToStep",
                        "position": number,
                        "name": text(step, "title"),
                        "text": plain_text(text(step, "body")) or text(step, "title"),
                        "url": absolute(request, guide.get_absolute_url()) + f"#{route.anchor}",
                    }
                    for number, step in enumerate(route.steps.all(), start=1)
                ],
            }
            for route in guide.routes.all()
        ],
    }
    amounts = [int(line.tenge) for line in fees if line.tenge is not None]
    if amounts:
        howto["estimatedCost"] = {
            "@type": "MonetaryAmount",
            "currency": "KZT",
            "minValue": min(amounts),
            "maxValue": max(amounts),
        }
    blocks = [howto]
    faqs = list(guide.faqs.all())
    if faqs:
        blocks.append(
            {
                "@context": SCHEMA,
                "@type": "FAQPage",
                "url": absolute(request, guide.get_absolute_url()),
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": text(faq, "question"),
                        "acceptedAnswer": {"@type": "Answer", "text": plain_text(text(faq, "answer"))},
                    }
                    for faq in faqs
                ],
            }
        )
    return blocks
