"""The glossary page: every term, alphabetically in the page's language, each at its anchor (its slug)."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from glossary import selectors


def index(request):
    context = {
        "letters": selectors.terms_by_letter(get_language()),
        "breadcrumbs": [{"title": _("Glossary"), "url": ""}],
    }
    return render(request, "glossary/index.html", context)
