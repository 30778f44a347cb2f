"""Template context every page needs: language alternates and the data's date."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from portal.content import last_updated


def site(request):
    """Alternate URLs of the current page in every language, for hreflang and the switcher."""
    alternates = [
        {"code": code, "name": name, "url": translate_url(request.path, code)} for code, name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "default_alternate": alternates[0]["url"],
        "content_last_updated": SimpleLazyObject(last_updated),
    }
