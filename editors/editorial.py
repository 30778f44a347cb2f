"""The editors' admin: one base for content admins (translations in tabs, drag-and-drop order,
history with undo, publish in bulk) and the checks every save goes through.

Checks on save (``EditorialForm``), with a message on the field:

- no Latin or Arabic letters inside Cyrillic words in Kazakh and Russian texts;
- a published item has its Kazakh text wherever another language has one;
- links to this site in Markdown point to pages that exist; other links are well-formed URLs.

After a save, a warning (the save stands) where the translations of a field carry different figures
(``core.drift``): a number, amount, date or article reference one language has and another lacks.
"""

import re

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, path, resolve, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from core import registry
from core.drift import drift_in
from core.i18n import LANGUAGE_CODES
from core.text import control_characters, control_characters_message, mixed_script_words, word_diff
from editors.links import pages_linking_to

MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def translated_fields(model):
    """Names of the translated fields of ``model`` that should exist in every language."""
    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    optional = registry.official_fields().get(model._meta.label_lower, set())  # official texts: kk and ru
    return [name for name in fields if name not in optional]


def missing_languages(obj, fields=None):
    """Languages in which some field of ``obj`` is empty while another language has it."""
    missing = []
    for field in fields if fields is not None else translated_fields(type(obj)):
        values = {code: (getattr(obj, f"{field}_{code}", "") or "").strip() for code in LANGUAGE_CODES}
        if any(values.values()):
            missing.extend(code for code, value in values.items() if not value and code not in missing)
    return [code for code in LANGUAGE_CODES if code in missing]


def missing_in(model, language):
    """A filter for objects of ``model`` missing ``language`` in a field another language has."""
    condition = Q()
    for field in translated_fields(model):
        empty = Q(**{f"{field}_{language}": ""}) | Q(**{f"{field}_{language}__isnull": True})
        elsewhere = Q()
        for code in LANGUAGE_CODES:
            if code != language:
                elsewhere |= ~Q(**{f"{field}_{code}": ""}) & Q(**{f"{field}_{code}__isnull": False})
        condition |= empty & elsewhere
    return condition


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(missing_in(queryset.model, self.value())).distinct()
        return queryset


# --- Checks on save ------------------------------------------------------------------------------


def _internal_link_problem(path):
    """Why an internal link is broken, or None when it leads to an existing page."""
    from core.links import page_exists

    target = path.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return None
    prefix = target.strip("/").split("/", 1)[0]
    try:
        with translation.override(prefix if prefix in LANGUAGE_CODES else None):  # /en/… resolves in English
            match = resolve(target)
    except Resolver404:
        return _("no such page")
    if not page_exists(match):
        return _("the page it points to does not exist")
    return None


def link_problems(text):
    """``(link, reason)`` for each broken link in a Markdown text."""
    problems = []
    for link in MARKDOWN_LINK.findall(text or ""):
        if link.startswith("#") or link.startswith("mailto:"):
            continue
        if link.startswith("/"):
            reason = _internal_link_problem(link)
        else:
            try:
                URLValidator(schemes=["http", "https"])(link)
                reason = None
            except ValidationError:
                reason = _("not a valid web address")
        if reason:
            problems.append((link, reason))
    return problems


class EditorialForm(forms.ModelForm):
    """The checks of the module docstring, for admin forms and inline forms alike."""

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if not isinstance(value, str):
                continue
            if codes := control_characters(value):
                self.add_error(name, control_characters_message(codes))
                continue
            code = name.rsplit("_", 1)[-1]
            if code in ("kk", "ru") and (words := mixed_script_words(value)):
                self.add_error(
                    name,
                    _("Latin or Arabic letters inside Cyrillic words (a typo that breaks search): %(words)s")
                    % {"words": ", ".join(sorted(set(words))[:10])},
                )
            for link, reason in link_problems(value):
                self.add_error(name, _("Broken link %(link)s: %(reason)s.") % {"link": link, "reason": reason})
        if data.get("status") == "published":
            for field in translated_fields(self._meta.model):
                kazakh = data.get(f"{field}_kk", getattr(self.instance, f"{field}_kk", ""))
                others = [data.get(f"{field}_{code}") for code in LANGUAGE_CODES if code != "kk"]
                if any(others) and not kazakh and f"{field}_kk" in self.fields:
                    self.add_error(f"{field}_kk", _("A published item needs its Kazakh text here."))
        return data


# --- Admin bases ---------------------------------------------------------------------------------


@admin.display(description=_("translations"))
def translations_column(obj):
    missing = missing_languages(obj)
    if not missing:
        return "✓ kk ru en"
    return _("missing: %(languages)s") % {"languages": " ".join(missing)}


@admin.action(description=_("Publish the selected items"))
def publish(modeladmin, request, queryset):
    count = 0
    for obj in queryset:  # one by one, so history, search and checks see every change
        if obj.status != "published":
            obj.status = "published"
            obj.save()
            count += 1
    modeladmin.message_user(
        request, ngettext("%d item published.", "%d items published.", count) % count, messages.SUCCESS
    )


@admin.action(description=_("Make the selected items drafts (hide them)"))
def unpublish(modeladmin, request, queryset):
    count = 0
    for obj in queryset:
        if obj.status != "draft":
            obj.status = "draft"
            obj.save()
            count += 1
            warn_about_links(request, obj)
    modeladmin.message_user(request, ngettext("%d item hidden.", "%d items hidden.", count) % count, messages.SUCCESS)


def warn_about_links(request, obj):
    """After hiding ``obj``: a warning naming the published pages that still link to it (readers who follow
    those links now get "page not found"), each with a link to edit it."""
    pages = pages_linking_to(obj)
    if not pages:
        return
    links = format_html_join(
        ", ", '<a href="{}">{}</a>', ((_change_url(page), f"{page._meta.verbose_name}: {page}") for page in pages)
    )
    messages.warning(
        request,
        format_html(
            "{} {}",
            ngettext(
                "«%(item)s» is hidden now, but %(count)d published page still links to it:",
                "«%(item)s» is hidden now, but %(count)d published pages still link to it:",
                len(pages),
            )
            % {"item": obj, "count": len(pages)},
            links,
        ),
    )


def _change_url(obj):
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return obj.get_absolute_url()


def drift_message(item):
    """What an editor reads about one drifted field: the item, the field, the figures per language."""
    field = item.model._meta.get_field(item.field).verbose_name
    return _("The translations of «%(item)s» (%(field)s) carry different figures: %(figures)s.") % {
        "item": item.obj,
        "field": field,
        "figures": item.summary(),
    }


def warn_about_drift(request, obj, formsets=()):
    """After saving ``obj`` and its inlines: a warning for each translated field whose languages disagree."""
    objects = [obj]
    for formset in formsets:
        deleted = {id(item) for item in getattr(formset, "deleted_objects", ())}
        objects += [form.instance for form in formset.forms if form.instance.pk and id(form.instance) not in deleted]
    for item in (item for part in objects for item in drift_in(part)):
        messages.warning(request, drift_message(item))


def content_version(obj):
    """What an editor's form was opened on: the item's last saved version in its history (a save of the item
    or of any of its parts adds one) and its last change time (bundled loads change it without history)."""
    latest = Version.objects.get_for_object(obj).values_list("pk", flat=True).first()
    return f"{latest or 0}:{obj.updated_at.isoformat() if getattr(obj, 'updated_at', None) else ''}"


class ContentAdmin(SortableAdminBase, VersionAdmin, TranslationAdmin):
    """Translations grouped by language (one at a time, or Kazakh and Russian side by side),
    drag-and-drop order of inlines, history with compare and revert, recovery of deleted items, a
    translations column and filter, and the save checks.

    The grouping is ``static/azamat/admin-translations.js``: modeltranslation's tabbed admin needs
    jQuery UI from a CDN, which the site's Content-Security-Policy (rightly) does not allow."""

    class Media:
        js = ("azamat/admin-translations.js",)
        css = {"all": ("azamat/admin-translations.css",)}

    form = EditorialForm
    list_per_page = 50
    object_history_template = "admin/editorial_history.html"

    # --- Two editors, one item: the second save of a stale form is refused, nothing is lost -----------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A form carries the version it was opened on (``_content_version``); saving it after someone else
        saved the item shows the form again, with what this editor typed, and says so."""
        extra_context = dict(extra_context or {})
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None:
            current = content_version(obj)
            extra_context["content_version"] = current
            sent = request.POST.get("_content_version") if request.method == "POST" else None
            if sent and sent != current:
                history = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk])
                request.azamat_stale = format_html(
                    '{} <a href="{}">{}</a> {}',
                    _("Someone else changed this item since you opened it; your changes are not saved yet."),
                    history,
                    _("Compare the versions in its history"),
                    _("and save again to replace their changes with yours."),
                )
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        stale = getattr(request, "azamat_stale", None)
        if not stale:
            return form

        class StaleForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(stale, code="stale")

        return StaleForm

    def save_model(self, request, obj, form, change):
        was_published = change and form.initial.get("status") == "published"
        super().save_model(request, obj, form, change)
        if was_published and getattr(obj, "status", None) == "draft":
            warn_about_links(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        warn_about_drift(request, form.instance, formsets)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="%s_%s_compare" % info,  # noqa: UP031 - the admin's own naming
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id, version_id):
        """An earlier version beside the current one, field by field, words removed and added marked."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        earlier = version.field_dict
        rows = []
        translated = set(translated_fields(self.model)) | registry.official_fields().get(self.opts.label_lower, set())
        for field in self.opts.concrete_fields:
            if field.primary_key or field.name in ("updated_at", "bundle_hash") or field.attname not in earlier:
                continue
            if field.name in translated:  # the field of the active language; its _kk/_ru/_en are compared
                continue
            before, now = earlier.get(field.attname), getattr(obj, field.attname)
            if before != now:
                old_html, new_html = word_diff("" if before is None else str(before), "" if now is None else str(now))
                rows.append({"label": field.verbose_name, "name": field.name, "old": old_html, "new": new_html})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "version": version,
            "rows": rows,
            "title": _("Compare with %(date)s") % {"date": version.revision.date_created},
            "revert_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revision", args=[obj.pk, version.pk]
            ),
        }
        return TemplateResponse(request, "admin/editorial_compare.html", context)

    def get_list_display(self, request):
        return (*super().get_list_display(request), translations_column)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if any(field.name == "status" for field in self.model._meta.fields) and self.has_change_permission(request):
            for action in (publish, unpublish):
                actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions


class SortableStackedInline(SortableInlineAdminMixin, TranslationStackedInline):
    form = EditorialForm
    extra = 0


class SortableTabularInline(SortableInlineAdminMixin, TranslationTabularInline):
    form = EditorialForm
    extra = 0


class PlainStackedInline(TranslationStackedInline):
    form = EditorialForm
    extra = 0


class PlainTabularInline(TranslationTabularInline):
    form = EditorialForm
    extra = 0
