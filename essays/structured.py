"""schema.org Article for an essay (see core.structured)."""

from core.i18n import translated
from core.structured import SCHEMA, absolute, publisher


def essay_data(request, essay):
    """The essay as an Article: its author and publisher, dates, language and the sources it cites."""

    def text(obj, field):
        return translated(obj, field).value

    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": text(essay, "title")[:110],
        "description": text(essay, "lead"),
        "url": absolute(request, essay.get_absolute_url()),
        "mainEntityOfPage": absolute(request, essay.get_absolute_url()),
        "inLanguage": translated(essay, "title").language,
        "datePublished": essay.published_on.isoformat(),
        "dateModified": (essay.revised_on or essay.published_on).isoformat(),
        "author": publisher(request),
        "publisher": publisher(request),
        "image": absolute(request, "") + _share_image(),
        "citation": [
            {
                "@type": "CreativeWork",
                "name": text(source, "title"),
                **({"url": source.url} if source.url else {}),
                **({"publisher": text(source, "publisher")} if text(source, "publisher") else {}),
            }
            for source in essay.sources.all()
        ],
    }
    return data


def _share_image():
    from django.templatetags.static import static

    return static("img/share.png")
