"""The search page: ranked results in the page's language, a best answer, "Did you mean …?"."""

import base64

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.text import without_control_characters
from search import links, selectors, signals

# The smallest transparent GIF: what the page's counting image shows (nothing).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


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
    language = translation.get_language()
    for hit in results.hits:
        hit.kind_label = labels[hit.kind]
        hit.link = links.go_url(language, query, hit.url)
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
        # Counted once per showing of the whole list (a ``kind`` is the same search narrowed).
        "seen_url": links.seen_url(language, query, results.total) if query and kind is None else "",
        "breadcrumbs": [{"title": _("Search"), "url": ""}],
    }
    return render(request, "search/search.html", context)


def _query(request):
    query = request.GET.get("q") or ""
    return query if query.strip() and len(query) <= selectors.MAX_QUERY else None


@never_cache
@require_safe
def seen(request):
    """The search page's counting image: tells ``signals.searched`` when the address is one a search page
    gave (signed), then answers a transparent pixel that no cache keeps. Nothing about the reader is read."""
    query, found = _query(request), request.GET.get("n", "")
    language = translation.get_language()
    if query is not None and found.isdigit() and links.signed(request.GET.get("s"), language, query, found):
        signals.searched.send(sender=None, language=language, query=query, found=int(found))
    return HttpResponse(PIXEL, content_type="image/gif")


@never_cache
@require_safe
def go(request):
    """A result's link: counts the click (``signals.result_followed``) and redirects to the result. Only
    to an address of this site (400 otherwise: never an open redirect); counted only when signed."""
    path = links.internal_path(request.GET.get("to"))
    if path is None:
        return HttpResponseBadRequest(_("Not an address of this site."), content_type="text/plain; charset=utf-8")
    query, language = _query(request), translation.get_language()
    if query is not None and links.signed(request.GET.get("s"), language, query, path):
        signals.result_followed.send(sender=None, language=language, query=query, path=path)
    return HttpResponseRedirect(path)
