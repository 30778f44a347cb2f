"""What a request may carry, checked at the edge before anything else reads it.

Control characters (NUL and the other C0/C1 controls but tab and line breaks, lone surrogates, Unicode
non-characters) are never meaningful in an address, a query or a form: databases refuse NUL (a 500
from PostgreSQL), Word files cannot hold them, and a page that echoed them back would carry them into
its links. So an address holding one is a 400 page, and they are removed from query parameters and
from the fields of submitted forms (what else the visitor typed is kept), the admin's included.
"""

from urllib.parse import unquote, unquote_to_bytes, urlencode

from django.http import QueryDict

from core.text import control_characters, without_control_characters

FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def _cleaned(query):
    """A copy of a QueryDict without control characters in its keys and values, or None when it has none."""
    items = list(query.lists())
    if not any(control_characters(key) or any(control_characters(v) for v in values) for key, values in items):
        return None
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in items:
        cleaned.setlist(without_control_characters(key), [without_control_characters(value) for value in values])
    cleaned._mutable = False
    return cleaned


def _clean_query(raw):
    """Whether the query string ``raw`` (as WSGI gives it) holds no control character, read as Django reads
    it (percent-decoded, UTF-8 with replacement) but in one pass, without building the QueryDict: a cached
    page's request never needs it."""
    try:
        decoded = unquote_to_bytes(raw.replace("+", " ").encode("latin-1")).decode("utf-8", "replace")
    except UnicodeEncodeError:
        return False
    return not control_characters(decoded)


class ControlCharactersMiddleware:
    """Flag addresses with control characters; remove them from queries and forms (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if control_characters(request.path) or control_characters(unquote(request.META.get("PATH_INFO", ""))):
            request.refused_address = True
        raw = request.META.get("QUERY_STRING", "")
        if raw and not _clean_query(raw) and (query := _cleaned(request.GET)) is not None:
            request.GET = query
            request.META["QUERY_STRING"] = urlencode(list(query.lists()), doseq=True)
        if request.method == "POST" and request.content_type in FORMS and (form := _cleaned(request.POST)) is not None:
            request.POST = form
        return self.get_response(request)


class RefusedAddressMiddleware:
    """The site's 400 page for an address the edge flagged, instead of resolving it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "refused_address", False):
            from core.views import bad_request

            return bad_request(request)
        return self.get_response(request)
