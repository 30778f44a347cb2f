"""Site-wide views: the language redirect, the home page, health and error pages."""

from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache


def language_redirect(request):
    """Send ``/`` to the visitor's language (cookie, then Accept-Language, else Kazakh)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def home(request):
    """The home page: the three areas of the portal."""
    from constitution.selectors import home_summary
    from guides.selectors import featured_guides

    return render(request, "home.html", {"constitution": home_summary(), "guides": featured_guides()})


@never_cache
def healthz(request):
    """Liveness and database check for load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable", "detail": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    """404 page in the language of the URL; JSON under /api/."""
    if request.path.startswith("/api/"):
        message = "There is no such address in the API; see /api/v1/docs."
        return JsonResponse({"error": "not_found", "message": message, "detail": None}, status=404)
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """400 page in the language of the URL; JSON under /api/."""
    if request.path.startswith("/api/"):
        message = "The request could not be understood."
        return JsonResponse({"error": "bad_request", "message": message, "detail": None}, status=400)
    return render(request, "400.html", status=400)


@never_cache
def csrf_failure(request, reason=""):
    """A form sent without a valid security token (expired page, cookies blocked): the site's own
    page in the visitor's language, saying what to do; the reason stays in the server log only."""
    return render(request, "403_csrf.html", status=403)
