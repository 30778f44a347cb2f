"""Editors can reach and use the constitution admin (tabbed translations, filters, mapping)."""

import pytest

from constitution.models import Article, Correspondence

pytestmark = pytest.mark.django_db


def test_admin_lists_and_edit_pages_open(admin_client):
    article = Article.objects.get(constitution__year=2026, number="53")
    for url in [
        f"/admin/constitution/article/?constitution__id__exact={article.constitution_id}&is_key__exact=1",
        "/admin/constitution/article/?q=Курултай",
        f"/admin/constitution/article/{article.pk}/change/",
        f"/admin/constitution/section/{article.section_id}/change/",
        "/admin/constitution/correspondence/",
        "/admin/constitution/constitution/",
        "/admin/constitution/topic/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    html = admin_client.get(f"/admin/constitution/article/{article.pk}/change/").content.decode()
    assert 'name="summary_kk"' in html and 'name="summary_en"' in html


def test_editor_changes_a_summary_and_the_page_shows_it(admin_client, client):
    article = Article.objects.get(constitution__year=2026, number="9")
    article.summary_en = "Edited in the admin."
    article.save()
    assert "Edited in the admin." in client.get("/en/constitution/article/9/").content.decode()


def test_mapping_is_editable(admin_client):
    old = Article.objects.get(constitution__year=1995, number="7")
    new = Article.objects.get(constitution__year=2026, number="22")
    response = admin_client.post(
        "/admin/constitution/correspondence/add/",
        {"old_article": old.pk, "new_article": new.pk, "note_kk": "", "note_ru": "", "note_en": "language"},
    )
    assert response.status_code == 302
    assert Correspondence.objects.filter(old_article=old, new_article=new).exists()
