"""The addresses the search page puts in front of its results to learn whether a search helped.

``seen_url``: a 1×1 image the page loads (no JavaScript needed), so each showing counts even when the
page itself comes from the page cache. ``go_url``: a result's link, through a redirect that counts the
click and sends the reader on to the result. Both carry a signature of what they say (the page renders
them, so the page cache keeps them as they are): the count trusts the page that was shown, not a
hand-made address, and needs no second search to check the number of results.
"""

from urllib.parse import urlencode, urlsplit

from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from search.selectors import MAX_QUERY

SALT = "search.links"


def signature(*parts):
    return salted_hmac(SALT, "\x1f".join(str(part) for part in parts)).hexdigest()[:20]


def signed(signature_given, *parts):
    return constant_time_compare(signature_given or "", signature(*parts))


def seen_url(language, query, found):
    query = query[:MAX_QUERY]
    return reverse("search-seen") + "?" + urlencode({"q": query, "n": found, "s": signature(language, query, found)})


def go_url(language, query, path):
    query = query[:MAX_QUERY]
    # "/" may stay as it is in a query: the target reads plainly in the link (and in the status bar).
    signed_query = {"q": query, "to": path, "s": signature(language, query, path)}
    return reverse("search-go") + "?" + urlencode(signed_query, safe="/")


def internal_path(path):
    """``path`` if it is an address on this site (``/ru/guides/eds/``), else None: no scheme, no host,
    no ``//`` or backslash that a browser would read as another host."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith(("//", "/\\")) or "\\" in path:
        return None
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or any(ord(char) < 32 for char in path):
        return None
    return path
