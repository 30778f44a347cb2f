"""Does an internal link lead to an existing page (used when editors save Markdown), and which object
does a page show (a reader's report links to it in the admin)?"""

from django.urls import Resolver404, resolve
from django.utils import translation

from core import registry


def page_exists(match):
    """Whether the object a resolved URL shows exists; pages without an object always exist.

    The app that owns the URL's namespace answers (its ``page_exists`` in ``core.registry``)."""
    namespace, _, url_name = match.view_name.rpartition(":")
    check = registry.page_exists_for(namespace)
    return check(url_name, match.kwargs) if check else True


def object_of(path):
    """The object the public page at ``path`` (with its language: ``/ru/guides/eds/``) shows, or None: a
    page without an object, an address that is no page, or an app that does not say (``page_object``)."""
    path = path.split("?")[0]
    try:
        with translation.override(translation.get_language_from_path(path)):  # a language prefix resolves in its own
            match = resolve(path)
    except Resolver404:
        return None
    namespace, _, url_name = match.view_name.rpartition(":")
    find = registry.page_object_for(namespace)
    return find(url_name, match.kwargs) if find else None
