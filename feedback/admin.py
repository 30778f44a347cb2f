from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from feedback import selectors
from feedback.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Editors triage: newest first, by status; what readers wrote is read-only (it is theirs)."""

    list_display = ("page_link", "language", "useful", "short_text", "created_on", "status")
    list_filter = ("status", "useful", "language", "created_on")
    search_fields = ("page", "doing", "wrong")
    list_editable = ("status",)
    readonly_fields = ("page_link", "language", "useful", "doing", "wrong", "created_on")
    fields = ("page_link", "language", "useful", "doing", "wrong", "created_on", "status", "change_note")
    change_list_template = "feedback/admin/change_list.html"

    def has_add_permission(self, request):
        return False  # reports come from readers only

    @admin.display(description=_("page"), ordering="page")
    def page_link(self, report):
        return format_html('<a href="{}">{}</a>', report.public_url(), report.page)

    @admin.display(description=_("text"))
    def short_text(self, report):
        text = " — ".join(filter(None, [report.doing, report.wrong]))
        return text if len(text) <= 120 else text[:119] + "…"

    def get_urls(self):
        pages = path("pages/", self.admin_site.admin_view(self.pages_view), name="feedback_report_pages")
        return [pages, *super().get_urls()]

    def pages_view(self, request):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Feedback by page, last 30 days"),
            "pages": selectors.pages(30),
            "opts": self.model._meta,
            "changelist": reverse("admin:feedback_report_changelist"),
        }
        return TemplateResponse(request, "feedback/admin/pages.html", context)
