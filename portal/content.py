"""Facts about the portal's content as a whole, shared by every page."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

CONTENT_APPS = ("constitution", "guides", "essays", "letters")


def content_models():
    """Models of the content apps (everything editors and the bundled data change)."""
    return [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]


def last_updated():
    """When any content last changed, or None before the first change (one query)."""
    from portal.models import ContentState

    return ContentState.objects.values_list("changed_at", flat=True).first()


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
