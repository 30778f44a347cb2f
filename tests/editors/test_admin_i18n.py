"""Editors work in their own language: the admin in Kazakh, Russian or English, chosen per editor,
branded as Azamat, with translated fields grouped by language and an editor's guide."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client

from editors.models import EditorPreference
from guides.models import Guide

pytestmark = pytest.mark.django_db
SUPPLEMENT = Path(settings.BASE_DIR) / "editors" / "translations" / "kk" / "LC_MESSAGES"


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.mark.parametrize(
    ("browser", "expected"),
    [("kk", "Порталдың мазмұны | Азамат редакторлары"), ("ru", "Содержание портала | Редакторы Азамата")],
)
def test_before_choosing_the_admin_speaks_the_browsers_language(editor_user, browser, expected):
    client = Client(HTTP_ACCEPT_LANGUAGE=browser)
    client.force_login(editor_user)
    html = client.get("/admin/").content.decode()
    assert title(html) == expected and f'<html lang="{browser}"' in html
    assert "Azamat: editors" not in html and "Django" not in title(html)


def test_the_choice_is_kept_on_the_account_and_public_pages_keep_their_language(editor_user):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(editor_user)
    response = browser.post("/admin/language/", {"language": "kk", "next": "/admin/guides/guide/"})
    assert response.status_code == 302 and response["Location"] == "/admin/guides/guide/"
    assert EditorPreference.objects.get(user=editor_user).language == "kk"
    other_browser = Client(HTTP_ACCEPT_LANGUAGE="ru")
    other_browser.force_login(editor_user)
    html = other_browser.get("/admin/guides/guide/").content.decode()
    assert '<html lang="kk"' in html and "Өзгерту үшін" in html  # Django's own admin strings too
    assert '<html lang="en"' in other_browser.get("/en/guides/").content.decode()


def test_the_switcher_refuses_unknown_languages_and_foreign_addresses(editor):
    assert editor.post("/admin/language/", {"language": "xx"}).status_code == 400
    response = editor.post("/admin/language/", {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"
    assert Client().post("/admin/language/", {"language": "ru"}).status_code == 302  # to the login page
    assert editor.get("/admin/language/").status_code == 405


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_header_has_the_switcher_the_guide_and_the_site_in_the_editors_language(editor_user, language):
    EditorPreference.objects.create(user=editor_user, language=language)
    client = Client()
    client.force_login(editor_user)
    html = client.get("/admin/").content.decode()
    assert 'action="/admin/language/"' in html and 'value="kk"' in html and 'value="ru"' in html
    assert f'<a href="/{language}/">' in html  # the public site, in the same language
    assert 'href="/admin/guide/"' in html


@pytest.mark.parametrize(
    ("language", "heading"),
    [("kk", "Жобалар және жариялау"), ("ru", "Черновики и публикация"), ("en", "Drafts and publishing")],
)
def test_the_editors_guide_in_three_languages(editor_user, language, heading):
    EditorPreference.objects.create(user=editor_user, language=language)
    client = Client()
    client.force_login(editor_user)
    html = client.get("/admin/guide/").content.decode()
    assert f"<h2>{heading}</h2>" in html and f'lang="{language}"' in html
    assert Client().get("/admin/guide/").status_code == 302  # editors only


def test_content_forms_group_translations_without_a_cdn(editor):
    guide = Guide.objects.get(slug="eds")
    html = editor.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert any("azamat/admin-translations" in src for src in scripts)
    assert not [src for src in scripts if src.startswith(("http", "//"))]  # nothing the CSP would block
    assert "mt-field-title-kk" in html and "mt-field-title-ru" in html
    catalogue = editor.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="kk")
    assert catalogue.status_code == 200


def test_the_kazakh_admin_catalogue_is_complete_and_clean():
    for name in ("django.po", "djangojs.po"):
        catalogue = polib.pofile(str(SUPPLEMENT / name))
        assert len(catalogue) > 50 and not catalogue.untranslated_entries() and not catalogue.fuzzy_entries()
        for entry in catalogue:
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                assert not re.search(r"[а-яәғқңөұүһі][a-z]|[a-z][а-яәғқңөұүһі]", text, re.I), text
                assert (
                    sorted(re.findall(r"%\(\w+\)[sd]|%[sd]|\{\w+\}", text))
                    == sorted(
                        re.findall(
                            r"%\(\w+\)[sd]|%[sd]|\{\w+\}", entry.msgid_plural if entry.msgid_plural else entry.msgid
                        )
                    )
                    or entry.msgid_plural
                ), entry.msgid


@pytest.mark.parametrize("path", ["/admin/", "/admin/guides/guide/", "/admin/guides/guide/{pk}/change/"])
def test_no_english_admin_words_in_kazakh(editor_user, path):
    EditorPreference.objects.create(user=editor_user, language="kk")
    client = Client()
    client.force_login(editor_user)
    html = client.get(path.format(pk=Guide.objects.get(slug="eds").pk)).content.decode()
    visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
    for english in (
        "Save and continue editing",
        "Delete",
        "History",
        "Log out",
        "Recent actions",
        "Add guide",
        "Filter",
    ):
        assert english not in visible, english
