"""Settings for Azamat, read from the environment.

Defaults are safe for production: DEBUG is off, secure headers are on, and the
process refuses to start without SECRET_KEY unless it is a local run
(``AZAMAT_LOCAL=1``, which ``make run`` and the test suite set), where a key is
generated once and kept in ``var/``.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("AZAMAT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    """Read a comma-separated environment variable into a list."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
LOCAL_RUN = env_bool("AZAMAT_LOCAL", False)


def _secret_key():
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not (DEBUG or LOCAL_RUN):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment for production, "
            "or set AZAMAT_LOCAL=1 for a local run (make run does)."
        )
    # A local run keeps one generated key so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
HTTPS = env_bool("AZAMAT_HTTPS", False)


def _site_url():
    """The public origin (``https://azamat.kz``) every absolute link is made from: canonical and hreflang
    links, feeds, sitemaps, structured data. Never the request's Host or X-Forwarded-Proto header,
    which anyone can forge and a cached page would then serve to everybody."""
    value = os.environ.get("SITE_URL", "").strip().rstrip("/")
    if not value:
        if DEBUG or LOCAL_RUN:
            return "http://127.0.0.1:8000"
        host = next((h for h in ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"), "localhost")
        return f"{'https' if HTTPS else 'http'}://{host}"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SITE_URL must be an origin such as https://azamat.kz, not {value!r}")
    return value


SITE_URL = _site_url()
if (site_host := urlsplit(SITE_URL).hostname) not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(site_host)  # the public origin is always a host this site answers to
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
# Readers' reports (feedback/): what they wrote is kept this many days (then `manage.py purge_feedback`
# deletes it; the yes/no counts stay); each client may send FEEDBACK_RATE_LIMIT reports per window, and
# the site takes at most FEEDBACK_DAILY_LIMIT a day, so a flood never fills the database.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "365"))
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))
FEEDBACK_RATE_WINDOW = 60 * 60
FEEDBACK_DAILY_LIMIT = int(os.environ.get("FEEDBACK_DAILY_LIMIT", "5000"))
# Searches are counted per day, language and query (feedback.models.SearchCount): at most
# SEARCH_COUNTS_DAILY_QUERIES distinct queries a day get a row (a flood of made-up queries stops there),
# and counts older than SEARCH_COUNTS_RETENTION_DAYS are deleted by purge_feedback.
SEARCH_COUNTS_DAILY_QUERIES = int(os.environ.get("SEARCH_COUNTS_DAILY_QUERIES", "3000"))
SEARCH_COUNTS_RETENTION_DAYS = int(os.environ.get("SEARCH_COUNTS_RETENTION_DAYS", "400"))

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "adminsortable2",
    "axes",
    "ninja",
    # The kernel: text in three languages, Markdown, caching, documents, loading, backup, the registry.
    "core",
    # The content apps, each declaring what it offers in its AppConfig (core.registry): this list is the
    # only place that names them. Their order is the order of loading, of the API's routers and sitemaps.
    "constitution",
    "guides",
    "essays",
    "letters",
    "answers",
    "glossary",
    # Services over the content: search, readers' feedback, and the editors' side of the admin.
    "search",
    "feedback",
    "editors",
]

MIDDLEWARE = [
    # At the edge: control characters are taken out of queries and forms; an address with one is refused.
    "core.edge.ControlCharactersMiddleware",
    # Then the page cache: a cached page skips everything below (see core.middleware); its stored headers are
    # the ones the middleware below added the first time.
    "core.middleware.ContentCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ApiJsonErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "editors.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # An address the edge refused gets the 400 page here, on its way out through everything above.
    "core.edge.RefusedAddressMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Logins: django-axes counts failures per account; the sixth wrong password in a row locks the
# account for an hour (a superuser can unlock it sooner under Axes in the admin).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 6  # the sixth wrong password in a row is refused and locks the account
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Locking by address as well would lock out everyone behind one proxy or office network; the
# account lock is what stops password guessing against an editor.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite as a real embedded database: the WAL journal lets readers read while a writer writes (an
    # import, an editor's save); a writer takes the write lock when its transaction begins (IMMEDIATE),
    # so two writers queue for up to the busy timeout instead of failing half-way; no fsync per commit.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "30")),
        }
    )
    # Tests run on a file too (not in memory), so they see the same journal and locking as production.
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", str(VAR_DIR / "test.sqlite3"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _caches():
    url = os.environ.get("CACHE_URL", "")
    if url.startswith(("redis://", "rediss://")):
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    elif url in ("", "locmem://"):
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    elif url == "dummy://":
        backend = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ImproperlyConfigured(f"CACHE_URL not understood: {url!r} (use redis://…, locmem:// or dummy://)")
    backend["KEY_PREFIX"] = "azamat"
    return {"default": backend}


CACHES = _caches()
# Whether the cache is one all instances share (Redis): the content version is then read from it.
AZAMAT_SHARED_CACHE = CACHES["default"]["BACKEND"].endswith("RedisCache")
# How long (seconds) a process reuses the content version it read before asking again: a cached page is
# then served with no query at all. Another instance's edit shows within this time (at once in the
# instance that made it, and through a shared cache).
AZAMAT_VERSION_TTL = float(os.environ.get("AZAMAT_VERSION_TTL", "1"))
# Each process also keeps the cached answers it served last in its own memory, up to this many bytes
# (core.middleware.PageMemory): a hit then costs what a static file costs, with no trip to Redis.
AZAMAT_PAGE_MEMORY_BYTES = int(os.environ.get("AZAMAT_PAGE_MEMORY_BYTES", str(32 * 1024 * 1024)))
# And the editor-written texts it rendered (Markdown, then the glossary's marking), by their source, up to
# this many bytes (core.text): a page re-rendered after an edit elsewhere does not render them again.
AZAMAT_TEXT_MEMORY_BYTES = int(os.environ.get("AZAMAT_TEXT_MEMORY_BYTES", str(16 * 1024 * 1024)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh first and default; every public URL carries its prefix.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
# The project's catalogues, then the Kazakh translation of Django's own admin strings that Django's
# catalogues lack or get wrong (kept apart so makemessages never touches it).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "editors" / "translations"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True
# Django ships no Kazakh number and date formats; ours live in core/formats/kk.
FORMAT_MODULE_PATH = ["core.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = ("kk", "ru", "en")
# Missing text falls back to Kazakh, then Russian, then English; templates mark it.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("kk", "ru", "en")}

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The public export (/api/v1/export) is written here once per content version and then served
# from disk; empty to stream it afresh on every request.
AZAMAT_EXPORT_DIR = os.environ.get("AZAMAT_EXPORT_DIR", str(VAR_DIR / "export"))
# After an edit, "background": requests get the previous version's file while a thread writes the new one
# (no request waits for it; a large export takes longer to write than gunicorn lets a request run);
# "request": the first request of a new version waits while it is written (the test suite).
AZAMAT_EXPORT_REFRESH = os.environ.get("AZAMAT_EXPORT_REFRESH", "background")
# import_content --replace saves the content it is about to replace here first.
AZAMAT_BACKUP_DIR = os.environ.get("AZAMAT_BACKUP_DIR", str(VAR_DIR / "backups"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
# Source maps (the API docs' bundles carry 5 MB of them) are for a developer's tools, not for readers: not
# compressed, which took most of collectstatic's time (Brotli at its highest quality).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
# /favicon.ico at the site's root; kept a week by browsers (its name cannot carry a hash).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"


def _long_cache_for_root_files(headers, path, url):
    if url.count("/") == 1:  # /favicon.ico, not /static/…
        headers["Cache-Control"] = "public, max-age=604800"


WHITENOISE_ADD_HEADERS_FUNCTION = _long_cache_for_root_files

# The official texts ship in constitution/data/official/. AZAMAT_DATA_DIR may name a folder with
# newer ones (constitution/<language>-<year>.json), loaded in their place; unset, nothing else is read.
AZAMAT_DATA_DIR = os.environ.get("AZAMAT_DATA_DIR", "")

# Security headers. HTTPS-only settings switch on with AZAMAT_HTTPS=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("AZAMAT_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("AZAMAT_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
if env_bool("AZAMAT_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint reports each step of every PDF at INFO: noise, and it would name the letter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
