"""The admin in each editor's own language."""

from django.utils import translation

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    """On admin pages, the language an editor chose (``EditorPreference``); before they choose, the
    browser's, as LocaleMiddleware found it. Public pages keep the language of their address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and request.user.is_authenticated and request.user.is_staff:
            preference = getattr(request.user, "editor_preference", None)
            if preference is not None:
                translation.activate(preference.language)
                request.LANGUAGE_CODE = preference.language
        return self.get_response(request)
