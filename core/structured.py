"""Structured data (schema.org as JSON-LD) shared by every page: the site, the breadcrumbs, and the
helpers the apps' ``structured.py`` use for their page types.

A page's context may hold ``structured_data`` (a list of dicts); ``base.html`` adds the breadcrumbs
and renders each with ``{% json_ld %}``, escaped so that nothing an editor types can end the script.
"""

import json

from django.urls import reverse
from django.utils.translation import gettext as _

from core import origin

SCHEMA = "https://schema.org"


def absolute(request, path):
    """The absolute address of ``path``, from the configured public origin (``core.origin``)."""
    return origin.absolute(path)


def publisher(request):
    return {"@type": "Organization", "name": _("Azamat"), "url": absolute(request, reverse("home"))}


def breadcrumb_list(request, breadcrumbs):
    """The page's breadcrumbs, the home page first, as a BreadcrumbList."""
    items = [{"name": _("Home"), "url": reverse("home")}]
    items += [{"name": str(crumb["title"]), "url": crumb.get("url") or request.path} for crumb in breadcrumbs or []]
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": item["name"], "item": absolute(request, item["url"])}
            for n, item in enumerate(items, start=1)
        ],
    }


def website(request, language):
    """The site, with the search that answers questions (a search box in search engines' results)."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": _("Azamat"),
        "url": absolute(request, reverse("home")),
        "inLanguage": language,
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute(request, reverse("search")) + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def dumps(data):
    """JSON for a ``<script type="application/ld+json">``: "<", ">" and "&" escaped as \\u00XX, so no
    text (an editor's ``</script>``) can close the element; the JSON is unchanged for a parser."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
