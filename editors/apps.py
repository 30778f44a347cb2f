from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    """The editors' side of the admin: the base of every content admin and its checks on save
    (``editors.editorial``), the Editors group (``editors.roles``), their language, the Azamat
    branding, the editor's guide, and the Kazakh translation of Django's own admin strings
    (``editors/translations``)."""

    name = "editors"
    verbose_name = _("Editors")

    def ready(self):
        from django.contrib import admin

        from editors.roles import sync_editors_group

        admin.site.site_header = _("Azamat: editors")
        admin.site.site_title = _("Azamat editors")
        admin.site.index_title = _("Content of the portal")
        admin.site.site_url = None  # the link to the site is ours, in the editor's language (base_site.html)
        post_migrate.connect(sync_editors_group, sender=self, dispatch_uid="editors-group")
