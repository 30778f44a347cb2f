"""Loading bundled content (core.loading): what a load reads, and that reading each model once keeps what
every ``sync`` saved."""

import io

import pytest
from django.core.management import call_command

from constitution.models import Article
from core.loading import LoadReport, fingerprint, read_once, sync

pytestmark = pytest.mark.django_db


def test_a_load_of_unchanged_content_reads_each_model_once(django_assert_max_num_queries):
    """About 1,900 objects are bundled; asked about one by one, a load that changes nothing took about 2,200
    queries (1.4 s). Read a model at a time it takes under 400 (the rest: links of many-to-many fields)."""
    with django_assert_max_num_queries(400):
        out = io.StringIO()
        call_command("load_content", stdout=out)
    assert "content already up to date" in out.getvalue()


def _as_if_loaded_from(article, hash_field, **values):
    """The article as an earlier release would have left it: ``values`` stored, with their fingerprint."""
    Article.objects.filter(pk=article.pk).update(**values, **{hash_field: fingerprint(values)})


def test_two_groups_of_an_object_updated_in_one_load_both_stay():
    """An article's explanation and its official text are synced apart (two fingerprints, two lookups: by
    edition and number, then by key). The second must see what the first saved, or it would write the old
    explanation back."""
    first, article = Article.objects.filter(constitution__year=2026).order_by("pk")[:2]
    _as_if_loaded_from(article, "bundle_hash", summary_ru="Старое объяснение.")
    _as_if_loaded_from(article, "official_text_hash", text_ru="1. Старый текст.")
    report = LoadReport()
    with read_once():
        sync(Article, {"pk": first.pk}, {"text_ru": first.text_ru}, report, hash_field="official_text_hash")
        _found, status = sync(
            Article,
            {"constitution": article.constitution, "number": article.number},
            {"summary_ru": "Новое объяснение."},
            report,
        )
        assert status == "updated"
        _found, status = sync(
            Article, {"pk": article.pk}, {"text_ru": "1. Новый текст."}, report, hash_field="official_text_hash"
        )
        assert status == "updated"
    article.refresh_from_db()
    assert (article.summary_ru, article.text_ru) == ("Новое объяснение.", "1. Новый текст.")
    assert article.bundle_hash == fingerprint({"summary_ru": "Новое объяснение."})


def test_an_object_created_in_a_load_is_found_by_any_lookup_after():
    report = LoadReport()
    article = Article.objects.filter(constitution__year=2026).order_by("pk").first()
    with read_once():
        sync(Article, {"pk": article.pk}, {"text_ru": article.text_ru}, report, hash_field="official_text_hash")
        created, status = sync(
            Article,
            {"constitution": article.constitution, "number": "999"},
            {"section_id": article.section_id, "summary_ru": "Новая."},
            report,
        )
        assert status == "created"
        again, status = sync(Article, {"pk": created.pk}, {"summary_ru": "Новая."}, report)
        assert again is created and status == "unchanged"
    assert Article.objects.filter(constitution=article.constitution, number="999").count() == 1
