"""Absolute links from the one configured public origin (``settings.SITE_URL``), never from the request.

A request's ``Host`` and ``X-Forwarded-Proto`` headers are the visitor's to write: a page that built
its canonical link, hreflang alternates, feed or sitemap from them, and was then cached, would serve a
forged origin to everyone after (cache poisoning). So every absolute address comes from here.
"""

import copy
from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """``https://azamat.kz``: scheme and host, no trailing slash."""
    return settings.SITE_URL


def absolute(path):
    """The absolute address of a path on this site."""
    return site_url() + path


def at_origin(request):
    """A copy of ``request`` as if it had come to the public origin, for Django views that build absolute
    links from the request (the sitemaps' and the feeds'); the request itself is not changed."""
    origin = urlsplit(site_url())
    clone = copy.copy(request)
    meta = {
        key: value
        for key, value in request.META.items()
        if key not in ("HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")
    }
    meta.update(
        {
            "HTTP_HOST": origin.netloc,
            "SERVER_NAME": origin.hostname,
            "SERVER_PORT": str(origin.port or (443 if origin.scheme == "https" else 80)),
            "wsgi.url_scheme": origin.scheme,
            "HTTP_X_FORWARDED_PROTO": origin.scheme,
        }
    )
    clone.META = meta
    if hasattr(clone, "environ"):
        clone.environ = meta
    clone._get_scheme = lambda: origin.scheme
    return clone
