"""Editors working at the same time, and hiding an item other pages link to."""

import pytest

from essays.models import Essay
from guides.models import Guide
from tests.adminforms import change_form, save

pytestmark = pytest.mark.django_db


def _guide_url(slug="eds"):
    return f"/admin/guides/guide/{Guide.objects.get(slug=slug).pk}/change/"


def test_a_second_editor_saving_a_stale_form_is_told_and_loses_nothing(editor, editor_user, client):
    from django.contrib.auth.models import User

    other = User.objects.create_user("other", password="x", is_staff=True)
    other.groups.set(editor_user.groups.all())
    client.force_login(other)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = _guide_url()
    mine = change_form(editor, url, "guide_form")
    theirs = change_form(client, url, "guide_form")
    assert mine["_content_version"] == theirs["_content_version"]

    assert save(client, url, {**theirs, "title_en": "Their title"}).status_code == 302
    response = save(editor, url, {**mine, "title_en": "My title"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this item since you opened it" in html
    assert "/history/" in html and "My title" in html  # a link to compare, and what I typed is still there
    assert Guide.objects.get(slug="eds").title_en == "Their title"

    again = change_form(editor, url, "guide_form") | {"title_en": "My title"}  # reviewed: save over theirs
    assert save(editor, url, again).status_code == 302
    assert Guide.objects.get(slug="eds").title_en == "My title"


def test_a_change_to_a_part_of_the_item_also_makes_the_form_stale(editor):
    url = _guide_url()
    opened = change_form(editor, url, "guide_form")
    changed = dict(opened)
    step_title = next(key for key in changed if key.startswith("routes-") and key.endswith("-title_en"))
    assert save(editor, url, {**changed, step_title: "A route renamed by someone else"}).status_code == 302
    response = save(editor, url, opened)
    assert "Someone else changed this item" in response.content.decode()


def test_one_editor_saving_twice_is_not_stale(editor):
    url = _guide_url()
    assert save(editor, url, change_form(editor, url, "guide_form")).status_code == 302
    assert save(editor, url, change_form(editor, url, "guide_form")).status_code == 302


def test_hiding_a_guide_warns_about_the_pages_that_link_to_it(editor):
    url = _guide_url("online-fraud")
    data = change_form(editor, url, "guide_form") | {"status": "draft"}
    response = editor.post(url, {**data, "_save": "Save"}, follow=True)
    html = response.content.decode()
    linking = Essay.objects.get(slug="crime-trends-world")
    assert "is hidden now, but" in html and "still link" in html
    assert f"/admin/essays/essay/{linking.pk}/change/" in html


def test_hiding_with_the_list_action_warns_too(editor):
    guide = Guide.objects.get(slug="online-fraud")
    response = editor.post(
        "/admin/guides/guide/",
        {"action": "unpublish", "_selected_action": [guide.pk]},
        follow=True,
    )
    assert "still link" in response.content.decode()
    assert Guide.objects.get(pk=guide.pk).status == "draft"


def test_hiding_an_item_nobody_links_to_says_nothing_more(editor):
    guide = Guide.objects.exclude(slug__in=["online-fraud", "eds", "bank-account"]).order_by("pk").first()
    from editors.links import pages_linking_to

    if pages_linking_to(guide):
        pytest.skip("every bundled guide is linked from somewhere")
    response = editor.post("/admin/guides/guide/", {"action": "unpublish", "_selected_action": [guide.pk]}, follow=True)
    assert "still link" not in response.content.decode()


# --- Translations whose figures differ -----------------------------------------------------------


def test_saving_a_translation_with_other_figures_warns_and_still_saves(editor):
    url = _guide_url("eds")
    data = change_form(editor, url, "guide_form")
    data |= {
        "summary_kk": "ЭЦҚ 1 жылға тегін беріледі.",
        "summary_ru": "ЭЦП выдаётся бесплатно на 1 год.",
        "summary_en": "An EDS is issued free of charge for 2 years.",
    }
    response = editor.post(url, {**data, "_save": "Save"}, follow=True)
    html = response.content.decode()
    assert "carry different figures" in html and "kk: 1; ru: 1; en: 2" in html
    assert Guide.objects.get(slug="eds").summary_en == "An EDS is issued free of charge for 2 years."


def test_an_inline_whose_translations_differ_is_named_in_the_warning(editor):
    url = _guide_url("eds")
    data = change_form(editor, url, "guide_form")
    answer_en = next(name for name in data if name.endswith("-answer_en") and "__prefix__" not in name)
    prefix = answer_en.removesuffix("answer_en")
    data |= {
        f"{prefix}answer_kk": "Өтінішті 5 жұмыс күні ішінде қарайды.",
        f"{prefix}answer_ru": "Заявление рассматривают 5 рабочих дней.",
        f"{prefix}answer_en": "The application is considered within 7 working days.",
    }
    html = editor.post(url, {**data, "_save": "Save"}, follow=True).content.decode()
    assert "kk: 5; ru: 5; en: 7" in html


def test_a_save_whose_translations_agree_warns_nothing(editor):
    url = _guide_url("eds")
    data = change_form(editor, url, "guide_form")
    html = editor.post(url, {**data, "_save": "Save"}, follow=True).content.decode()
    assert "carry different figures" not in html


def test_the_dashboard_lists_translations_whose_figures_differ_with_a_link_to_edit(editor):
    guide = Guide.objects.get(slug="eds")
    Guide.objects.filter(pk=guide.pk).update(summary_kk="2026 жылғы 1 шілдеден", summary_en="From 1 June 2026")
    dashboard = editor.get("/admin/").content.decode()
    section = dashboard[dashboard.index('id="drift-dashboard"') :]
    section = section[: section.index("</ul>")]
    assert f'href="/admin/guides/guide/{guide.pk}/change/"' in section
    assert "01.07.2026" in section and "01.06.2026" in section


def test_the_dashboard_links_a_drifted_inline_to_the_form_it_is_edited_in(editor):
    from guides.models import Faq

    faq = Faq.objects.select_related("guide").order_by("pk").first()
    Faq.objects.filter(pk=faq.pk).update(answer_kk="10 күн", answer_ru="10 дней", answer_en="12 days")
    dashboard = editor.get("/admin/").content.decode()
    section = dashboard[dashboard.index('id="drift-dashboard"') :]
    section = section[: section.index("</ul>")]
    assert f'href="/admin/guides/guide/{faq.guide_id}/change/"' in section and "12" in section
