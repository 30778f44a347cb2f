"""Root URLs: the one place, with the settings, that names every app. Public pages live under a
language prefix; see DESIGN.md for the contract."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core import views
from core.api import api
from core.feeds import WhatChanged
from core.sitemaps import sitemaps
from editors import views as editor_views
from search import views as search_views

SITEMAPS = sitemaps()

urlpatterns = [
    path("", views.language_redirect, name="language-redirect"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path(
        "sitemap.xml",
        views.sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", views.sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("admin/language/", editor_views.set_language, name="editors-language"),
    path("admin/guide/", editor_views.guide, name="editors-guide"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("constitution/", include("constitution.urls")),
    path("guides/", include("guides.urls")),
    path("essays/", include("essays.urls")),
    path("search/", search_views.search_page, name="search"),
    path("search/seen/", search_views.seen, name="search-seen"),
    path("search/go/", search_views.go, name="search-go"),
    path("forms/", include("letters.urls")),
    path("answers/", include("answers.urls")),
    path("reminders/", include("answers.reminder_urls")),
    path("glossary/", include("glossary.urls")),
    path("feedback/", include("feedback.urls")),
    path("feed/", WhatChanged(), name="feed"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("offline/", views.offline, name="offline"),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
