"""Test-run defaults: a local run (generated SECRET_KEY) unless the environment says otherwise."""

import os

os.environ.setdefault("AZAMAT_LOCAL", "1")


def pytest_report_header(config):
    """Say which database the run uses, so a CI log shows the PostgreSQL pass really ran on it."""
    url = os.environ.get("DATABASE_URL", "sqlite (default)")
    return f"database: {url.split('@')[-1]}"
