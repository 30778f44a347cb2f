"""Fixtures shared by the whole suite."""

import contextlib
import fcntl
import functools
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
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


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory, worker_id):
    """Collect static files once per run, as production does, so pages use hashed names. Collecting
    (hashing and compressing every file, the admin's included) takes about 40 s of processor time, so
    the run's processes share one collection: the first collects, the others wait for it and reuse it
    (the browser tests' server too, tests/browser/conftest.py)."""
    shared = run_directory(tmp_path_factory, worker_id)
    root = shared / "collected-static"
    done = shared / "collected-static.done"
    with exclusive(shared / "collected-static.lock"):
        if not done.exists():
            with override_settings(STATIC_ROOT=root):
                call_command("collectstatic", interactive=False, verbosity=0)
            done.touch()
    with override_settings(STATIC_ROOT=root):
        yield root


def pytest_collection_modifyitems(items):
    """The browser tests share one server and one chromium: pytest-xdist sends them to one worker."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the bundled content once: every test sees the real portal data (rolled back per test). The
    transactional pass (``-m transactional``, AZAMAT_TEST_BUNDLED=0) builds its own data instead."""
    if os.environ.get("AZAMAT_TEST_BUNDLED", "1") == "0":
        return
    with django_db_blocker.unblock():
        call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


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
