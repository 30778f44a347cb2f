"""Reading offline: the service worker at /sw.js (its headers, its version, what it keeps and never keeps),
the offline page in each language, and the web manifest that makes the site installable."""

import json
import re
import shutil
import subprocess

import pytest

from core.content import touch

pytestmark = pytest.mark.django_db


def worker(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    return response


def worker_config(body):
    escaped = re.search(r'JSON\.parse\("(.*)"\);', body).group(1)
    return json.loads(json.loads(f'"{escaped}"'))


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client):
    response = worker(client)
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    assert "Set-Cookie" not in response and not response.cookies


def test_a_change_of_content_gives_the_service_worker_a_new_version(client):
    before = worker(client).content.decode()
    touch()
    after = worker(client).content.decode()
    version = re.compile(r'const VERSION = "([0-9a-f]{16})";')
    assert version.search(before) and version.search(after)
    assert version.search(before).group(1) != version.search(after).group(1)


def test_the_service_worker_keeps_the_whole_constitution_and_the_offline_pages(client):
    config = worker_config(worker(client).content.decode())
    assert config["keep"] == {code: [f"/{code}/constitution/full/"] for code in ("kk", "ru", "en")}
    assert config["offline_page"] == {code: f"/{code}/offline/" for code in ("kk", "ru", "en")}
    assert {"/forms/", "/feedback/", "/reminders/", "/search/"} <= set(config["never"])
    assert all(path.startswith("/static/") for path in config["assets"]) and len(config["assets"]) == 2


# The worker's own rules, run in Node with the body /sw.js serves: what it keeps, what it never keeps.
RULES = """
const vm = require("vm");
const body = require("fs").readFileSync(0, "utf8");
const sandbox = {self: {location: {origin: "https://azamat.kz"}, addEventListener() {}}, URL, Response,
  Headers, JSON, RegExp, caches: {}, console};
vm.createContext(sandbox);
vm.runInContext(body + "; this.keepable = keepable; this.storable = storable;", sandbox);
const paths = %s;
const responses = %s;
const kept = paths.filter((p) => sandbox.keepable(new URL(p, "https://azamat.kz")));
const stored = responses.map(([control, type]) => sandbox.storable({ok: true, type: "basic", redirected: false,
  headers: new Headers({"Cache-Control": control, "Content-Type": type})}));
console.log(JSON.stringify({kept, stored}));
"""

PATHS = {
    "/kk/constitution/full/": True,
    "/ru/guides/eds/": True,
    "/en/essays/internet-fraud/": True,
    "/kk/answers/id-document/": True,
    "/kk/forms/lost-id-card/": False,
    "/ru/forms/": False,
    "/ru/feedback/": False,
    "/kk/reminders/lost-id-card.ics": False,
    "/en/search/?q=passport": False,
    "/kk/guides/eds/?feedback=sent": False,
    "/kk/answers/id-document/?document=id-card&id-age=30": False,
    "/admin/": False,
    "/admin/guides/guide/": False,
    "/api/v1/guides": False,
    "https://other.example/kk/guides/eds/": False,
}
RESPONSES = [
    (("public, max-age=0, must-revalidate", "text/html; charset=utf-8"), True),
    (("no-store, no-cache, must-revalidate, private", "text/html; charset=utf-8"), False),
    (("private", "text/html; charset=utf-8"), False),
    (("no-store", "text/html; charset=utf-8"), False),
    (("public, max-age=0", "text/calendar; charset=utf-8"), False),
    (("public, max-age=0", "application/pdf"), False),
]


def test_the_service_workers_rules_keep_public_pages_only(client):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing (apt-get install nodejs)")
    script = RULES % (json.dumps(list(PATHS)), json.dumps([pair for pair, _ in RESPONSES]))
    result = subprocess.run(
        [node, "-e", script], input=worker(client).content.decode(), capture_output=True, text=True, check=True
    )
    answer = json.loads(result.stdout)
    assert answer["kept"] == [path for path, kept in PATHS.items() if kept]
    assert answer["stored"] == [stored for _pair, stored in RESPONSES]


@pytest.mark.parametrize(
    ("lang", "heading"), [("kk", "Байланыс жоқ"), ("ru", "Нет соединения"), ("en", "No connection")]
)
def test_the_offline_page_in_each_language(client, lang, heading):
    response = client.get(f"/{lang}/offline/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in page and f"<h1>{heading}</h1>" in page
    assert '<meta name="robots" content="noindex">' in page
    assert f'href="/{lang}/constitution/full/"' in page
    assert 'id="feedback"' not in page  # no form to send without a connection


def test_the_manifest_makes_the_site_installable(client):
    data = json.loads(client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="kk").content)
    assert data["id"] == "/" and data["start_url"] == "/kk/" and data["scope"] == "/"
    assert data["display"] == "standalone" and data["theme_color"] and data["background_color"]
    assert data["name"] and data["short_name"] and data["description"]
    sizes = {icon["sizes"] for icon in data["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes


def test_every_page_loads_the_script_that_registers_the_worker(client):
    page = client.get("/ru/").content.decode()
    assert re.search(r'<script src="/static/js/azamat\.[0-9a-f]+\.js"></script>', page)
