"""Does an internal link lead to an existing page? (Used when editors save Markdown.)"""

from django.apps import apps


def _exists(label, **lookup):
    return apps.get_model(label)._default_manager.filter(**lookup).exists()


def page_exists(match):
    """Whether the object a resolved URL shows exists; pages without an object always exist."""
    name, kwargs = match.view_name, match.kwargs
    namespace, _, url_name = name.rpartition(":")
    if namespace == "guides" and "slug" in kwargs:
        return _exists("guides.Guide", slug=kwargs["slug"])
    if namespace == "essays" and "slug" in kwargs:
        return _exists("essays.Essay", slug=kwargs["slug"])
    if namespace == "letters" and "slug" in kwargs:
        return _exists("letters.LetterTemplate", slug=kwargs["slug"])
    if namespace == "constitution":
        from constitution.selectors import edition_in_force

        edition = {"year": kwargs["year"]} if "year" in kwargs else {"pk": getattr(edition_in_force(), "pk", None)}
        editions = apps.get_model("constitution.Constitution")._default_manager.filter(**edition)
        if "year" in kwargs and not editions.exists():
            return False
        if url_name.endswith("article"):
            return _exists("constitution.Article", constitution__in=editions, number=kwargs["number"])
        if url_name.endswith("section"):
            return _exists("constitution.Section", constitution__in=editions, number=kwargs["number"])
    return True
