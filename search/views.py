"""The search page: ranked results in the page's language, a best answer, "Did you mean …?"."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from core.text import without_control_characters
from search import selectors


def search_page(request):
    """Search everything the providers index; a query naming a page ("5-бап") opens it; ``?kind=`` narrows."""
    query = without_control_characters(request.GET.get("q") or "")[: selectors.MAX_QUERY].strip()
    kinds = selectors.kinds()
    labels = dict(kinds)
    kind = request.GET.get("kind")
    kind = kind if kind in labels else None
    url, notice = selectors.shortcut(query)
    if url:
        return HttpResponseRedirect(url)
    results = selectors.search(query, translation.get_language(), kind=kind)
    for hit in results.hits:
        hit.kind_label = labels[hit.kind]
    context = {
        "query": query,
        "results": results,
        "kind": kind,
        "filters": [
            {"kind": code, "label": label, "count": results.counts.get(code, 0)}
            for code, label in kinds
            if results.counts.get(code)
        ],
        "shortcut_notice": notice,
        "breadcrumbs": [{"title": _("Search"), "url": ""}],
    }
    return render(request, "search/search.html", context)
