"""Taking a report: the page checked, the text masked, the client's rate counted (by a salted hash of
its address, in the cache only, for the length of the window), a daily cap for all."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import get_language_from_path

from feedback.models import Report
from feedback.privacy import mask

NOT_PAGES = ("/admin/", "/api/")


def page_of(path):
    """``(language, path without the language)`` of a public page of the site, else None."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith(NOT_PAGES) or "//" in path:
        return None
    language = get_language_from_path(path)
    if language is None:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.namespace == "feedback":
        return None
    return language, path[len(language) + 1 :]


def _client_key(request):
    """A salted hash of the client's address: the address itself is never kept, and the salt changes
    with the secret key and the day."""
    salt = f"{settings.SECRET_KEY}:{timezone.localdate().isoformat()}".encode()
    address = request.META.get("REMOTE_ADDR", "").encode()
    return "feedback-rate:" + hmac.new(salt, address, hashlib.sha256).hexdigest()[:32]


def _count(key, window):
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, window)
        return 1


def over_limit(request):
    """Whether this client (or everyone, for the day) sent too many reports."""
    per_client = _count(_client_key(request), settings.FEEDBACK_RATE_WINDOW)
    if per_client > settings.FEEDBACK_RATE_LIMIT:
        return True
    today = f"feedback-day:{timezone.localdate().isoformat()}"
    return _count(today, 60 * 60 * 24) > settings.FEEDBACK_DAILY_LIMIT


def store(language, page, data):
    useful = {"yes": True, "no": False}.get(data.get("useful") or "")
    if useful is None and (data.get("doing") or data.get("wrong")):
        useful = False  # "Report a problem" without answering yes or no
    return Report.objects.create(
        page=page,
        language=language,
        useful=useful,
        doing=mask(data.get("doing", "")),
        wrong=mask(data.get("wrong", "")),
    )


def purge(days):
    """Delete the texts of reports older than ``days`` (the counts of yes and no stay); returns how many."""
    cutoff = timezone.localdate() - timezone.timedelta(days=days)
    old = Report.objects.filter(created_on__lt=cutoff).exclude(doing="", wrong="")
    return old.update(doing="", wrong="")
