"""Browser, accessibility and HTML checks: tools, a production-like server, and Playwright pages.

They need Debian's chromium, the npm packages in package.json (``npm ci``) and Java. Without
them the tests are skipped with the reason; with ``AZAMAT_REQUIRE_BROWSER=1`` (set by .ci/run)
a missing tool is a failure instead.

The server is gunicorn on a free port with its own SQLite database and var/ folder, set up as
``make run`` does (migrate, load_content; the static files are the run's one collection, see
``collected_static`` in tests/conftest.py): the tests drive the site as a visitor would, and do not
share the test database of the rest of the suite. All browser tests go to one pytest-xdist worker
(the ``xdist_group`` "browser", ``--dist loadgroup`` in the Makefile), so one server and one
chromium serve them all.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import UNGROUPED

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("AZAMAT_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "var" / "screenshots"
EDITOR = ("browser-editor", "a long editor password 2026")


def missing_tools(*needed):
    reasons = []
    if "chromium" in needed:
        if not CHROMIUM.exists():
            reasons.append(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
        try:
            import playwright  # noqa: F401
        except ImportError:
            reasons.append("the playwright Python package is missing (pip install -r requirements-dev.txt)")
    if "axe" in needed and not AXE.exists():
        reasons.append("axe-core is missing (npm ci)")
    if "vnu" in needed:
        if not VNU.exists():
            reasons.append("vnu-jar is missing (npm ci)")
        if not shutil.which("java"):
            reasons.append("java is missing (apt-get install default-jre-headless)")
    return reasons


def require(*needed):
    reasons = missing_tools(*needed)
    if reasons:
        message = "; ".join(reasons)
        if os.environ.get("AZAMAT_REQUIRE_BROWSER"):
            pytest.fail(f"browser checks are required but cannot run: {message}")
        pytest.skip(f"browser checks skipped: {message}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory, collected_static, bundled_database, request):
    """The base URL of a running portal with the bundled content and an editor account."""
    require("chromium")
    if ungrouped := request.config.stash.get(UNGROUPED, []):
        pytest.fail(
            f"pytest-xdist did not send the browser tests to one worker ({len(ungrouped)} not grouped, e.g. "
            f"{ungrouped[0]}): are pytest and pytest-xdist the versions requirements-dev.txt pins?"
        )
    var = tmp_path_factory.mktemp("site-var")
    (var / "static").symlink_to(collected_static, target_is_directory=True)
    if bundled_database is not None:  # the run's copy of a database with the bundled content (tests/conftest.py)
        shutil.copyfile(bundled_database, var / "portal.sqlite3")
    env = {
        **os.environ,
        "AZAMAT_LOCAL": "1",
        "AZAMAT_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var}/portal.sqlite3",
        "CACHE_URL": "locmem://",
        "DEBUG": "0",
    }
    python = sys.executable
    # As `make run` sets up (migrate, catalogues, load_content, which the copy has had already), and an
    # editor, in one process: each `manage.py` of its own would start Django again (about a second each).
    load = "" if bundled_database is not None else "call_command('load_content', stdout=quiet); "
    set_up = (
        "import os, django; django.setup(); from django.core.management import call_command; "
        "from django.contrib.auth.models import Group, User; quiet = open(os.devnull, 'w'); "
        "call_command('migrate', interactive=False, verbosity=0); call_command('compile_catalogs', stdout=quiet); "
        f"{load}"
        f"u = User.objects.create_user({EDITOR[0]!r}, password={EDITOR[1]!r}, is_staff=True); "
        "u.groups.add(Group.objects.get(name='Editors'))"
    )
    setup_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    subprocess.run([python, "-c", set_up], cwd=ROOT, env=setup_env, check=True, capture_output=True)
    port = free_port()
    gunicorn = Path(python).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.terminate()
        pytest.fail("the portal did not start")
    yield base
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(site):
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs in this thread
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site, request):
    """A fresh browser tab at desktop size; a screenshot is kept in var/screenshots/ if the test fails."""
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900}, bypass_csp=False)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report
