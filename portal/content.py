"""Facts about the portal's content as a whole, shared by every page."""

from django.apps import apps
from django.db.models import Max

CONTENT_APPS = ("constitution", "guides", "essays")


def last_updated():
    """The latest ``updated_at`` of any content object, or None when there is none."""
    latest = None
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not any(field.name == "updated_at" for field in model._meta.fields):
                continue
            value = model._default_manager.aggregate(latest=Max("updated_at"))["latest"]
            if value and (latest is None or value > latest):
                latest = value
    return latest
