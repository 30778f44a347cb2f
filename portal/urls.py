"""Root URLs. Public pages live under a language prefix; see DESIGN.md for the contract."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.cache import cache_control

from editors import views as editor_views
from portal import views
from portal.api import api
from portal.feeds import WhatChanged
from portal.sitemaps import SITEMAPS
from search.views import search_page

urlpatterns = [
    path("", views.language_redirect, name="language-redirect"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path(
        "sitemap.xml",
        cache_control(public=True, max_age=3600)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_control(public=True, max_age=3600)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
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
    path("search/", search_page, name="search"),
    path("forms/", include("letters.urls")),
    path("feed/", WhatChanged(), name="feed"),
    prefix_default_language=True,
)

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
