"""The editors' dashboard on the admin index: missing translations, translations whose figures differ
and guides due for review."""

from datetime import timedelta

from django import template
from django.contrib import admin
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import registry
from core.drift import drift_in_content
from core.i18n import LANGUAGE_CODES
from editors.editorial import missing_in, missing_languages, translated_fields

register = template.Library()
LIMIT = 15
REVIEW_AFTER = timedelta(days=365)


def _change_url(obj):
    """The admin form where ``obj`` is edited: its own, or its parent's when it is edited inline there
    (read from the foreign key's column, so no query)."""
    if not admin.site.is_registered(type(obj)):
        for field in obj._meta.concrete_fields:
            if field.many_to_one and admin.site.is_registered(field.related_model):
                related = field.related_model._meta
                return reverse(
                    f"admin:{related.app_label}_{related.model_name}_change", args=[getattr(obj, field.attname)]
                )
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def drifted_translations(user):
    """Every translated field whose languages carry different figures, in the models ``user`` may view."""
    models = [
        model
        for model in registry.content_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    return [
        {
            "object": item.obj,
            "model": item.model._meta.verbose_name,
            "field": item.model._meta.get_field(item.field).verbose_name,
            "figures": item.figures,
            "url": _change_url(item.obj),
        }
        for item in drift_in_content(models)
    ]


@register.inclusion_tag("admin/includes/editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    missing = []
    for config in registry.content_apps():
        for model in config.get_models():
            if not translated_fields(model) or not user.has_perm(f"{config.label}.view_{model._meta.model_name}"):
                continue
            condition = Q()
            for code in LANGUAGE_CODES:
                condition |= missing_in(model, code)
            queryset = model._default_manager.filter(condition).distinct()
            count = queryset.count()
            if count:
                items = [
                    {"object": obj, "url": _change_url(obj), "missing": missing_languages(obj)}
                    for obj in queryset[:LIMIT]
                ]
                missing.append({"model": model._meta.verbose_name_plural, "count": count, "items": items})
    cutoff = timezone.localdate() - REVIEW_AFTER
    stale = [{"object": item, "url": _change_url(item)} for due in registry.review_due() for item in due(cutoff)]
    blocks = [block for make in registry.dashboard_blocks() if (block := make(context["request"]))]
    drift = drifted_translations(user)
    return {"missing": missing, "drift": drift, "stale": stale, "cutoff": cutoff, "blocks": blocks}
