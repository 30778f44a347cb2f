"""export_content / import_content: a lossless, all-or-nothing round trip on this database."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from constitution.models import Article
from core.backup import ordered_models
from core.content import content_models, last_updated
from core.models import ContentState
from guides.models import Guide, GuideChange, Step
from search import index as search

pytestmark = pytest.mark.django_db


def export_text(tmp_path, name):
    path = tmp_path / name
    call_command("export_content", str(path), stderr=io.StringIO())
    return path


_exported = {}


def bundled_export(tmp_path, name="backup.json"):
    """``export_text`` of the content as each test finds it (the bundled content; every test is rolled back),
    written once per process and copied to ``tmp_path / name``: for the many tests that change nothing before
    they export (a full export takes seconds). Kept under the content version and the number of objects of
    each model, so that content saved or deleted before the call gets an export of its own."""
    key = (last_updated(), tuple(counts().items()))
    if key not in _exported:
        _exported.clear()
        _exported[key] = export_text(tmp_path, f"fresh-{name}").read_bytes()
    path = tmp_path / name
    path.write_bytes(_exported[key])
    return path


def wipe():
    with search.paused():
        for model in reversed(ordered_models()):
            model._default_manager.all().delete()


def counts():
    return {model._meta.label: model._default_manager.count() for model in content_models()}


def test_export_import_into_an_empty_database_export_gives_the_same_bytes(tmp_path):
    # Drafts are part of the backup; a time with few microseconds must survive exactly.
    tricky = datetime.datetime(2026, 1, 1, 12, 0, 0, 456, tzinfo=datetime.UTC)
    Guide.objects.filter(slug="eds").update(status="draft", updated_at=tricky)
    first = export_text(tmp_path, "first.json")
    before = counts()
    wipe()
    assert sum(counts().values()) == 0
    call_command("import_content", str(first), stdout=io.StringIO())
    assert counts() == before
    second = export_text(tmp_path, "second.json")
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["format"] == "azamat-content" and document["version"] == 2
    drafts = [g for g in document["models"]["guides.guide"] if g["fields"]["status"] == "draft"]
    assert [g["fields"]["slug"] for g in drafts] == ["eds"]
    assert Guide.objects.get(slug="eds").updated_at == tricky


def test_imported_content_works_and_new_objects_get_fresh_keys(tmp_path, client):
    path = bundled_export(tmp_path)
    wipe()
    call_command("import_content", str(path), stdout=io.StringIO())
    assert client.get("/ru/guides/lost-id-card/").status_code == 200
    assert client.get("/kk/constitution/article/53/").status_code == 200
    route = Guide.objects.get(slug="lost-id-card").routes.first()
    step = Step.objects.create(route=route, order=99, title="new")  # the sequence was reset past the imported keys
    assert step.pk > max(Step.objects.exclude(pk=step.pk).values_list("pk", flat=True))


def test_an_import_moves_the_content_version_once_and_writes_in_sets(tmp_path):
    """Thousands of objects are saved, but the content version (what caches key on) moves once, at the end.
    Each object is one INSERT (no UPDATE tried first: the tables are empty), the links of all objects are
    checked with a query per link field and inserted together, never read object by object."""
    path = bundled_export(tmp_path)
    wipe()
    before = last_updated()
    with CaptureQueriesContext(connection) as queries:
        call_command("import_content", str(path), stdout=io.StringIO())
    table = ContentState._meta.db_table
    writes = [q["sql"] for q in queries if table in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")]
    assert len(writes) == 1, writes
    assert last_updated() > before

    statements = [q["sql"].lstrip() for q in queries]
    content = {f'"{model._meta.db_table}"' for model in content_models()}
    links = {
        f'"{field.remote_field.through._meta.db_table}"'
        for model in content_models()
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    }
    assert not [sql for sql in statements if sql.upper().startswith("UPDATE") and sql.split()[1] in content]
    assert not [
        sql for sql in statements if sql.upper().startswith("SELECT") and any(f"FROM {t}" in sql for t in links)
    ]
    # 3,446 when each link was checked, and each object's links read, one object at a time; about 360 now
    # (mostly models' own checks: a comparison row reads its table, a glossary term the other terms).
    assert sum(sql.upper().startswith("SELECT") for sql in statements) < 450


def test_a_database_with_content_is_refused_unless_replace(tmp_path):
    path = bundled_export(tmp_path)
    Article.objects.filter(constitution__year=2026, number="1").update(summary_en="Changed after the backup")
    with pytest.raises(CommandError, match="already has content"):
        call_command("import_content", str(path), stdout=io.StringIO())
    call_command("import_content", str(path), "--replace", stdout=io.StringIO())
    assert Article.objects.get(constitution__year=2026, number="1").summary_en != "Changed after the backup"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (
            lambda doc: next(f for f in doc["models"]["guides.fee"] if f["fields"]["amount_mci"])["fields"].update(
                amount_tenge="100"
            ),
            "guides.fee|refused",
        ),
        (
            lambda doc: doc["models"]["guides.step"][-1]["fields"].update(route=999999),
            r"invalid object.*guides\.step \d+: route points to guides\.route 999999, which the file lacks",
        ),
        (lambda doc: doc["models"]["essays.essay"][-1]["fields"].update(published_on="not a date"), "essays.essay"),
        (  # saved, then refused by the model's own validation (full_clean)
            lambda doc: doc["models"]["guides.source"][0]["fields"].update(url="egov.kz without a scheme"),
            r"invalid object.*guides\.source \d+: \{'url'",
        ),
        (lambda doc: doc["models"].update({"auth.user": []}), "unknown models"),
        (lambda doc: doc.update(version=99), "version"),
        (lambda doc: doc.update(format="something"), "format"),
    ],
)
def test_an_invalid_file_changes_nothing(tmp_path, damage, reason):
    document = json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))
    damage(document)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    wipe()
    with pytest.raises(CommandError, match=reason):
        call_command("import_content", str(broken), stdout=io.StringIO())
    assert sum(counts().values()) == 0


def test_unreadable_and_non_json_files_are_refused(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_content", str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_content", str(bad))


@pytest.mark.exhaustive  # a whole restore again, of the earlier format (make test restores the current one)
def test_a_backup_of_the_previous_format_version_still_restores(tmp_path):
    """Version 1 files were written before change notes existed: they restore, with none."""
    document = json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))
    document["version"] = 1
    for label in ("guides.guidechange", "essays.essaychange", "constitution.articlechange"):
        document["models"].pop(label)
    old = tmp_path / "version-1.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    wipe()
    call_command("import_content", str(old), stdout=io.StringIO())
    assert Guide.objects.filter(slug="eds").exists() and not GuideChange.objects.exists()
    document["models"].pop("guides.faq")
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="lacks models an export always has: guides.faq"):
        call_command("import_content", str(old), "--replace", stdout=io.StringIO())


@pytest.mark.exhaustive  # the round trip again, with each other language active
def test_a_backup_is_the_same_whatever_language_the_process_has_active(tmp_path):
    """The untranslated column of a translated field (django-modeltranslation) reads as the active language:
    a backup written or restored where another language is active (a test after a Russian page, a shell)
    must still be the one the command line writes, and restore byte for byte."""
    plain = export_text(tmp_path, "plain.json").read_bytes()
    with translation.override("ru"):
        assert export_text(tmp_path, "ru.json").read_bytes() == plain
        wipe()
        call_command("import_content", str(tmp_path / "plain.json"), stdout=io.StringIO())
    assert export_text(tmp_path, "again.json").read_bytes() == plain
