"""Test-run defaults: a local run (generated SECRET_KEY) unless the environment says otherwise."""

import os

os.environ.setdefault("AZAMAT_LOCAL", "1")
