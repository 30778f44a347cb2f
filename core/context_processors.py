"""Template context every page needs: language alternates and the data's date."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core.content import last_updated
from core.i18n import LOCALES
from core.middleware import LANGUAGE_PREFIX
from core.origin import site_url
from core.text import without_control_characters


def _last_updated(request):
    """The cache middleware has already read it for this request; otherwise one query."""
    if hasattr(request, "content_changed"):
        return request.content_changed
    return last_updated()


def alternate_url(path, language):
    """The address of the page at ``path`` in ``language``.

    Never a path that a browser would read as another site's address (``//host/``, ``/\\host/``):
    the 404 page of ``//evil.example/`` must not offer a language link that leaves the site. A path
    outside the language prefixes gets the home page of that language.
    """
    local = "/" + without_control_characters(path).lstrip("/\\")
    match = LANGUAGE_PREFIX.match(local)
    if not match:
        with translation.override(language):
            return reverse("home")
    translated = translate_url(local, language)
    if translated == local:  # not a page: keep the rest of the path under the other language
        translated = f"/{language}/" + local[match.end() :]
    return translated


def site(request):
    """Alternate URLs of the current page in every language, for hreflang and the switcher."""
    alternates = [
        {"code": code, "name": name, "url": alternate_url(request.path, code)} for code, name in settings.LANGUAGES
    ]
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "site_origin": site_url(),
        # Only a page that exists has a canonical address (an error page has none to offer).
        "canonical_path": request.path if getattr(request, "resolver_match", None) else None,
        "og_locale": LOCALES.get(language, LOCALES["kk"]),
        "og_locale_alternates": [locale for code, locale in LOCALES.items() if code != language],
        "language_alternates": alternates,
        "default_alternate": alternates[0]["url"],
        "content_last_updated": SimpleLazyObject(lambda: _last_updated(request)),
    }
