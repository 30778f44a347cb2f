"""Nothing lost, nothing breaks: backups restore whatever editors do, bad input never causes a 500.

Each of the seven findings of the robustness review has a test here that failed before its fix.
"""

import io
import json
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.backup import ordered_models
from core.content import content_models
from guides.models import Faq, Guide, Route
from letters.models import LetterTemplate
from tests.adminforms import change_form, save
from tests.core.test_backup import bundled_export, counts, export_text, wipe
from tests.letters.test_views import URL as LETTER_URL
from tests.letters.test_views import filled
from tests.readback import docx_text

pytestmark = pytest.mark.django_db


# --- 1. A letter's fields and its text stay consistent ----------------------------------------


def _letter_form(editor):
    letter = LetterTemplate.objects.get(slug="lost-id-card")
    url = f"/admin/letters/lettertemplate/{letter.pk}/change/"
    return letter, url, change_form(editor, url, "lettertemplate_form")


def _field_index(data, name):
    return next(key.split("-")[1] for key, value in data.items() if key.endswith("-name") and value == name)


def test_the_admin_refuses_to_delete_a_field_the_letter_text_uses(editor):
    letter, url, data = _letter_form(editor)
    data[f"fields-{_field_index(data, 'phone')}-DELETE"] = "on"
    response = save(editor, url, data)
    assert response.status_code == 200
    assert "The letter text uses {phone}" in response.content.decode()
    assert letter.fields.filter(name="phone").exists()


def test_the_admin_refuses_to_rename_a_field_the_letter_text_uses(editor):
    letter, url, data = _letter_form(editor)
    data[f"fields-{_field_index(data, 'phone')}-name"] = "telephone"
    response = save(editor, url, data)
    assert response.status_code == 200 and "{phone}" in response.content.decode()
    assert letter.fields.filter(name="phone").exists() and not letter.fields.filter(name="telephone").exists()


def test_a_new_field_can_be_added_and_used_in_the_same_save_and_an_unused_one_deleted(editor):
    letter, url, data = _letter_form(editor)
    total = int(data["fields-TOTAL_FORMS"])
    data.update(
        {
            "fields-TOTAL_FORMS": str(total + 1),
            f"fields-{total}-name": "email",
            f"fields-{total}-kind": "text",
            f"fields-{total}-order": str(total + 1),
            f"fields-{total}-label_kk": "Электрондық пошта",
            f"fields-{total}-label_ru": "Электронная почта",
            f"fields-{total}-label_en": "E-mail",
            f"fields-{total}-letter": str(letter.pk),
            "body_en": data["body_en"].replace("Phone: {phone}", "Phone: {phone}\nE-mail: {email}"),
        }
    )
    response = save(editor, url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert letter.fields.filter(name="email").exists()
    # Text first, then the field: taking {email} out of the text and deleting the field in one save works.
    data = change_form(editor, url, "lettertemplate_form")
    data["body_en"] = data["body_en"].replace("\nE-mail: {email}", "")
    data[f"fields-{_field_index(data, 'email')}-DELETE"] = "on"
    assert save(editor, url, data).status_code == 302
    assert not letter.fields.filter(name="email").exists()


def test_an_import_refuses_a_letter_whose_text_uses_a_missing_field(tmp_path):
    document = json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))
    fields = document["models"]["letters.letterfield"]
    document["models"]["letters.letterfield"] = [f for f in fields if f["fields"]["name"] != "phone"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    wipe()
    with pytest.raises(CommandError, match=r"nothing imported: .*uses \{phone\}, which is not one of its fields"):
        call_command("import_content", str(broken), stdout=io.StringIO())
    assert sum(counts().values()) == 0


def test_what_editors_can_do_in_the_admin_always_restores_byte_for_byte(editor, tmp_path):
    """Export → import into an empty database → export gives the same bytes, after the admin actions
    that change structure: inline deletes and additions, reordering, drafts, a deleted guide."""
    route = Route.objects.get(guide__slug="eds", order=1)
    url = f"/admin/guides/route/{route.pk}/change/"
    data = change_form(editor, url, "route_form")
    data["steps-0-DELETE"] = "on"  # delete a step
    data["steps-1-order"], data["steps-2-order"] = data["steps-2-order"], data["steps-1-order"]  # reorder
    assert save(editor, url, data).status_code == 302
    guide = Guide.objects.get(slug="bank-account")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    total = int(data["faqs-TOTAL_FORMS"])
    data.update(
        {
            "faqs-TOTAL_FORMS": str(total + 1),
            f"faqs-{total}-question_kk": "Жаңа сұрақ?",
            f"faqs-{total}-answer_kk": "Жаңа жауап.",
            f"faqs-{total}-question_ru": "Новый вопрос?",
            f"faqs-{total}-answer_ru": "Новый ответ.",
            f"faqs-{total}-order": str(total + 1),
            f"faqs-{total}-guide": str(guide.pk),
            "status": "draft",
        }
    )
    response = save(editor, url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Faq.objects.filter(question_ru="Новый вопрос?").exists()
    lost = Guide.objects.get(slug="lost-id-card")
    assert editor.post(f"/admin/guides/guide/{lost.pk}/delete/", {"post": "yes"}).status_code == 302
    _letter, letter_url, data = _letter_form(editor)
    data["title_en"] = "Statement on a lost identity card (edited)"
    assert save(editor, letter_url, data).status_code == 302

    first = export_text(tmp_path, "first.json")
    before = counts()
    wipe()
    call_command("import_content", str(first), stdout=io.StringIO())
    assert counts() == before
    assert export_text(tmp_path, "second.json").read_bytes() == first.read_bytes()


# --- 2. Control characters never reach Word or PDF ----------------------------------------------


@pytest.mark.parametrize("character", ["\x0b", "\x01", "\x1b", "\ufffe", "\x00"])
def test_a_control_character_in_the_letter_form_is_taken_out_and_the_rest_kept(client, character):
    response = client.post(
        LETTER_URL.format(lang="en"), filled(circumstances=f"Lost{character} on a bus", format="docx")
    )
    assert response.status_code == 200  # removed at the edge (core.edge): the letter is made without it
    text = docx_text(response.content)
    assert "Lost on a bus" in text and character not in text


def test_control_characters_an_editor_pastes_are_taken_out(editor):
    guide = Guide.objects.get(slug="eds")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    data["title_ru"] = "ЭЦП\x0b как получить"
    assert save(editor, url, data).status_code == 302
    assert Guide.objects.get(pk=guide.pk).title_ru == "ЭЦП как получить"


def test_an_import_refuses_control_characters(tmp_path):
    document = json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))
    document["models"]["guides.guide"][0]["fields"]["title_ru"] = "Заголовок\x01"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    wipe()
    with pytest.raises(CommandError, match=r"control characters \(U\+0001\)"):
        call_command("import_content", str(broken), stdout=io.StringIO())


def test_a_control_character_that_slipped_in_never_breaks_a_download(client):
    Guide.objects.filter(slug="eds").update(title_ru="Электронная\x0b подпись\x1b")
    for fmt in ("docx", "pdf"):
        response = client.get(f"/ru/guides/eds/{fmt}/")
        assert response.status_code == 200, fmt
    assert "Электронная подпись" in docx_text(client.get("/ru/guides/eds/docx/").content)


# --- 3 and 4. Imports refuse what they cannot restore, with a reason, never a traceback -------


def _write(tmp_path, content, name="file.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _refused(path, *args):
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path), *args, stdout=io.StringIO())
    assert str(error.value).startswith("nothing imported: ")
    assert counts() == before
    return str(error.value)


def _document(tmp_path):
    return json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))


def test_replace_refuses_a_file_without_models_or_with_only_some(tmp_path):
    document = _document(tmp_path)
    empty = {**document, "models": {}}
    assert "lacks models" in _refused(_write(tmp_path, json.dumps(empty)), "--replace")
    one = {**document, "models": {"guides.guide": document["models"]["guides.guide"]}}
    assert "constitution.article" in _refused(_write(tmp_path, json.dumps(one)), "--replace")


def test_duplicate_primary_keys_and_unique_values_are_refused(tmp_path):
    document = _document(tmp_path)
    guides = document["models"]["guides.guide"]
    twin = json.loads(json.dumps(guides[0]))
    guides.append(twin)
    assert "the same primary key appears twice" in _refused(_write(tmp_path, json.dumps(document)), "--replace")
    twin["pk"] = 99999
    assert "share slug=" in _refused(_write(tmp_path, json.dumps(document)), "--replace")


def test_replace_saves_the_current_content_first_and_says_where(tmp_path, settings):
    settings.AZAMAT_BACKUP_DIR = str(tmp_path / "backups")
    path = bundled_export(tmp_path)
    out = io.StringIO()
    call_command("import_content", str(path), "--replace", stdout=out)
    saved = list((tmp_path / "backups").glob("content-before-replace-*.json"))
    assert len(saved) == 1 and str(saved[0]) in out.getvalue()
    assert saved[0].read_bytes() == path.read_bytes()  # the content it replaced, exactly


def _deep(depth):
    return '{"format": "azamat-content", "version": 1, "models": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: b"\xff\xfe{" + json.dumps(d).encode(), "not UTF-8"),
        (lambda d: json.dumps(d)[: len(json.dumps(d)) // 2], "not JSON"),
        (lambda d: _deep(200_000), "nested too deeply"),
        (lambda d: d["models"]["guides.guide"][0].update(fields=[1, 2]) or json.dumps(d), "shape"),
        (lambda d: d["models"]["guides.guide"][0]["fields"].update(colour="red") or json.dumps(d), "colour"),
        (lambda d: d["models"]["guides.step"][0]["fields"].update(route=987654) or json.dumps(d), "link|invalid"),
        (lambda d: d["models"]["guides.guide"][0]["fields"].update(order=10**30) or json.dumps(d), "guides.guide|int"),
        (lambda d: d["models"]["guides.guide"][0].update(pk={"a": 1}) or json.dumps(d), "primary key"),
    ],
    ids=["utf8", "truncated", "nesting", "fields-list", "unknown-field", "dangling-fk", "huge-int", "pk-object"],
)
def test_a_malformed_file_is_refused_with_a_reason_and_changes_nothing(tmp_path, make, reason):
    content = make(_document(tmp_path))
    message = _refused(_write(tmp_path, content), "--replace")
    assert re.search(reason, message), message


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (
            lambda d: d["models"]["essays.essay"][0]["fields"]["related_articles"].append(999999),
            r"essays\.essay \d+: related_articles points to constitution\.article 999999",
        ),
        (
            lambda d: d["models"]["glossary.term"][0]["fields"].update(related_guide="424242"),
            r"glossary\.term \d+: related_guide points to guides\.guide '424242'",
        ),
        (
            lambda d: d["models"]["guides.faq"][0]["fields"].update(answer_kk="Жауап\x07"),
            r"guides\.faq \d+: answer_kk contains control characters \(U\+0007\)",
        ),
    ],
    ids=["many-to-many", "foreign-key-as-text", "control-character"],
)
def test_a_file_that_would_fail_on_a_link_or_a_character_costs_no_backup_and_writes_nothing(
    tmp_path, settings, damage, reason
):
    """Found in the file itself, before --replace saves the current content and deletes it."""
    settings.AZAMAT_BACKUP_DIR = str(tmp_path / "backups")
    document = _document(tmp_path)
    damage(document)
    with CaptureQueriesContext(connection) as queries:
        message = _refused(_write(tmp_path, json.dumps(document)), "--replace")
    assert re.search(reason, message), message
    assert not (tmp_path / "backups").exists()
    assert not [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_malformed_files_into_an_empty_database_leave_it_empty(tmp_path):
    document = _document(tmp_path)
    document["models"]["guides.step"][0]["fields"]["route"] = 987654
    wipe()
    _refused(_write(tmp_path, json.dumps(document)))
    assert sum(counts().values()) == 0


def test_every_content_model_is_in_the_export(tmp_path):
    document = _document(tmp_path)
    assert set(document["models"]) == {model._meta.label_lower for model in content_models()}
    assert len(ordered_models()) == len(content_models())


# --- 5. No link that leaves the site -----------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["//evil.example/", "/\\evil.example/", "//evil.example/kk/", "///evil.example", "//kk/x"]
)
def test_an_address_that_looks_like_another_site_gets_no_off_site_links(client, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    html = response.content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    assert links and not [link for link in links if link.startswith(("//", "/\\")) or "evil.example" in link]
    switcher = re.findall(r'<a href="([^"]*)" hreflang="(?:ru|en)"', html)
    assert len(switcher) == 2 and all(link.startswith(("/ru/", "/en/")) for link in switcher)


# --- 6. The host is checked before the cache answers -------------------------------------------


def test_a_cached_page_is_not_served_to_a_disallowed_host(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hosts"}}
    cache.clear()
    assert client.get("/kk/").status_code == 200  # now cached
    assert client.get("/kk/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/api/v1/guides", HTTP_HOST="evil.example").status_code == 400
    cache.clear()


# --- 7. Error pages and odd input --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [("kk", "Форма жіберілмеді"), ("ru", "Форму не удалось отправить")])
def test_the_csrf_failure_page_is_the_sites_own_in_the_visitors_language(lang, text):
    response = Client(enforce_csrf_checks=True).post(LETTER_URL.format(lang=lang), filled())
    assert response.status_code == 403
    html = response.content.decode()
    assert text in html and f'<html lang="{lang}">' in html
    assert "<style" not in html and 'rel="stylesheet"' in html


def test_a_nul_character_never_reaches_the_html(client):
    for query in ("%00", "abc%00def", "%00%01%1b"):
        response = client.get(f"/kk/search/?q={query}")
        assert response.status_code == 200
        assert "\x00" not in response.content.decode() and "\x1b" not in response.content.decode()
    assert "\x00" not in client.get("/api/v1/search?q=%00abc").content.decode()


@pytest.mark.parametrize("method", ["put", "post", "patch", "delete"])
def test_api_errors_are_json_for_every_method(client, method):
    response = getattr(client, method)("/api/v1/guides")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"] == "method_not_allowed" and "GET" in response["Allow"]


def test_an_oversized_field_is_not_echoed_back(client):
    huge = "Ж" * 500_000  # a megabyte of UTF-8
    response = client.post(LETTER_URL.format(lang="ru"), filled(full_name=huge))
    assert response.status_code == 400
    assert len(response.content) < 100_000 and "ЖЖЖ" in response.content.decode()
    assert "Текст длиннее 200 символов: сохранено только начало" in response.content.decode()
