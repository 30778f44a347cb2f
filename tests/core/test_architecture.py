"""The shape of the house: the kernel and the services below the content apps never import them, and the
list of apps is written once (``INSTALLED_APPS``), the registry telling everything else what each offers."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core import registry

ROOT = Path(settings.BASE_DIR)
# Floors from the ground up: a module may import from its own floor's app or from a lower one.
LOWER = {"core": set(), "search": {"core"}, "editors": {"core"}, "feedback": {"core", "search"}}


def project_apps():
    return {config.label for config in apps.get_app_configs() if Path(config.path).parent == ROOT}


def imported_apps(path):
    """The project apps a module imports, by the first part of each imported name."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & (project_apps() | {"portal"})


@pytest.mark.parametrize("app", sorted(LOWER))
def test_the_kernel_and_the_services_import_no_app_above_them(app):
    allowed = {app, *LOWER[app]}
    wrong = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if found := imported_apps(path) - allowed:
            wrong[str(path.relative_to(ROOT))] = sorted(found)
    assert wrong == {}


def test_content_apps_are_the_ones_that_say_so_in_installed_apps_order():
    labels = registry.content_labels()
    assert labels == tuple(
        label for label in (app.split(".")[-1] for app in settings.INSTALLED_APPS) if label in labels
    )
    assert {"constitution", "guides", "essays", "letters"} <= set(labels)


def test_no_module_lists_the_content_apps_again():
    """The apps are named in settings (and each names itself); nowhere else as a list of labels."""
    labels = registry.content_labels()
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in (".venv", "node_modules", "tests", "var") or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                strings = {elt.value for elt in node.elts if isinstance(elt, ast.Constant)}
                if len(strings & set(labels)) >= 2:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [str(Path("portal") / "settings.py") + f":{_installed_apps_line()}"]


def _installed_apps_line():
    tree = ast.parse((ROOT / "portal" / "settings.py").read_text(encoding="utf-8"))
    return next(
        node.value.lineno
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "INSTALLED_APPS"
    )


def test_every_contribution_resolves():
    """Each dotted path an app declares names something that exists."""
    for attribute in ("loader", "feed", "page_exists", "page_object", "review_due", "home", "citations"):
        for config, found in registry.resolved(attribute):
            assert callable(found), (config.label, attribute)
    for module in registry.search_providers():
        assert module.KIND and module.LABEL and module.INDEXED
    assert registry.sitemaps() and registry.api_routers() and registry.export_sections()
