from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES
from core.links import object_of
from feedback import searches, selectors
from feedback.models import Report, SearchCount


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Editors triage: newest first, by status; what readers wrote is read-only (it is theirs)."""

    list_display = ("page_link", "language", "useful", "short_text", "created_on", "status")
    list_filter = ("status", "useful", "language", "created_on")
    search_fields = ("page", "doing", "wrong")
    list_editable = ("status",)
    readonly_fields = ("page_link", "edit_link", "language", "useful", "doing", "wrong", "created_on")
    fields = ("page_link", "edit_link", "language", "useful", "doing", "wrong", "created_on", "status", "change_note")
    change_list_template = "feedback/admin/change_list.html"

    def has_add_permission(self, request):
        return False  # reports come from readers only

    @admin.display(description=_("page"), ordering="page")
    def page_link(self, report):
        return format_html('<a href="{}">{}</a>', report.public_url(), report.page)

    @admin.display(description=_("in the admin"))
    def edit_link(self, report):
        """The change form of the object the page shows (``core.registry`` ``page_object``), if there is one
        and it is registered here; else nothing (the page link above is all there is)."""
        obj = object_of(report.public_url())
        if obj is None or type(obj) not in self.admin_site._registry:
            return "—"
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Edit “%(item)s”") % {"item": obj})

    @admin.display(description=_("text"))
    def short_text(self, report):
        text = " — ".join(filter(None, [report.doing, report.wrong]))
        return text if len(text) <= 120 else text[:119] + "…"

    def get_urls(self):
        pages = path("pages/", self.admin_site.admin_view(self.pages_view), name="feedback_report_pages")
        return [pages, *super().get_urls()]

    def pages_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Feedback by page, last 30 days"),
            "pages": selectors.pages(30),
            "opts": self.model._meta,
            "changelist": reverse("admin:feedback_report_changelist"),
        }
        return TemplateResponse(request, "feedback/admin/pages.html", context)


class KeywordForm(forms.Form):
    """A failing query and the item whose keywords should hold it."""

    language = forms.ChoiceField(choices=[(code, code) for code in LANGUAGE_CODES], widget=forms.HiddenInput)
    query = forms.CharField(max_length=searches.QUERY_LIMIT, widget=forms.HiddenInput)
    item = forms.ChoiceField(label=_("Item"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {
            model._meta.label_lower: model
            for model in searches.keyword_models()
            if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        }
        self.fields["item"].choices = [
            (
                capfirst(model._meta.verbose_name_plural),
                [(f"{key}:{obj.pk}", str(obj)) for obj in model._default_manager.select_related()],
            )
            for key, model in self.models.items()
        ]

    def clean_item(self):
        key, _sep, pk = self.cleaned_data["item"].rpartition(":")
        item = self.models[key].objects.filter(pk=pk).first() if key in self.models else None
        if item is None:
            raise forms.ValidationError(_("Choose an item from the list."))
        return item


@admin.register(SearchCount)
class SearchCountAdmin(admin.ModelAdmin):
    """The searches that failed most in the last 30 days (found nothing, or nobody opened a result), each
    with one action: make the query a keyword of the item that answers it. Counts are read-only."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # old counts go with purge_feedback

    def get_urls(self):
        keyword = path("keyword/", self.admin_site.admin_view(self.keyword_view), name="feedback_searchcount_keyword")
        return [keyword, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Searches that did not help, last 30 days"),
            "searches": selectors.failing_searches(30),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "feedback/admin/searches.html", context)

    def keyword_view(self, request):
        """Add a failing query to the keywords of an item, in the query's language."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form = KeywordForm(data, initial=request.GET.dict(), user=request.user)
        if not form.models:
            raise PermissionDenied
        if form.is_valid():
            item, language, query = (form.cleaned_data[name] for name in ("item", "language", "query"))
            if searches.add_keyword(item, language, query, user=request.user):
                message = gettext("“%(query)s” is now a search keyword (%(language)s) of “%(item)s”.")
            else:
                message = gettext("“%(query)s” already was a search keyword (%(language)s) of “%(item)s”.")
            self.message_user(request, message % {"query": query, "language": language, "item": item}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:feedback_searchcount_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Add a search keyword"),
            "form": form,
            "query": form["query"].value(),
            "language": form["language"].value(),
            "opts": self.model._meta,
            "changelist": reverse("admin:feedback_searchcount_changelist"),
        }
        return TemplateResponse(request, "feedback/admin/keyword.html", context)
