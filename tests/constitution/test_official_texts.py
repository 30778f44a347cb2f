"""The official texts ship inside the project: loaded on a fresh install, refreshed everywhere on import."""

import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from constitution.importer import StructureMismatch
from constitution.loader import OFFICIAL_DIR, OFFICIAL_TEXTS, official_text_path
from constitution.models import Article, Constitution
from core.text import mixed_script_words
from search import index
from search.selectors import search

pytestmark = pytest.mark.django_db
BASE_DIR = Path(settings.BASE_DIR)


def _load(**kwargs):
    out = StringIO()
    call_command("load_content", stdout=out, **kwargs)
    return out.getvalue()


def test_the_project_ships_all_five_texts_with_their_provenance():
    for year, language in OFFICIAL_TEXTS:
        path = OFFICIAL_DIR / f"{language}-{year}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["source"] and data["sections"], path
    readme = (OFFICIAL_DIR / "README.md").read_text(encoding="utf-8")
    for year, language in OFFICIAL_TEXTS:
        assert f"`{language}-{year}.json`" in readme
    assert "article 8" in readme and "not objects of copyright" in readme


def test_bundled_texts_are_the_reference_texts_byte_for_byte(shared_texts):
    for year, language in OFFICIAL_TEXTS:
        name = f"{language}-{year}.json"
        assert (OFFICIAL_DIR / name).read_bytes() == (shared_texts / name).read_bytes(), name


def test_every_article_has_its_official_text_in_each_language_that_has_one():
    for article in Article.objects.filter(constitution__year=2026):
        assert article.text_kk and article.text_ru, article.number
        assert not article.text_en  # no English text of 2026 exists
        assert mixed_script_words(article.text_kk) == [], article.number
    for article in Article.objects.filter(constitution__year=1995):
        texts = (article.text_kk, article.text_ru, article.text_en)
        assert all(texts) != article.is_excluded, article.number  # article 84 alone has none
    for edition in Constitution.objects.all():
        assert edition.preamble_kk and edition.preamble_ru, edition.year


def test_without_an_override_nothing_outside_the_project_is_read(settings, tmp_path):
    settings.AZAMAT_DATA_DIR = ""
    assert official_text_path(2026, "kk") == OFFICIAL_DIR / "kk-2026.json"
    settings.AZAMAT_DATA_DIR = str(tmp_path / "nowhere")
    assert official_text_path(1995, "en") == OFFICIAL_DIR / "en-1995.json"
    assert official_text_path(2026, "en") is None


def _newer_text(tmp_path, replace):
    """A copy of the bundled ru-2026 text in an AZAMAT_DATA_DIR folder, with article texts replaced."""
    data = json.loads((OFFICIAL_DIR / "ru-2026.json").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for article in section["articles"]:
            article["text"] = replace.get(article["number"], article["text"])
    folder = tmp_path / "data" / "constitution"
    folder.mkdir(parents=True)
    (folder / "ru-2026.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder.parent


def test_a_fresh_install_without_texts_gets_them_on_the_next_load_and_search_finds_them(client, settings):
    # An install made before the texts shipped: explanations loaded, official texts empty.
    Article.objects.update(text_kk="", text_ru="", text_en="", notes_kk="", notes_ru="", notes_en="")
    Article.objects.update(official_text_hash="")
    index.rebuild()
    phrase = "неотъемлемое и неотчуждаемое право каждого человека"  # the official text's, not our summary's
    assert not [hit for hit in search("неотчуждаемое", "ru").hits if hit.url == "/ru/constitution/article/17/"]
    output = _load()
    assert "content changed" in output and "search index" in output
    assert phrase in Article.objects.get(constitution__year=2026, number="17").text_ru
    assert search(phrase, "ru").hits[0].url == "/ru/constitution/article/17/"
    assert phrase in client.get("/ru/constitution/article/17/").content.decode()
    assert "content already up to date" in _load()


def test_a_newer_text_replaces_the_loaded_one_and_is_searchable_and_shown_at_once(client, settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    cache.clear()
    page = "/ru/constitution/article/7/"
    assert "квазарный" not in client.get(page).content.decode()  # now in the page cache
    settings.AZAMAT_DATA_DIR = str(_newer_text(tmp_path, {"7": "1. Уточнённый квазарный текст статьи."}))
    output = _load()
    assert "content changed" in output
    assert Article.objects.get(constitution__year=2026, number="7").text_ru == "1. Уточнённый квазарный текст статьи."
    assert [hit.url for hit in search("квазарный", "ru").hits] == [page]
    assert "квазарный" in client.get(page).content.decode()  # the cached page is not served
    cache.clear()


def test_a_text_someone_imported_is_kept_by_a_routine_load(tmp_path):
    article = Article.objects.get(constitution__year=2026, number="7")
    article.text_ru = "1. Текст, исправленный редактором."
    article.save()
    _load()
    article.refresh_from_db()
    assert article.text_ru == "1. Текст, исправленный редактором."


def test_import_constitution_refreshes_search_and_pages_in_the_same_run(client, settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "i"}}
    cache.clear()
    page = "/ru/constitution/article/9/"
    client.get(page)
    folder = _newer_text(tmp_path, {"9": "1. Пульсарная редакция девятой статьи."}) / "constitution"
    call_command("import_constitution", str(folder / "ru-2026.json"), edition=2026, lang="ru", stdout=StringIO())
    assert search("пульсарная редакция", "ru").hits[0].url == page
    assert "Пульсарная редакция" in client.get(page).content.decode()
    cache.clear()


def test_an_override_that_does_not_match_the_edition_stops_the_load(settings, tmp_path):
    folder = tmp_path / "constitution"
    folder.mkdir()
    data = json.loads((OFFICIAL_DIR / "kk-2026.json").read_text(encoding="utf-8"))
    data["sections"][-1]["articles"].pop()
    (folder / "kk-2026.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    settings.AZAMAT_DATA_DIR = str(tmp_path)
    with pytest.raises(StructureMismatch, match="kk-2026.json"):
        _load()


def test_a_comparison_with_a_missing_text_says_so_instead_of_a_percentage(client):
    Article.objects.filter(constitution__year=1995, number="50").update(text_ru="")
    html = client.get("/ru/constitution/article/53/").content.decode()
    assert "% " not in html.split("In the Constitution of 1995")[-1].split("</h3>")[0]
    assert "сохранено" not in html
    assert "официальный текст статьи 50 (1995) отсутствует (язык: русский)" in html.lower()
    Article.objects.filter(constitution__year=2026, number="53").update(text_ru="", text_kk="")
    html = client.get("/kk/constitution/article/53/").content.decode()
    assert "сақталды" not in html and "53-баптың (2026) ресми мәтіні жоқ" in html


@pytest.mark.exhaustive  # a clone, migrated and loaded from scratch in processes of its own (about 12 s)
def test_a_clone_with_nothing_beside_it_shows_the_official_texts(tmp_path, collected_static):
    """The way a new user meets it: the repository's files alone, migrate, load_content, then pages and search.
    The static files are the run's one collection from the same files (``collected_static``), not collected
    again: collecting is the same in a clone, and takes half a minute."""
    clone = tmp_path / "azamat"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=BASE_DIR, capture_output=True, text=True
    )
    if listed.returncode == 0:
        files = listed.stdout.split("\n")
    else:  # not a git checkout: the tree without what git ignores
        skip = {".venv", "node_modules", "var", ".git", "__pycache__", ".pytest_cache", ".ruff_cache"}
        files = [
            str(path.relative_to(BASE_DIR))
            for path in BASE_DIR.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(BASE_DIR).parts)
        ]
    for name in filter(None, files):
        source = BASE_DIR / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    assert not (clone.parent / "shared").exists()
    (clone / "var").mkdir(exist_ok=True)
    (clone / "var" / "static").symlink_to(collected_static, target_is_directory=True)
    env = {
        **os.environ,
        "AZAMAT_LOCAL": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "AZAMAT_DATA_DIR": str(tmp_path / "no-reference-data"),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    env.pop("AZAMAT_SHARED_DATA", None)
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["compile_catalogs"],
        ["load_content"],
    ):
        result = subprocess.run(manage + command, cwd=clone, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]
    check = """
from django.test import Client
from django.test.utils import setup_test_environment
from constitution.models import Article
setup_test_environment()
client = Client()
empty = [(a.constitution.year, a.number) for a in Article.objects.select_related("constitution")
         if not a.is_excluded and not (a.text_kk and a.text_ru and (a.text_en or a.constitution.year == 2026))]
print("EMPTY", empty)
page = client.get("/kk/constitution/article/17/").content.decode()
print("KK", "Ешкімнің өз бетімен адам өмірін қиюға құқығы жоқ" in page)
print("EN", "Everyone shall have the right to life" in client.get("/en/constitution/1995/article/15/").content.decode())
print("SEARCH", "/ru/constitution/article/17/" in client.get("/ru/search/?q=лишать человека жизни").content.decode())
"""
    result = subprocess.run(
        manage + ["shell", "-c", check], cwd=clone, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.split(" ")[0] in ("EMPTY", "KK", "EN", "SEARCH")]
    assert lines == ["EMPTY []", "KK True", "EN True", "SEARCH True"], result.stdout
