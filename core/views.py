"""Site-wide views: the language redirect, the home page, health and error pages, the accessibility
statement, and what reading offline needs (the service worker and the offline page)."""

import hashlib
import json
from datetime import date

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache

from core import registry
from core.content import last_updated, version_label
from core.i18n import LANGUAGE_CODES
from core.origin import at_origin, site_url
from core.structured import website


def language_redirect(request):
    """Send ``/`` to the visitor's language (cookie, then Accept-Language, else Kazakh)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def home(request):
    """The home page: what each app shows there (its ``home`` in ``core.registry``), under its label."""
    context = {label: block(request) for label, block in registry.home_blocks()}
    context["structured_data"] = [website(request, translation.get_language())]
    return render(request, "home.html", context)


@cache_control(public=True, max_age=3600)
def sitemap_index(request, sitemaps, sitemap_url_name):
    """``/sitemap.xml``: Django's sitemap index, its addresses from the public origin."""
    return sitemap_views.index(at_origin(request), sitemaps, sitemap_url_name=sitemap_url_name)


@cache_control(public=True, max_age=3600)
def sitemap_section(request, sitemaps, section):
    """``/sitemap-<section>.xml``: one app's pages, their addresses from the public origin."""
    return sitemap_views.sitemap(at_origin(request), sitemaps, section=section)


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


def _error_page(request, template, status):
    """An error page is not a page of the site: no canonical address (nor og:url) for search engines to
    keep, and its language links lead to the home page in each language (the address was wrong in all)."""
    alternates = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            alternates.append({"code": code, "name": name, "url": reverse("home")})
    context = {"canonical_path": None, "language_alternates": alternates, "default_alternate": alternates[0]["url"]}
    return render(request, template, context, status=status)


def page_not_found(request, exception=None):
    """404 page in the language of the URL; JSON under /api/."""
    if request.path.startswith("/api/"):
        message = "There is no such address in the API; see /api/v1/docs."
        return JsonResponse({"error": "not_found", "message": message, "detail": None}, status=404)
    return _error_page(request, "404.html", 404)


def bad_request(request, exception=None):
    """400 page in the language of the URL; JSON under /api/."""
    if request.path.startswith("/api/"):
        message = "The request could not be understood."
        return JsonResponse({"error": "bad_request", "message": message, "detail": None}, status=400)
    return _error_page(request, "400.html", 400)


@never_cache
def csrf_failure(request, reason=""):
    """A form sent without a valid security token (expired page, cookies blocked): the site's own
    page in the visitor's language, saying what to do; the reason stays in the server log only."""
    return _error_page(request, "403_csrf.html", 403)


ROBOTS = """User-agent: *
# Editors' pages, and downloads and exports that are copies of pages already listed.
Disallow: /admin/
Disallow: /api/v1/export
Disallow: /*/pdf/
Disallow: /*/docx/
# Search results are not pages of their own.
Disallow: /*/search/
# The application forms are pages to find; what people send from them is never a page (POST only).

Sitemap: {origin}/sitemap.xml
"""


def robots_txt(request):
    """``/robots.txt``: what crawlers may read, and where the sitemap is."""
    response = HttpResponse(ROBOTS.format(origin=site_url()), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def manifest(request):
    """``/manifest.webmanifest``: the web app's name and icons, for phones that add it to the home screen."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        data = {
            "id": "/",
            "name": _("Azamat: the Constitution, public services and law, explained"),
            "short_name": _("Azamat"),
            "description": _(
                "The Constitution of Kazakhstan explained, step-by-step guides to public services, and essays on"
                " law and society."
            ),
            "lang": language,
            "start_url": reverse("home"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#005a9c",
            "icons": [
                {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
                for size in (192, 512)
            ]
            + [{"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
        }
    response = JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=604800"
    patch_vary_headers(response, ["Accept-Language"])
    return response


# The day the site was last checked against WCAG 2.1 AA (the accessibility statement says how): editors
# change it when they check again.
ACCESSIBILITY_CHECKED = date(2026, 12, 4)


def accessibility(request):
    """The accessibility statement: what conforms to WCAG 2.1 AA, what does not yet, how it was checked."""
    context = {
        "checked_on": ACCESSIBILITY_CHECKED,
        "statement": f"accessibility/statement_{translation.get_language()}.html",
    }
    return render(request, "accessibility.html", context)


def offline(request):
    """The page the service worker shows when there is no network and the page asked for was not kept."""
    return render(request, "offline.html", {"kept": _kept_paths(translation.get_language())})


# Addresses under a language prefix the service worker never keeps: what readers send or fill in
# (letters, feedback, reminders), and search results (what someone looked for). The admin and the API are
# outside the language prefixes and never kept either; nor is any address with a query.
NEVER_OFFLINE = ("/forms/", "/feedback/", "/reminders/", "/search/")
SERVICE_WORKER_ASSETS = ("css/azamat.css", "js/azamat.js")


def _kept_paths(language):
    """The pages kept for reading offline in ``language`` (each app's ``offline_pages``)."""
    paths = []
    with translation.override(language):
        for name in registry.offline_pages():
            try:
                paths.append(reverse(name))
            except NoReverseMatch:  # an app that is switched off
                continue
    return paths


def _in_each_language(name):
    found = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            found[code] = reverse(name)
    return found


def service_worker(request):
    """``/sw.js``: the service worker (``templates/sw.js``). Its body names the content version, so a change
    of content makes browsers install the new worker, which refreshes the kept pages and drops old caches."""
    offline_pages = _in_each_language("offline")
    config = {
        "languages": list(LANGUAGE_CODES),
        "offline": list(offline_pages.values()),
        "offline_page": offline_pages,
        "keep": {code: _kept_paths(code) for code in LANGUAGE_CODES},
        "never": list(NEVER_OFFLINE),
        "static": settings.STATIC_URL,
        "assets": [static(path) for path in SERVICE_WORKER_ASSETS],
    }
    config_json = json.dumps(config, sort_keys=True)
    template = get_template("sw.js")
    changed = last_updated()
    source = f"{version_label(changed)}|{config_json}|{template.template.source}"
    version = hashlib.sha256(source.encode()).hexdigest()[:16]
    body = template.render({"version": version, "config": config_json})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"  # browsers ask each time whether the worker changed
    return response
