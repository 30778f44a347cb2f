"""Fixtures shared by the whole suite."""

import contextlib
import datetime
import fcntl
import functools
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

from tests.adminforms import PASSWORD


@contextlib.contextmanager
def exclusive(lock_path):
    """Hold an exclusive lock on ``lock_path`` (a file) for the block: one process of the run at a time."""
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_directory(tmp_path_factory, worker_id):
    """A folder shared by every process of this test run (the pytest-xdist workers have one each below it)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


BUILT_KEPT = 2  # fingerprints whose static files and database var/test-cache keeps


def fingerprint(base=None):
    """What the collected static files and the database with the bundled content are made from: every
    file of the project outside tests/ (git's list, tracked and untracked), this file, the AZAMAT_
    settings of the environment (but AZAMAT_REQUIRE_ and AZAMAT_TEST_, which only tell the tests what to
    require), the Python version and the day (what loading stamps with the time is never older than a
    day). None outside a git checkout (or without git)."""
    base = Path(base or settings.BASE_DIR)
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=base, capture_output=True
        )
    except OSError:  # no git on this machine
        return None
    if listed.returncode != 0:
        return None
    digest = hashlib.sha256(f"{sys.version}\0{datetime.date.today().isoformat()}\0".encode())
    for name in sorted(set(filter(None, listed.stdout.split(b"\0")))):
        path = base / os.fsdecode(name)
        if (not name.startswith(b"tests/") or name == b"tests/conftest.py") and path.is_file():
            digest.update(name + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for key, value in sorted(os.environ.items()):
        if key.startswith("AZAMAT_") and not key.startswith(("AZAMAT_REQUIRE_", "AZAMAT_TEST_")):
            digest.update(f"{key}={value}\0".encode())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def built_once(tmp_path_factory, worker_id):
    """The folder where what takes long to build for the suite (collected static files, a database with the
    bundled content) is built once and shared: var/test-cache/<fingerprint>/, kept between runs while the
    project's files are the same (a second ``make test`` starts about 20 s sooner; the last two fingerprints
    are kept), or this run's own folder outside a git checkout or with AZAMAT_TEST_CACHE=0."""
    key = fingerprint() if os.environ.get("AZAMAT_TEST_CACHE", "1") != "0" else None
    if key is None:
        return run_directory(tmp_path_factory, worker_id)
    cache = Path(settings.BASE_DIR) / "var" / "test-cache"
    folder = cache / key
    cache.mkdir(parents=True, exist_ok=True)
    with exclusive(cache / "lock"):
        folder.mkdir(exist_ok=True)
        os.utime(folder)
        older = sorted((p for p in cache.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in older[BUILT_KEPT:]:
            shutil.rmtree(stale, ignore_errors=True)
    return folder


@pytest.fixture(scope="session", autouse=True)
def collected_static(built_once):
    """Collect static files once, as production does, so pages use hashed names. Collecting (hashing and
    compressing every file, the admin's included) takes about 40 s of processor time, so the run's
    processes share one collection (the browser tests' server too, tests/browser/conftest.py), kept for the
    next run while nothing changed (``built_once``): the first collects, the others wait for it."""
    root = built_once / "collected-static"
    done = built_once / "collected-static.done"
    with exclusive(built_once / "collected-static.lock"):
        if not done.exists():
            shutil.rmtree(root, ignore_errors=True)  # what a run stopped half-way left
            with override_settings(STATIC_ROOT=root):
                call_command("collectstatic", interactive=False, verbosity=0)
            done.touch()
    with override_settings(STATIC_ROOT=root):
        yield root


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Passwords made and checked in the test database use a fast hasher, as Django advises for test
    suites: the production hasher (PBKDF2, a million rounds, portal/settings.py) takes 0.3 s a password by
    design, and the suite makes about a hundred accounts. The browser tests' server keeps the production
    setting: its editor logs in as a real one would."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def static_files_read_once():
    """WhiteNoise reads the details of every static file (about 460 of them: stat, compressed variants,
    headers) when its middleware is built: once per process in production, but once per test client
    here, as each client builds the middleware again (a fifth of the suite's time). Each folder is read
    once per process, for each configuration of WhiteNoise, and the clients share what was read."""
    from whitenoise.base import WhiteNoise

    read = {}
    original = WhiteNoise.update_files_dictionary

    def update_files_dictionary(self, root, prefix):
        key = (
            type(self),
            root,
            prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            self.index_file,
            self.add_headers_function,
            getattr(self, "static_prefix", None),
            self.__dict__.get("immutable_file_test"),  # a test of its own (setting) is a new configuration
            tuple(sorted(self.media_types.types_map.items())),
        )
        if key not in read:
            files, self.files = self.files, {}
            try:
                original(self, root, prefix)
                read[key] = self.files
            finally:
                self.files = files
        self.files.update(read[key])

    WhiteNoise.update_files_dictionary = update_files_dictionary
    yield
    WhiteNoise.update_files_dictionary = original


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """The browser tests share one server and one chromium: pytest-xdist sends them to one worker. First
    among the hooks: pytest-xdist's own, which reads the group, would otherwise run before it is marked."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


UNGROUPED = pytest.StashKey[list]()


def pytest_collection_finish(session):
    """In a pytest-xdist worker of a ``--dist loadgroup`` run, the browser tests that did not get their group
    (the browser tests' server refuses to start for them: tests/browser/conftest.py). pytest-xdist gives a
    test its group by adding it to the test's id; where pytest no longer lets it (pytest 9.2 with
    pytest-xdist 3.8: pytest-dev/pytest-xdist#1386) the tests were quietly spread over every worker, each
    starting a server and a chromium of its own."""
    grouped = getattr(session.config.option, "loadgroup", False)
    session.config.stash[UNGROUPED] = [
        item.nodeid
        for item in session.items
        if grouped and item.get_closest_marker("browser") and not item.nodeid.endswith("@browser")
    ]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """pytest-django's (which names each worker's test database), and the name of the configured database,
    read before a test database replaces it: ``django_db_setup`` runs after this."""
    return connection.settings_dict["NAME"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_modify_db_settings, built_once):
    """Load the bundled content once: every test sees the real portal data (rolled back per test). The
    transactional pass (``-m transactional``, AZAMAT_TEST_BUNDLED=0) builds its own data instead.

    On SQLite it is loaded once: the first process loads it into its test database and keeps a copy of
    that database in a file (``bundled_database``, in ``built_once``: kept for the next run while nothing
    changed); the other workers and the browser tests' server start from the copy (loading takes about
    13 s of processor time, copying a fraction of a second). On PostgreSQL each worker loads it into its
    own database."""
    if os.environ.get("AZAMAT_TEST_BUNDLED", "1") == "0":
        return
    if connection.settings_dict["NAME"] == django_db_modify_db_settings:
        return  # no test in this run uses the database (only browser tests, say): pytest-django made none
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
            return
        copy = built_once / "bundled.sqlite3"
        with exclusive(built_once / "bundled.lock"):
            if copy.exists():
                _copy_database(source=copy, target=None)
            else:
                call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
                partial = copy.with_name(".bundled.sqlite3.partial")
                _copy_database(source=None, target=partial)
                partial.rename(copy)


def _copy_database(source, target):
    """Copy a whole SQLite database with SQLite's backup API: from the file ``source`` into this process's
    test database, or from the test database into the file ``target``."""
    import sqlite3

    connection.ensure_connection()
    test_database = connection.connection
    if source is not None:
        with contextlib.closing(sqlite3.connect(source)) as stored:
            stored.backup(test_database)
        with connection.cursor() as cursor:  # the copied pages into the database file, out of the WAL journal
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with contextlib.closing(sqlite3.connect(target)) as stored:
            test_database.backup(stored)


@pytest.fixture(scope="session")
def bundled_database(django_db_setup, built_once):
    """The file holding a database with the bundled content, as ``make setup`` leaves it: the copy
    ``django_db_setup`` keeps (made on SQLite, with the bundled content, by this run or an earlier one with
    the same files), else None."""
    copy = built_once / "bundled.sqlite3"
    return copy if copy.exists() else None


@functools.cache
def _content_sequences():
    """PostgreSQL sequences of the content models' primary keys."""
    from django.db import connection

    from core.content import content_models

    with connection.cursor() as cursor:
        names = []
        for model in content_models():
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column])
            if name := cursor.fetchone()[0]:
                names.append(name)
    return tuple(names)


@pytest.fixture(autouse=True)
def sequences_restored(request):
    """Restoring a backup sets PostgreSQL's sequences to the restored keys (core.backup). A
    sequence is outside transactions: the test's rollback takes back the rows but not the sequence,
    and the next test's insert would reuse a key the bundled content holds. Put them back as they were."""
    from django.db import connection

    marker = request.node.get_closest_marker("django_db")
    if connection.vendor != "postgresql" or marker is None or marker.kwargs.get("transaction"):
        yield
        return
    request.getfixturevalue("db")
    names = _content_sequences()
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT %s, last_value, is_called FROM {name}" for name in names), names)  # noqa: S608 - names from pg_get_serial_sequence
        saved = cursor.fetchall()
    yield
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join("setval(%s, %s, %s)" for _ in saved), [v for row in saved for v in row])


@pytest.fixture(autouse=True)
def version_read_each_request(settings):
    """Each request asks the database for the content version (AZAMAT_VERSION_TTL = 0), so that the
    pinned query counts do not depend on how fast the machine is; tests/core/test_cache.py sets a
    longer TTL to test the zero-query hit."""
    from core.content import forget_version

    settings.AZAMAT_VERSION_TTL = 0
    forget_version()


@pytest.fixture(autouse=True)
def site_url(settings):
    """Absolute links come from the configured public origin (core.origin); in tests it is the test
    client's own name, so links in pages can be followed."""
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def no_shared_cache(settings):
    """No page cache by default: many tests change content with QuerySet.update(), which a cache
    keyed on content changes cannot see. tests/core/test_cache.py tests the cache with a real one."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.AZAMAT_PAGE_MEMORY_BYTES = 0  # nor a process's memory of answers (tests/core/test_cache.py has it)
    settings.AZAMAT_EXPORT_DIR = ""  # the same for the export written to disk once per version
    # A test that writes the export reads it at once; the thread that writes it in production could not see
    # a test's data (it is not committed). tests/core/test_concurrency.py has the background writing.
    settings.AZAMAT_EXPORT_REFRESH = "request"


BUNDLED_TEXTS = Path(settings.BASE_DIR) / "constitution" / "data" / "official"


def shared_data_dir():
    """Where reference data arrives (``../shared/data`` beside the repository); tests only cross-check it."""
    return (
        Path(os.environ.get("AZAMAT_SHARED_DATA", Path(settings.BASE_DIR).parent / "shared" / "data")) / "constitution"
    )


@pytest.fixture
def official_texts():
    """The official texts the project ships (always there)."""
    return BUNDLED_TEXTS


def require_shared(path):
    """``path`` in the reference data beside the repository; the test is skipped without it, unless
    CI requires the data (then it fails)."""
    if not path.exists():
        if os.environ.get("AZAMAT_REQUIRE_SHARED_DATA"):
            pytest.fail(f"shared data required but missing: {path}")
        pytest.skip(f"reference data not present: {path}")
    return path


@pytest.fixture
def shared_texts():
    """The reference texts beside the repository; skipped without them unless CI requires them."""
    return require_shared(shared_data_dir() / "ru-2026.json").parent


@pytest.fixture
def editor_user():
    """An editor: staff, in the Editors group, not a superuser."""
    from django.contrib.auth.models import Group, User

    from editors.roles import EDITORS

    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor(editor_user):
    """A client logged in as the editor, with the admin in English so messages can be checked."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(editor_user)
    return client
