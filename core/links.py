"""Does an internal link lead to an existing page? (Used when editors save Markdown.)"""

from core import registry


def page_exists(match):
    """Whether the object a resolved URL shows exists; pages without an object always exist.

    The app that owns the URL's namespace answers (its ``page_exists`` in ``core.registry``)."""
    namespace, _, url_name = match.view_name.rpartition(":")
    check = registry.page_exists_for(namespace)
    return check(url_name, match.kwargs) if check else True
