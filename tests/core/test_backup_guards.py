"""Imports that cannot destroy by accident, and clear messages for every file or folder that will not do."""

import io
import json
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from guides.models import Faq, Guide
from tests.core.test_backup import bundled_export, counts

pytestmark = pytest.mark.django_db


def _document(tmp_path):
    return json.loads(bundled_export(tmp_path).read_text(encoding="utf-8"))


def _write(tmp_path, document, name="changed.json"):
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def _refused(path, *args):
    before, err = counts(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path), *args, stdout=io.StringIO(), stderr=err)
    assert str(error.value).startswith("nothing imported: ")
    assert counts() == before
    return str(error.value), err.getvalue()


def test_a_replace_that_would_empty_the_site_is_refused_and_says_what_it_would_delete(tmp_path, settings):
    settings.AZAMAT_BACKUP_DIR = str(tmp_path / "backups")
    document = _document(tmp_path)
    emptied = {**document, "models": {label: [] for label in document["models"]}}
    message, listed = _refused(_write(tmp_path, emptied), "--replace")
    assert "--allow-deletions" in message
    assert f"{Guide.objects.count():6d} guides.guide" in listed
    named = [g for g in Guide.objects.all() if any(t in listed for t in (g.title_kk, g.title_ru, g.title_en))]
    assert len(named) == 5 and f"… and {Guide.objects.count() - 5} more" in listed  # the first pages by name
    assert not (tmp_path / "backups").exists()  # refused before any backup is written


def test_a_file_cut_short_is_refused_too(tmp_path):
    document = _document(tmp_path)
    document["models"]["guides.guide"] = document["models"]["guides.guide"][:2]
    message, listed = _refused(_write(tmp_path, document), "--replace")
    assert "would delete" in message and "guides.guide" in listed


def test_deletions_go_ahead_when_they_are_intended(tmp_path, settings):
    settings.AZAMAT_BACKUP_DIR = str(tmp_path / "backups")
    document = _document(tmp_path)
    dropped = document["models"]["guides.faq"].pop()
    path = _write(tmp_path, document)
    message, listed = _refused(path, "--replace")
    assert "lacks 1 object(s)" in message and "     1 guides.faq" in listed
    call_command("import_content", str(path), "--replace", "--allow-deletions", stdout=io.StringIO())
    assert not Faq.objects.filter(pk=dropped["pk"]).exists()
    assert Faq.objects.count() == len(document["models"]["guides.faq"])


@pytest.mark.parametrize("spelling", ["007", 7.0, "7"])
def test_two_spellings_of_one_primary_key_are_one_key(tmp_path, spelling):
    document = _document(tmp_path)
    guides = document["models"]["guides.guide"]
    twin = json.loads(json.dumps(guides[0]))
    guides[0]["pk"], twin["pk"] = 7, spelling
    twin["fields"]["slug"] = "another-slug"
    guides.append(twin)
    message, _listed = _refused(_write(tmp_path, document), "--replace")
    assert "the same primary key appears twice: 7" in message


@pytest.mark.parametrize("key", [" 1", "-3", -3, 0, 1.5, "1e3", True, None, "٣", 2**64])
def test_a_primary_key_must_be_a_whole_number_from_one(tmp_path, key):
    document = _document(tmp_path)
    document["models"]["guides.guide"][0]["pk"] = key
    message, _listed = _refused(_write(tmp_path, document), "--replace")
    assert "primary key must be a whole number from 1 up" in message


def test_a_number_of_thousands_of_digits_is_a_clear_refusal(tmp_path):
    text = bundled_export(tmp_path).read_text(encoding="utf-8")
    text = text.replace('"order": 1,', '"order": ' + "9" * 5000 + ",", 1)
    message, _listed = _refused(_write(tmp_path, text), "--replace")
    assert "not an export" in message and "digits" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_backup_folder_is_a_clear_refusal_as_non_root(tmp_path, settings):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    settings.AZAMAT_BACKUP_DIR = str(folder / "backups")
    message, _listed = _refused(bundled_export(tmp_path), "--replace")
    assert "cannot save the current content" in message


def test_a_backup_folder_that_cannot_be_made_is_a_clear_refusal(tmp_path, settings):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.AZAMAT_BACKUP_DIR = str(blocker / "backups")  # a folder inside a file: refused even for root
    message, _listed = _refused(bundled_export(tmp_path), "--replace")
    assert "cannot save the current content to" in message and "a-file" in message


def test_an_export_path_that_cannot_be_written_is_a_clear_refusal(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(CommandError) as error:
        call_command("export_content", str(blocker / "backup.json"), stderr=io.StringIO())
    assert str(error.value).startswith("nothing exported: cannot write")
    assert not list(tmp_path.glob("**/.backup.json.partial"))
