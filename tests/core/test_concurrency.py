"""Real transactions side by side (run in their own pass: ``make test`` runs ``-m transactional`` apart,
on a database without the bundled content, because these tests commit and the database is emptied after
each): the backup is one snapshot while an editor saves, and on SQLite readers and writers never fail
while an import replaces the content."""

import io
import json
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from core import backup
from guides.models import Guide, GuideChange, Step
from tests.factories import GuideChangeFactory, GuideFactory, MciRateFactory, RouteFactory

pytestmark = [pytest.mark.transactional, pytest.mark.django_db(transaction=True)]


def _in_another_connection(work):
    """Run ``work`` in a thread of its own (its own database connection), committed; wait for it."""
    errors = []

    def run():
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive() and not errors, errors


def test_the_backup_is_one_moment_while_an_editor_saves(monkeypatch, tmp_path):
    for _ in range(3):
        GuideChangeFactory()
    serialised = backup._serialised
    saved = {}

    def meanwhile(model):
        if model is GuideChange and not saved:  # guides are written; an editor adds a guide and its note
            _in_another_connection(lambda: saved.update(note=GuideChangeFactory(note_en="Saved meanwhile")))
        yield from serialised(model)

    monkeypatch.setattr(backup, "_serialised", meanwhile)
    path = tmp_path / "backup.json"
    call_command("export_content", str(path), stderr=io.StringIO())
    document = json.loads(path.read_text(encoding="utf-8"))["models"]
    assert saved and GuideChange.objects.filter(pk=saved["note"].pk).exists()  # it was committed meanwhile
    guides = {item["pk"] for item in document["guides.guide"]}
    notes = document["guides.guidechange"]
    assert all(item["fields"]["guide"] in guides for item in notes)  # no note without its guide
    assert "Saved meanwhile" not in path.read_text(encoding="utf-8")  # the moment is the export's start


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded database's own settings")
def test_sqlite_keeps_a_write_ahead_log_and_waits_for_a_busy_writer():
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_readers_and_an_editor_never_fail_while_an_import_replaces_the_content(tmp_path, settings):
    settings.AZAMAT_BACKUP_DIR = str(tmp_path / "backups")
    MciRateFactory()
    # Enough content for the import to hold SQLite's write lock for a while (with the old rollback journal
    # and no busy timeout, readers then fail with "database is locked"); PostgreSQL never locks readers
    # out, so less content proves the same there in less time.
    routes_per_guide, steps_per_route = (10, 60) if connection.vendor == "sqlite" else (4, 20)
    guides = [GuideFactory() for _ in range(5)]
    for guide in guides:
        routes = [RouteFactory(guide=guide) for _ in range(routes_per_guide)]
        Step.objects.bulk_create(
            [
                Step(route=route, title_en=f"Step {n}", body_en="Text. " * 200)
                for route in routes
                for n in range(steps_per_route)
            ]
        )
    path = tmp_path / "backup.json"
    call_command("export_content", str(path), stderr=io.StringIO())
    failures, statuses, stop = [], [], threading.Event()

    def read():
        client = Client()
        try:
            while not stop.is_set():
                for guide in guides:
                    statuses.append(client.get(f"/ru/guides/{guide.slug}/").status_code)
        except Exception as exc:  # noqa: BLE001 - "database is locked" would land here
            failures.append(exc)
        finally:
            connections.close_all()

    def edit():
        try:
            guide = Guide.objects.get(pk=guides[0].pk)
            guide.title_en = "Edited during the import"
            guide.save()
        except Exception as exc:  # noqa: BLE001
            failures.append(exc)
        finally:
            connections.close_all()

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    imported = []

    def replace():
        try:
            out = io.StringIO()
            call_command("import_content", str(path), "--replace", stdout=out)
            imported.append(out.getvalue())
        except Exception as exc:  # noqa: BLE001 - "database is locked" in the importer lands here too
            failures.append(exc)
        finally:
            connections.close_all()

    importer = threading.Thread(target=replace)
    importer.start()
    editor = threading.Thread(target=edit)
    editor.start()
    importer.join(600)
    editor.join(120)
    stop.set()
    for reader in readers:
        reader.join(60)
    assert failures == []
    assert imported and not importer.is_alive()  # the import itself went through
    assert statuses and set(statuses) <= {200}
    assert Guide.objects.count() == 5


def test_after_an_edit_the_export_is_written_in_a_thread_while_requests_get_the_previous_one(settings, tmp_path):
    """No request waits for a new version's export when an older one is on disk (core.export): the older
    one is sent, marked as not this version's, and a thread writes the new one; then it is sent."""
    settings.AZAMAT_EXPORT_DIR = str(tmp_path)
    settings.AZAMAT_EXPORT_REFRESH = "background"
    guide = GuideFactory(title_en="Before the edit")
    client = Client()
    first = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="identity")
    assert first.status_code == 200 and first.has_header("ETag")  # the first ever: written by the request
    assert b"Before the edit" in b"".join(first.streaming_content)
    guide.title_en = "After the edit"
    guide.save()  # commits: the content version moves
    during = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="identity")
    body = b"".join(during.streaming_content)
    assert during.status_code == 200 and b"Before the edit" in body  # at once, the previous version
    assert not during.has_header("ETag") and during["Cache-Control"] == "no-cache"
    written = None
    for _ in range(300):  # the thread writes the new version's file
        if written := next((p for p in tmp_path.glob("export-*.json") if b"After the edit" in p.read_bytes()), None):
            break
        time.sleep(0.1)
    assert written is not None
    after = client.get("/api/v1/export", HTTP_ACCEPT_ENCODING="identity")
    assert after.has_header("ETag") and b"After the edit" in b"".join(after.streaming_content)
    assert [p.name for p in tmp_path.glob("export-*.json")] == [written.name]  # the older version is gone
    assert not list(tmp_path.glob(".export-*"))  # no temporary file left
