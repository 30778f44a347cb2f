"""Facts about the portal's content as a whole, shared by every page."""

from datetime import UTC

from django.apps import apps
from django.db import connection
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

CONTENT_APPS = ("constitution", "guides", "essays")


def content_models():
    """Models of the content apps that record when they were last changed."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if any(field.name == "updated_at" for field in model._meta.fields)
    ]


def last_updated():
    """The latest ``updated_at`` of any content object, or None when there is none.

    One query however many content models there are: every page's footer shows it.
    """
    quote = connection.ops.quote_name
    parts = [f"SELECT MAX({quote('updated_at')}) AS latest FROM {quote(m._meta.db_table)}" for m in content_models()]
    if not parts:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(latest) FROM ({' UNION ALL '.join(parts)}) AS updates")  # noqa: S608 - table names
        value = cursor.fetchone()[0]
    if isinstance(value, str):  # SQLite returns the aggregate of a subquery as text
        value = parse_datetime(value)
    if value is not None and is_naive(value):
        value = make_aware(value, timezone=UTC)
    return value
