"""An editor's own settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorPreference(models.Model):
    """The language an editor works in, in the admin (the browser's until they choose)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_preference", verbose_name=_("user")
    )
    language = models.CharField(_("language of the admin"), max_length=5, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("editor's preference")
        verbose_name_plural = _("editors' preferences")

    def __str__(self):
        return f"{self.user}: {self.language}"
