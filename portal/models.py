"""Model pieces the content apps share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BundledContent(models.Model):
    """Content that may come from the bundled data: ``portal.loading.sync`` keeps ``bundle_hash``;
    ``updated_at`` feeds the footer's "data last updated" date."""

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    bundle_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True
