"""Which published pages link to an item: asked when an editor hides it (a draft is a 404 for readers)."""

from django.db.models import CharField, Q, TextField
from django.utils import translation

from core import registry
from core.i18n import LANGUAGE_CODES

LIMIT = 50


def _page_of(obj, depth=3):
    """The page an object belongs to: itself if it has one, else the page of what it is part of (a step's
    guide through its route), or None."""
    if hasattr(obj, "get_absolute_url"):
        return obj
    if depth == 0:
        return None
    for field in obj._meta.concrete_fields:
        if field.many_to_one and (parent := getattr(obj, field.name, None)) is not None:
            if (page := _page_of(parent, depth - 1)) is not None:
                return page
    return None


def _is_public(page):
    return getattr(page, "status", "published") == "published"


def _paths(obj):
    """The item's address in every language, without the language prefix (``/guides/eds/``)."""
    paths = set()
    for code in LANGUAGE_CODES:
        with translation.override(code):
            paths.add(obj.get_absolute_url().removeprefix(f"/{code}"))
    return paths


def pages_linking_to(obj):
    """Published pages (other than ``obj``'s own) whose text links to ``obj``'s page, or that name it as
    related (an essay's related guides, a letter's guide), in a stable order."""
    found = {}

    def add(candidate):
        page = _page_of(candidate)
        if page is not None and page != obj and _is_public(page):
            found[(page._meta.label, page.pk)] = page

    paths = _paths(obj)
    for model in registry.content_models():
        texts = [f.name for f in model._meta.concrete_fields if isinstance(f, (CharField, TextField))]
        condition = Q()
        for name in texts:
            for path in paths:
                condition |= Q(**{f"{name}__contains": f"{path})"}) | Q(**{f"{name}__contains": f"{path}#"})
        if texts:
            for candidate in model._default_manager.filter(condition)[:LIMIT]:
                add(candidate)
    for relation in obj._meta.related_objects:
        if relation.related_model._meta.app_label not in registry.content_labels():
            continue
        accessor = relation.get_accessor_name()
        related = getattr(obj, accessor, None)
        if related is None:
            continue
        if relation.one_to_one:
            add(related)
            continue
        for candidate in related.all()[:LIMIT]:
            add(candidate)
    return sorted(found.values(), key=lambda page: (page._meta.verbose_name, str(page)))
