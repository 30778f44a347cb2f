"""Several instances, one truth: two gunicorn instances on one PostgreSQL and one Redis cache.

The production shape of the README. An edit saved through one instance's admin is served by the
other on the next request, a draft stays hidden on both, and the export of a content version is
written once however many requests ask for it at the same moment.

Runs where a PostgreSQL (``DATABASE_URL``) and a Redis (``AZAMAT_TEST_REDIS``, default
127.0.0.1:6379) answer: ``make pg-test`` and CI. It uses a database and a Redis database of its
own, made and dropped here, so it does not touch the suite's test database.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.adminforms import read_form

ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("AZAMAT_TEST_REDIS", "redis://127.0.0.1:6379/13")
ADMIN = ("instances-admin", "a long admin password 2026")
TTL = 1.0  # AZAMAT_VERSION_TTL of both instances: how long a worker may serve the version it last read

pytestmark = pytest.mark.instances


def _unavailable():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return "needs DATABASE_URL pointing at PostgreSQL (make pg-test)"
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means no Redis to test with
        return f"needs a Redis at {REDIS}: {exc}"
    return None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    """Two gunicorn instances (different ports, processes and var/ folders) on one new database
    and one Redis database; yields their base URLs and the path of each one's log."""
    reason = _unavailable()
    if reason:
        if os.environ.get("AZAMAT_REQUIRE_INSTANCES"):
            pytest.fail(f"the multi-instance test is required but cannot run: {reason}")
        pytest.skip(reason)
    import dj_database_url
    import psycopg
    import redis

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"azamat_instances_{os.getpid()}"
    admin_dsn = dict(host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], password=config["PASSWORD"])
    with psycopg.connect(dbname="postgres", autocommit=True, **admin_dsn) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS).flushdb()
    shared = tmp_path_factory.mktemp("instances")
    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CACHE_URL": REDIS,
        "SECRET_KEY": "instances-test-" + "x" * 40,
        "AZAMAT_LOCAL": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "AZAMAT_EXPORT_DIR": str(shared / "export"),  # one folder, as on one host or a shared volume
        "LOG_LEVEL": "INFO",
        "AZAMAT_VERSION_TTL": str(TTL),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v", "0"], ["load_content"], ["collectstatic", "--noinput", "-v", "0"]):
        result = subprocess.run(
            manage + command, cwd=ROOT, env={**env, "AZAMAT_VAR_DIR": str(shared / "var1")}, capture_output=True
        )
        assert result.returncode == 0, result.stderr.decode()[-2000:]
    (shared / "var2").mkdir()
    (shared / "var2" / "static").symlink_to(shared / "var1" / "static")  # the same release, as on two hosts
    create = (
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser({ADMIN[0]!r}, 'admin@example.com', {ADMIN[1]!r})"
    )
    subprocess.run(manage + ["shell", "-c", create], cwd=ROOT, env=env, check=True, capture_output=True)
    servers, processes = [], []
    for index in (1, 2):
        port, var = _free_port(), shared / f"var{index}"
        log = shared / f"instance{index}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env={**env, "AZAMAT_VAR_DIR": str(var)},
            stdout=open(log, "w"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        servers.append({"url": f"http://127.0.0.1:{port}", "log": log})
    try:
        for server in servers:
            for _ in range(100):
                try:
                    urllib.request.urlopen(server["url"] + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail(f"an instance did not start: {server['log'].read_text()[-2000:]}")
        yield servers
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        redis.Redis.from_url(REDIS).flushdb()
        with psycopg.connect(dbname="postgres", autocommit=True, **admin_dsn) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _eventually(read, done, within=TTL + 2):
    """``read()`` until ``done`` holds for what it returned, for at most ``within`` seconds: a worker
    that read the content version less than ``TTL`` seconds ago may still serve the one before."""
    deadline = time.monotonic() + within
    while True:
        got = read()
        if done(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.05)


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class Browser:
    """An editor's browser on one instance: cookies kept, forms read and sent back as they are."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def login(self):
        form = read_form(self.get("/admin/login/"), "login-form")
        self.post("/admin/login/", {**form, "username": ADMIN[0], "password": ADMIN[1]})

    def save(self, path, form_id, **changes):
        data = read_form(self.get(path), form_id)
        data.update(changes)
        return self.post(path, {**data, "_save": "Save"})


def test_an_edit_through_one_instance_is_served_by_the_other_and_drafts_stay_hidden(instances):
    first, second = instances
    page = "/ru/guides/eds/"
    for server in instances:  # both now hold the page in the shared cache
        status, html = _get(server["url"] + page)
        assert status == 200 and "Двойная проверка заголовка" not in html
    editor = Browser(first["url"])
    editor.login()
    changelist = editor.get("/admin/guides/guide/?slug__exact=eds")
    change = re.search(r'href="(/admin/guides/guide/\d+/change/)[^"]*"', changelist).group(1)
    landed, _html = editor.save(change, "guide_form", title_ru="ЭЦП: Двойная проверка заголовка")
    assert landed.endswith("/admin/guides/guide/"), landed
    status, html = _eventually(lambda: _get(second["url"] + page), lambda got: "Двойная проверка" in got[1])
    assert status == 200 and "ЭЦП: Двойная проверка заголовка" in html
    editor.save(change, "guide_form", status="draft")
    _eventually(lambda: _get(second["url"] + page), lambda got: got[0] == 404)
    time.sleep(TTL)  # every worker of both instances has now read the new version
    for server in instances:
        assert _get(server["url"] + page)[0] == 404
        assert _get(server["url"] + "/api/v1/guides/eds")[0] == 404
        assert "/ru/guides/eds/" not in _get(server["url"] + "/ru/guides/")[1]


def test_the_export_of_a_version_is_written_once_for_many_requests_on_both_instances(instances):
    time.sleep(TTL)  # no worker still serves the version before the previous test's edit
    urls = [server["url"] + "/api/v1/export" for server in instances] * 6
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        results = list(pool.map(_get, urls))
    assert {status for status, _body in results} == {200}
    assert len({body for _status, body in results}) == 1  # the same document everywhere
    time.sleep(0.5)
    written = sum(server["log"].read_text().count("export written:") for server in instances)
    assert written == 1, [server["log"].read_text()[-3000:] for server in instances]
