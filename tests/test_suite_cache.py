"""What the suite keeps between runs (tests/conftest.py ``built_once``) is built again whenever what it is
made from changes: the fingerprint of the project's files and settings."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import time_machine
from django.conf import settings

from tests.conftest import fingerprint


def project(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "loader.py").write_text("LOADED = 1\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_guides.py").write_text("def test_it(): pass\n")
    (tmp_path / "tests" / "conftest.py").write_text("")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


@time_machine.travel("2026-12-05 23:59:59+05:00", tick=False)  # the day is in it: no midnight between two calls
def test_the_fingerprint_follows_the_projects_files_and_settings_but_not_the_tests(tmp_path, monkeypatch):
    base = project(tmp_path)
    first = fingerprint(base)
    assert first == fingerprint(base)

    (base / "tests" / "test_guides.py").write_text("def test_it(): assert True\n")  # a test: the same
    (base / "tests" / "test_new.py").write_text("")
    monkeypatch.setenv("AZAMAT_REQUIRE_BROWSER", "1")  # tells the tests what to require: the same
    assert fingerprint(base) == first

    (base / "guides" / "loader.py").write_text("LOADED = 2\n")  # a tracked file changed
    changed = fingerprint(base)
    assert changed != first
    (base / "guides" / "new.yaml").write_text("a: 1\n")  # a new file, not yet tracked
    added = fingerprint(base)
    assert added not in (first, changed)
    (base / "tests" / "conftest.py").write_text("# how the suite builds\n")  # the suite's own set-up
    assert fingerprint(base) != added
    monkeypatch.setenv("AZAMAT_DATA_DIR", "/elsewhere")  # a setting the portal reads
    assert fingerprint(base) not in (first, changed, added)


def test_outside_a_git_checkout_nothing_is_kept(tmp_path):
    assert fingerprint(tmp_path) is None


def test_the_fingerprint_follows_the_day(tmp_path):
    base = project(tmp_path)
    with time_machine.travel("2026-12-05 12:00+05:00", tick=False):
        today = fingerprint(base)
    with time_machine.travel("2026-12-06 12:00+05:00", tick=False):
        assert fingerprint(base) != today


def test_a_run_whose_tests_use_no_database_leaves_the_configured_one_alone(tmp_path):
    """A run of browser tests alone asks for the database with the bundled content (their server starts
    from it) but has no test database: pytest-django makes none, and the connection is still the
    configured database. Loading or copying the content must not happen there (it once filled it)."""
    configured = tmp_path / "configured.sqlite3"
    shutil.copyfile(Path(__file__).with_name("conftest.py"), tmp_path / "conftest.py")  # the suite's set-up
    (tmp_path / "test_alone.py").write_text("def test_alone(bundled_database):\n    pass\n")
    env = {**os.environ, "AZAMAT_LOCAL": "1", "DATABASE_URL": f"sqlite:///{configured}"}
    env.pop("PYTEST_XDIST_WORKER", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "pyproject.toml"]
        + ["--rootdir", str(settings.BASE_DIR), str(tmp_path / "test_alone.py")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    assert not configured.exists()
