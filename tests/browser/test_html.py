"""Every page type is valid HTML (the Nu HTML Checker) and carries the security headers."""

import json
import subprocess

import pytest

from tests.browser.conftest import VNU, require
from tests.browser.pages import PAGE_TYPES, addresses

pytestmark = pytest.mark.django_db


def fetch(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), path
    return response


def test_every_page_type_is_valid_html(client, tmp_path):
    require("vnu")
    files = []
    for kind, lang, path in addresses():
        target = tmp_path / f"{kind}-{lang}.html"
        target.write_bytes(fetch(client, path).content)
        files.append(target)
    errors_page = client.post("/en/forms/lost-id-card/", {"format": "pdf"})  # the form with its errors
    assert errors_page.status_code == 400
    (tmp_path / "letter-errors-en.html").write_bytes(errors_page.content)
    files.append(tmp_path / "letter-errors-en.html")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == [], "\n".join(problems[:30])
    assert len(files) == len(PAGE_TYPES) * 3 + 1


@pytest.mark.parametrize(("kind", "lang", "path"), addresses(("kk",)))
def test_every_page_type_sends_the_security_headers(client, kind, lang, path):
    response = fetch(client, path)
    csp = response["Content-Security-Policy"]
    script = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script and "'self'" in script
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response  # plain HTTP in tests


def test_hsts_on_every_page_type_under_https_settings(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    for kind, _lang, path in addresses(("ru",)):
        response = client.get(path, secure=True)
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains", kind
