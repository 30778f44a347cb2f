"""Facts about the portal's content as a whole, shared by every page."""

from datetime import UTC

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

CONTENT_APPS = ("constitution", "guides", "essays", "letters")


def content_models():
    """Models of the content apps (everything editors and the bundled data change)."""
    return [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]


def last_updated():
    """When any content last changed, or None before the first change.

    One primary-key read in plain SQL: every public request asks (the page cache keys on it), so
    it skips the ORM's query building.
    """
    from portal.models import ContentState

    table = connection.ops.quote_name(ContentState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT changed_at FROM {table} WHERE id = 1")  # noqa: S608 - a model's table name
        row = cursor.fetchone()
    if row is None:
        return None
    value = row[0]
    if isinstance(value, str):  # SQLite gives text
        value = parse_datetime(value)
    if value is not None and is_naive(value):
        value = make_aware(value, UTC)
    return value


def touch(**_signal_kwargs):
    """Record that content changed now."""
    from portal.models import ContentState

    now = timezone.now()
    with transaction.atomic():
        if not ContentState.objects.filter(pk=1).update(changed_at=now):
            ContentState.objects.create(pk=1, changed_at=now)


def connect_signals():
    """Call ``touch`` on every save, delete and change of links of a content model."""
    for model in content_models():
        post_save.connect(touch, sender=model, dispatch_uid=f"content-touch-save-{model._meta.label}")
        post_delete.connect(touch, sender=model, dispatch_uid=f"content-touch-delete-{model._meta.label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(touch, sender=field.remote_field.through, dispatch_uid=f"content-touch-m2m-{field}")


def can_preview(request):
    """Whether the visitor is staff and may see drafts.

    Looked up only when a session cookie is there: reading ``request.user`` marks the session as
    used, which makes the response vary on cookies and keeps it out of the shared page cache.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff
