"""schema.org Legislation for the Constitution's pages (see core.structured)."""

from django.utils import translation
from django.utils.translation import gettext as _

from constitution import akn
from core.i18n import translated
from core.structured import SCHEMA, absolute, publisher

IN_FORCE, NOT_IN_FORCE = "https://schema.org/InForce", "https://schema.org/NotInForce"


def edition_data(request, edition):
    """An edition as Legislation: its dates, whether it is in force, where it was published."""
    until = edition.in_force_until
    data = {
        "@context": SCHEMA,
        "@type": "Legislation",
        "name": translated(edition, "title").value,
        "legislationType": _("Constitution"),
        "legislationJurisdiction": {"@type": "Country", "name": _("Kazakhstan")},
        "legislationDate": edition.adopted_on.isoformat(),
        "legislationLegalForce": IN_FORCE if edition.is_in_force else NOT_IN_FORCE,
        "temporalCoverage": f"{edition.in_force_from.isoformat()}/{until.isoformat() if until else '..'}",
        "url": absolute(request, edition.get_absolute_url()),
        "publisher": publisher(request),
    }
    if edition.source_url:
        data["sameAs"] = edition.source_url
    return data


def section_data(request, section):
    edition = section.constitution
    return {
        "@context": SCHEMA,
        "@type": "Legislation",
        "name": f"{translated(edition, 'title').value}, {_('Section %(number)s') % {'number': section.number}}. "
        f"{translated(section, 'title').value}",
        "legislationIdentifier": f"{edition.year}/{section.number}",
        "legislationLegalForce": IN_FORCE if edition.is_in_force else NOT_IN_FORCE,
        "isPartOf": edition_data(request, edition),
        "url": absolute(request, section.get_absolute_url()),
    }


def article_data(request, article, official):
    """An article as a LegislationObject of its edition: the official text in the language shown,
    our one-sentence summary as its abstract."""
    edition = article.constitution
    data = {
        "@context": SCHEMA,
        "@type": ["Legislation", "LegislationObject"],
        "name": f"{translated(edition, 'title').value}, {_('Article %(number)s') % {'number': article.number}}",
        "legislationIdentifier": f"{edition.year}/{article.number}",
        "legislationLegalForce": IN_FORCE if edition.is_in_force and not article.is_excluded else NOT_IN_FORCE,
        "legislationDate": edition.adopted_on.isoformat(),
        "isPartOf": edition_data(request, edition),
        "url": absolute(request, article.get_absolute_url()),
        "inLanguage": official.language,
    }
    summary = translated(article, "summary").value
    if summary:
        data["abstract"] = summary
        data["description"] = _(
            "The abstract is an unofficial explanation by Azamat's editors; only the official text has legal force."
        )
    examples = official_expressions(request, article)
    if examples:
        data["workExample"] = examples
    if official.value:
        data["text"] = official.value
    return data


def official_expressions(request, article):
    """The article's official text in each language it has, as Legislation expressions identified the Akoma Ntoso
    way (``/akn/kz/act/constitution/2026-03-15/rus@2026-07-01/~art_17``), each with its page and the edition's XML."""
    edition = article.constitution
    examples = []
    for code in akn.LANGUAGE_CODES:
        if not getattr(article, f"text_{code}", ""):
            continue
        with translation.override(code):
            url = absolute(request, article.get_absolute_url())
        examples.append(
            {
                "@type": "Legislation",
                "inLanguage": code,
                "legislationIdentifier": f"{akn.expression_uri(edition, code)}/~art_{article.number}",
                "legislationLegalValue": "https://schema.org/OfficialLegalValue",
                "url": url,
                "encoding": {
                    "@type": "MediaObject",
                    "encodingFormat": "application/akn+xml",
                    "contentUrl": absolute(request, f"/api/v1/constitution/editions/{edition.year}/akn?lang={code}"),
                },
            }
        )
    return examples
