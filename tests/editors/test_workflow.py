"""The editors' workflow, tested as an editor (staff, in the Editors group, not a superuser)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from reversion.models import Version

from editors.roles import EDITORS, editor_permission_codenames
from guides.models import Guide, Route, Step
from tests.adminforms import PASSWORD, change_form, save

pytestmark = pytest.mark.django_db
# --- Roles ---------------------------------------------------------------------------------------


def test_the_editors_group_has_exactly_the_content_permissions():
    group = Group.objects.get(name=EDITORS)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert granted == editor_permission_codenames(ContentType.objects.all())
    assert ("guides", "change_guide") in granted and ("guides", "delete_step") in granted
    assert ("guides", "view_mcirate") in granted and ("guides", "change_mcirate") not in granted
    assert not any(app in ("auth", "axes", "admin", "sessions") for app, _ in granted)


def test_an_editor_cannot_manage_accounts_or_the_mci_table(editor):
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403
    assert editor.get("/admin/").status_code == 200
    rate = Permission.objects.get(codename="change_mcirate")
    assert rate not in Group.objects.get(name=EDITORS).permissions.all()


def test_admin_pages_are_never_cached(editor):
    guide = Guide.objects.get(slug="eds")
    response = editor.get(f"/admin/guides/guide/{guide.pk}/change/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


# --- Editing and ordering ------------------------------------------------------------------------


def test_an_editor_edits_a_step_and_reorders_steps_and_the_public_page_follows(editor, client):
    route = Route.objects.get(guide__slug="eds", order=1)
    url = f"/admin/guides/route/{route.pk}/change/"
    data = change_form(editor, url, "route_form")
    steps = list(route.steps.order_by("order"))
    first, second = data["steps-0-id"], data["steps-1-id"]
    assert (int(first), int(second)) == (steps[0].pk, steps[1].pk)
    data["steps-0-title_en"] = "Install NCALayer first of all"
    data["steps-0-order"], data["steps-1-order"] = data["steps-1-order"], data["steps-0-order"]  # drag and drop
    response = save(editor, url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/en/guides/eds/").content.decode()
    assert "Install NCALayer first of all" in html
    assert html.index(escape(steps[1].title_en)) < html.index("Install NCALayer first of all")


def test_mixed_script_text_is_refused_with_a_message(editor):
    guide = Guide.objects.get(slug="eds")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    data["title_kk"] = "Электрондық цифрлық қoлтаңба"  # a Latin "o"
    response = save(editor, url, data)
    assert response.status_code == 200
    assert "Latin or Arabic letters inside Cyrillic words" in response.content.decode()
    assert "қoлтаңба" in response.content.decode()
    guide.refresh_from_db()
    assert guide.title_kk == "Электрондық цифрлық қолтаңба (ЭЦҚ) алу"


def test_broken_internal_links_and_bad_urls_are_refused(editor):
    route = Route.objects.get(guide__slug="eds", order=1)
    url = f"/admin/guides/route/{route.pk}/change/"
    data = change_form(editor, url, "route_form")
    data["advantages_en"] = "See [the guide](/en/guides/no-such-guide/) and [this](htp:/broken)."
    response = save(editor, url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Broken link /en/guides/no-such-guide/" in html and "Broken link htp:/broken" in html
    data["advantages_en"] = "See [the guide](/en/guides/lost-id-card/) and [article 13](/en/constitution/article/13/)."
    assert save(editor, url, data).status_code == 302


def test_a_published_item_needs_its_kazakh_text(editor):
    guide = Guide.objects.get(slug="bank-account")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    data["audience_kk"] = ""
    response = save(editor, url, data)
    assert "A published item needs its Kazakh text here." in response.content.decode()
    data["status"] = "draft"  # a draft may wait for its translation
    assert save(editor, url, data).status_code == 302


# --- Drafts and preview --------------------------------------------------------------------------


def test_a_draft_is_404_publicly_but_previewable_and_bulk_publish_works(editor, client):
    guide = Guide.objects.get(slug="eds")
    response = editor.post("/admin/guides/guide/", {"action": "unpublish", "_selected_action": [guide.pk], "index": 0})
    assert response.status_code == 302
    assert client.get("/kk/guides/eds/").status_code == 404
    assert client.get("/kk/guides/eds/pdf/").status_code == 404
    preview = editor.get("/kk/guides/eds/")
    assert preview.status_code == 200 and "draft-banner" in preview.content.decode()
    changelist = editor.get("/admin/guides/guide/").content.decode()
    assert "draft" in changelist.lower()
    editor.post("/admin/guides/guide/", {"action": "publish", "_selected_action": [guide.pk], "index": 0})
    assert client.get("/kk/guides/eds/").status_code == 200


def test_the_change_page_links_to_the_page_on_the_site(editor):
    guide = Guide.objects.get(slug="eds")
    html = editor.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    assert f"/admin/r/{ContentType.objects.get_for_model(Guide).pk}/{guide.pk}/" in html


# --- History, undo, recovery ---------------------------------------------------------------------


def test_revert_restores_an_earlier_text(editor, client):
    guide = Guide.objects.get(slug="eds")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    for title in ("Version A of the title", "Version B of the title"):
        data = change_form(editor, url, "guide_form")
        data["title_en"] = title
        assert save(editor, url, data).status_code == 302
    versions = list(Version.objects.get_for_object(guide))  # newest first: B, A, the bundled one
    assert len(versions) == 3 and versions[2].revision.comment == "Bundled content"
    history = editor.get(f"{url.replace('/change/', '/history/')}").content.decode()
    assert f"history/{versions[1].pk}/" in history
    revision_url = f"/admin/guides/guide/{guide.pk}/history/{versions[1].pk}/"
    data = change_form(editor, revision_url, "guide_form")
    assert data["title_en"] == "Version A of the title"
    assert save(editor, revision_url, data).status_code == 302
    guide.refresh_from_db()
    assert guide.title_en == "Version A of the title"
    assert "Version A of the title" in client.get("/en/guides/eds/").content.decode()


def test_a_deleted_guide_can_be_recovered_with_its_steps(editor, client):
    guide = Guide.objects.get(slug="lost-id-card")
    steps = Step.objects.filter(route__guide=guide).count()
    assert editor.post(f"/admin/guides/guide/{guide.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Guide.objects.filter(slug="lost-id-card").exists()
    assert client.get("/en/guides/lost-id-card/").status_code == 404
    recover_list = editor.get("/admin/guides/guide/recover/").content.decode()
    version = Version.objects.get_deleted(Guide).get(object_id=str(guide.pk))
    assert f"recover/{version.pk}/" in recover_list
    recover_url = f"/admin/guides/guide/recover/{version.pk}/"
    assert save(editor, recover_url, change_form(editor, recover_url, "guide_form")).status_code == 302
    restored = Guide.objects.get(slug="lost-id-card")
    assert Step.objects.filter(route__guide=restored).count() == steps
    assert client.get("/en/guides/lost-id-card/").status_code == 200


# --- Translations at a glance --------------------------------------------------------------------


def test_missing_translations_show_in_a_column_a_filter_and_the_dashboard(editor):
    Guide.objects.filter(slug="bank-account").update(summary_en="")
    changelist = editor.get("/admin/guides/guide/?missing=en").content.decode()
    assert "missing: en" in changelist
    assert Guide.objects.get(slug="bank-account").title_en in changelist
    assert Guide.objects.get(slug="eds").title_en not in changelist
    complete = editor.get("/admin/guides/guide/?missing=kk").content.decode()
    assert Guide.objects.get(slug="bank-account").title_en not in complete
    dashboard = editor.get("/admin/").content.decode()
    assert "editorial-dashboard" in dashboard and "missing: en" in dashboard


def test_the_dashboard_lists_guides_not_reviewed_for_a_year(editor):
    Guide.objects.filter(slug="eds").update(last_reviewed=timezone.localdate() - timedelta(days=400))
    dashboard = editor.get("/admin/").content.decode()
    section = dashboard[dashboard.index("editorial-dashboard") :]
    assert Guide.objects.get(slug="eds").title_en in section[: section.index("</ul>")]


# --- Logins --------------------------------------------------------------------------------------


def test_the_sixth_wrong_password_locks_the_account_out(editor_user):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    for attempt in range(5):
        response = browser.post("/admin/login/?next=/admin/", {"username": "editor", "password": f"wrong{attempt}"})
        assert response.status_code == 200, attempt  # the login form again
    locked = browser.post("/admin/login/?next=/admin/", {"username": "editor", "password": "wrong again"})
    assert locked.status_code == 429 and "locked" in locked.content.decode()
    still = Client().post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    assert still.status_code == 429
    assert Client().get("/admin/").status_code == 302  # not logged in


def test_a_right_password_after_a_few_mistakes_still_works(editor_user):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    for attempt in range(3):
        browser.post("/admin/login/?next=/admin/", {"username": "editor", "password": f"wrong{attempt}"})
    response = browser.post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302 and browser.get("/admin/").status_code == 200


def test_save_messages_are_translated_for_kazakh_editors(editor_user):
    kazakh = Client(HTTP_ACCEPT_LANGUAGE="kk")
    kazakh.force_login(editor_user)
    guide = Guide.objects.get(slug="eds")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(kazakh, url, "guide_form")
    data["title_ru"] = "Кaк получить ЭЦП"  # a Latin "a"
    html = save(kazakh, url, data).content.decode()
    assert "Кирилл сөздерінің ішінде латын немесе араб әріптері бар" in html


def test_an_earlier_version_can_be_compared_with_the_current_one(editor):
    guide = Guide.objects.get(slug="eds")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form(editor, url, "guide_form")
    data["title_en"] = "Getting an electronic signature online"
    assert save(editor, url, data).status_code == 302
    bundled = list(Version.objects.get_for_object(guide))[-1]
    history = editor.get(f"/admin/guides/guide/{guide.pk}/history/").content.decode()
    compare_url = f"/admin/guides/guide/{guide.pk}/history/{bundled.pk}/compare/"
    assert compare_url in history
    html = editor.get(compare_url).content.decode()
    main = html[html.index('id="content-main"') :]
    assert "<del>digital" in main and "<ins>online</ins>" in main, main[:1500]
    assert "<code>title_en</code>" in main and "<code>title</code>" not in main  # languages, not the mirror
    assert f"/admin/guides/guide/{guide.pk}/history/{bundled.pk}/" in html  # to revert
