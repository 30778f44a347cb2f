from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    """The editors' side of the admin: their language, the Azamat branding, the editor's guide, and
    the Kazakh translation of Django's own admin strings (``editors/translations``)."""

    name = "editors"
    verbose_name = _("Editors")

    def ready(self):
        from django.contrib import admin

        admin.site.site_header = _("Azamat: editors")
        admin.site.site_title = _("Azamat editors")
        admin.site.index_title = _("Content of the portal")
        admin.site.site_url = None  # the link to the site is ours, in the editor's language (base_site.html)
