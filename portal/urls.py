"""Root URLs. Public pages live under a language prefix; see DESIGN.md for the contract."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.api import api
from search.views import search_page

urlpatterns = [
    path("", views.language_redirect, name="language-redirect"),
    path("healthz", views.healthz, name="healthz"),
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
    prefix_default_language=True,
)

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
