"""What each app offers the rest of the portal, declared on its ``AppConfig`` and discovered here.

Django's contrib apps and Wagtail's hooks are the model: an app says what it contributes, and the
kernel, search, sitemaps, feeds, the API, the backup and the Editors group ask the registry instead
of naming apps. The apps are the ones in ``INSTALLED_APPS`` (``portal/settings.py``), the one place
that lists them; their order there is the order of everything below (loading, the API's routers,
the sitemaps).

An app declares what it offers as class attributes of its ``AppConfig``, usually by subclassing
``Contributions`` (``guides/apps.py`` is an example). Values are dotted paths, imported the first time
they are needed, so that declaring them imports nothing while Django starts:

``content``
    True for an app whose models are the portal's content: its changes move the content version
    (page and API caches), it is backed up and restored by ``export_content``/``import_content``,
    editors may change it, and the editors' dashboard lists its missing translations.
``loader``
    ``load(report, stdout)``: loads the app's bundled content (``manage.py load_content``).
``search``
    A module that provides documents to the index (see ``search.index``).
``sitemaps``
    ``{name: dotted path of a Sitemap class}``; ``sitemap_pages``: URL names of pages without an
    object (an index page) to list in the site's own sitemap.
``feed``
    ``entries(limit)``: ``core.feeds.Entry`` items for the feed of what changed.
``api_routers``
    ``[(prefix, dotted path of a django-ninja Router)]`` mounted under ``/api/v1/``.
``export_sections``
    ``[(position, key, dotted path of a Section)]``: the parts of the public export
    (``/api/v1/export``), placed by ``position``.
``editor_view_only``
    Model names editors may only view (not add, change or delete).
``page_exists``
    ``page_exists(url_name, kwargs)`` for the app's URL namespace: whether the object a link to one of
    its pages names exists (checked when editors save Markdown).
``page_object``
    ``page_object(url_name, kwargs)`` for the app's URL namespace: the object one of its pages shows, or
    None (a report about a page links to the object's change form in the admin).
``review_due``
    ``due(cutoff)``: items not reviewed since ``cutoff`` (the editors' dashboard).
``home``
    ``context(request)``: what the home page shows of the app (``home.html`` reads it under the
    app's label).
``citations``
    ``citing(article)``: the app's published items that cite an article of the Constitution, each with
    a translated ``title`` and ``get_absolute_url()`` (the article pages' and the API's "In practice");
    one query per app.
``editor_models``
    ``{model name: actions}`` of an app that is not content whose models editors work with (readers'
    reports: view and change), added to the Editors group's permissions.
``official_fields``
    ``{model name: [translated fields]}`` whose text in each language is reproduced from an official
    publication, not translated here (the Constitution's articles, notes and preamble): editors need not
    fill them in every language, and they are not compared for drifted figures (``core.drift``).
``dashboard``
    ``block(request)``: ``None`` or ``{"template": …, **context}``, a block of the editors' dashboard on
    the admin home.
``markup``
    ``mark(html, request, language)``: the HTML of an editor-written Markdown text on a public page (never an
    official text), in ``language``, returned with the app's markup added (the glossary marks known terms
    there). Applied by the ``tr`` tag in ``INSTALLED_APPS`` order when the page is rendered, so the page
    cache keeps the result and the stored text is never changed; per-page state may live on ``request``.
``offline_pages``
    URL names of pages (without arguments) that the service worker keeps for reading offline in the
    reader's language once they have opened any page in it (the Constitution in force, whole).
``panels``
    ``panels(obj)``: ``[{"template": …, **context}]``, blocks the app adds to another app's page about
    ``obj`` (the questionnaires and the expiry reminder on a guide's page); ``[]`` for objects it has
    nothing to add to.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import import_string

ATTRIBUTES = (
    "content",
    "loader",
    "search",
    "sitemaps",
    "sitemap_pages",
    "feed",
    "api_routers",
    "export_sections",
    "editor_view_only",
    "page_exists",
    "page_object",
    "review_due",
    "home",
    "citations",
    "editor_models",
    "official_fields",
    "dashboard",
    "panels",
    "markup",
    "offline_pages",
)


class Contributions:
    """A mixin for ``AppConfig``: what the app offers, all empty unless the app says otherwise."""

    content = False
    loader = None
    search = None
    sitemaps = {}
    sitemap_pages = ()
    feed = None
    api_routers = ()
    export_sections = ()
    editor_view_only = ()
    page_exists = None
    page_object = None
    review_due = None
    home = None
    citations = None
    editor_models = {}
    official_fields = {}
    dashboard = None
    panels = None
    markup = None
    offline_pages = ()


def _declared(config, attribute):
    return getattr(config, attribute, None)


def configs(attribute):
    """App configs that declare ``attribute``, in ``INSTALLED_APPS`` order."""
    return [config for config in apps.get_app_configs() if _declared(config, attribute)]


@cache
def _load(path, module=False):
    return import_module(path) if module else import_string(path)


def resolved(attribute, module=False):
    """``[(config, object)]`` for a single dotted-path attribute such as ``loader`` or ``search``."""
    return [(config, _load(_declared(config, attribute), module)) for config in configs(attribute)]


def content_apps():
    """The apps whose models are content."""
    return configs("content")


def content_labels():
    return tuple(config.label for config in content_apps())


def content_models():
    """Models of the content apps (everything editors and the bundled data change)."""
    return [model for config in content_apps() for model in config.get_models()]


def loaders():
    return [loader for _config, loader in resolved("loader")]


def search_providers():
    """The modules that provide documents to the search index."""
    return [module for _config, module in resolved("search", module=True)]


def sitemaps():
    """``{name: Sitemap class}`` of every app."""
    found = {}
    for config in configs("sitemaps"):
        for name, path in config.sitemaps.items():
            found[name] = _load(path)
    return found


def sitemap_pages():
    return [name for config in configs("sitemap_pages") for name in config.sitemap_pages]


def offline_pages():
    return [name for config in configs("offline_pages") for name in config.offline_pages]


def feeds():
    return [entries for _config, entries in resolved("feed")]


def api_routers():
    return [(prefix, _load(path)) for config in configs("api_routers") for prefix, path in config.api_routers]


def export_sections():
    """``[(key, Section)]`` of the public export, in their declared positions."""
    declared = [
        (position, key, path) for config in configs("export_sections") for position, key, path in config.export_sections
    ]
    return [(key, _load(path)) for _position, key, path in sorted(declared)]


def editor_view_only():
    """``{(app label, model name)}`` that editors may only view."""
    return {(config.label, name) for config in configs("editor_view_only") for name in config.editor_view_only}


def _for_namespace(attribute, namespace):
    for config in configs(attribute):
        if config.label == namespace:
            return _load(_declared(config, attribute))
    return None


def page_exists_for(namespace):
    """The app's ``page_exists`` for a URL namespace (its label), or None."""
    return _for_namespace("page_exists", namespace)


def page_object_for(namespace):
    """The app's ``page_object`` for a URL namespace (its label), or None."""
    return _for_namespace("page_object", namespace)


def review_due():
    return [due for _config, due in resolved("review_due")]


def home_blocks():
    return [(config.label, context) for config, context in resolved("home")]


def citations():
    """``[(config, citing)]``: each app's ``citing(article)``, in ``INSTALLED_APPS`` order."""
    return resolved("citations")


def editor_models():
    """``{(app label, model name): actions}`` that editors get beyond the content apps."""
    return {
        (config.label, name): tuple(actions)
        for config in configs("editor_models")
        for name, actions in config.editor_models.items()
    }


def official_fields():
    """``{model label (lower case): {field names}}`` of translated fields reproduced from official texts."""
    return {
        f"{config.label}.{name}": set(fields)
        for config in configs("official_fields")
        for name, fields in config.official_fields.items()
    }


def dashboard_blocks():
    return [block for _config, block in resolved("dashboard")]


def panels_for(obj):
    """Every app's panels for a page about ``obj``, in ``INSTALLED_APPS`` order."""
    return [panel for _config, panels in resolved("panels") for panel in panels(obj)]


def markups():
    """Every app's ``mark(html, request, language)``, in ``INSTALLED_APPS`` order."""
    return [mark for _config, mark in resolved("markup")]
