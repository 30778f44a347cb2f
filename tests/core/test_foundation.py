"""The portal's skeleton: languages, redirects, alternates, errors, health, headers, settings."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import polib
import pytest
from django.conf import settings
from django.db import OperationalError
from django.utils import translation

BASE_DIR = Path(settings.BASE_DIR)
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("", "/kk/"), ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE,fr;q=0.5", "/kk/")],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("kk", "Құқық пен мемлекеттік қызметтер — түсінікті тілмен"),
        ("ru", "Право и государственные услуги — понятным языком"),
        ("en", "Law and public services, explained"),
    ],
)
def test_home_in_each_language_has_translated_ui_and_lang(client, lang, heading):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html and 'id="main"' in html


def test_hreflang_alternates_and_switcher_keep_the_page(client):
    html = client.get("/ru/").content.decode()
    for code in ("kk", "ru", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/kk/">' in html
    assert '<a href="/kk/" hreflang="kk" lang="kk">Қазақша</a>' in html
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert '<span aria-current="true" lang="ru">Русский</span>' in html


def test_switcher_keeps_the_path_on_deeper_pages(client, rf):
    from core.context_processors import site

    request = rf.get("/en/admin-missing/")
    with translation.override("en"):
        alternates = {alt["code"]: alt["url"] for alt in site(request)["language_alternates"]}
    # A path that does not resolve stays as it is; a resolvable one is translated.
    assert alternates["en"] == "/en/admin-missing/"
    request = rf.get("/en/")
    with translation.override("en"):
        alternates = {alt["code"]: alt["url"] for alt in site(request)["language_alternates"]}
    assert alternates == {"kk": "/kk/", "ru": "/ru/", "en": "/en/"}


@pytest.mark.parametrize(
    ("lang", "text"), [("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")]
)
def test_404_page_in_the_language_of_the_url(client, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert f'<html lang="{lang}">' in html


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_503_when_database_fails(client):
    with mock.patch("core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_security_headers_on_pages(client):
    response = client.get("/kk/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp
    assert directives["frame-ancestors"] == "'none'"


def _settings_in_subprocess(env_overrides, expression):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "AZAMAT_LOCAL", "AZAMAT_HTTPS"}}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key():
    result = _settings_in_subprocess({}, "settings.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_secret_key_and_debug_off():
    result = _settings_in_subprocess({"SECRET_KEY": "x" * 50}, "settings.DEBUG, settings.SECURE_HSTS_SECONDS")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False 0"


def test_https_deployment_switches_on_hsts_and_secure_cookies():
    result = _settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "AZAMAT_HTTPS": "1"},
        "settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "31536000 True True"


def test_hsts_header_sent_over_https_when_enabled(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/kk/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_ui_string_is_translated_and_compiled(lang):
    catalogue = polib.pofile(str(BASE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po"))
    entries = [entry for entry in catalogue if not entry.obsolete]
    assert entries, "the catalogue is empty"
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    with translation.override(lang):
        for entry in entries:
            if entry.msgid_plural:
                continue
            # The compiled .mo must say what the .po says.
            if entry.msgctxt:
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_static_files_served_hashed_and_compressed(client):
    from django.templatetags.static import static

    url = static("css/azamat.css")
    assert url.startswith("/static/css/azamat.") and url != "/static/css/azamat.css"
    html = client.get("/kk/").content.decode()
    assert url in html


def test_whitenoise_serves_the_hashed_file_compressed_and_cacheable(client):
    from django.templatetags.static import static

    response = client.get(static("css/azamat.css"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize(("lang", "text"), [("kk", "Бірдеңе дұрыс болмады"), ("ru", "Что-то пошло не так")])
def test_500_page_in_the_visitors_language(lang, text):
    from django.template.loader import render_to_string

    with translation.override(lang):
        html = render_to_string("500.html")
    assert text in html and f'<html lang="{lang}">' in html


def test_a_request_with_a_host_that_is_not_allowed_gets_the_400_page(client):
    response = client.get("/kk/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "evil.example" not in html and 'hreflang="ru"' in html
