"""The search page: ranked results in the page's language, a best answer, "Did you mean …?"."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from portal.text import without_control_characters
from search import selectors


def kinds():
    return [("article", _("Constitution")), ("guide", _("Guides")), ("essay", _("Essays"))]


def search_page(request):
    """Search the Constitution, guides and essays; "5-бап" opens article 5; ``?kind=`` narrows."""
    from constitution.selectors import article_url_in_force

    query = without_control_characters(request.GET.get("q") or "")[: selectors.MAX_QUERY].strip()
    kind = request.GET.get("kind")
    kind = kind if kind in selectors.KINDS else None
    number = selectors.article_shortcut(query)
    if number and (url := article_url_in_force(number)):
        return HttpResponseRedirect(url)
    results = selectors.search(query, translation.get_language(), kind=kind)
    labels = dict(kinds())
    for hit in results.hits:
        hit.kind_label = labels[hit.kind]
    context = {
        "query": query,
        "results": results,
        "kind": kind,
        "filters": [
            {"kind": code, "label": label, "count": results.counts.get(code, 0)}
            for code, label in kinds()
            if results.counts.get(code)
        ],
        "shortcut_missing": number,
        "breadcrumbs": [{"title": _("Search"), "url": ""}],
    }
    return render(request, "search/search.html", context)
