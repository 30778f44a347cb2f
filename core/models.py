"""Model pieces the content apps share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BundledContent(models.Model):
    """Content that may come from the bundled data: ``core.loading.sync`` keeps ``bundle_hash``;
    ``updated_at`` feeds the footer's "data last updated" date."""

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    bundle_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Publishable(BundledContent):
    """Content that is hidden from the public until an editor publishes it."""

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class OrderedPart(BundledContent):
    """A part of a page listed in the order editors give it (drag and drop in the admin)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class ChangeNote(BundledContent):
    """A public note on a change that matters to readers (the GOV.UK habit): shown in the item's
    change history and in the feeds of what's new. Each content app keeps its own (a guide's, an
    essay's, an article's explanation's)."""

    date = models.DateField(_("date"))
    note = models.TextField(_("what changed (public, one or two sentences)"))

    class Meta:
        abstract = True
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"


class ContentState(models.Model):
    """A single row saying when any content last changed (saved, deleted or relinked).

    Pages show it as "data last updated", and the API and page caches key on it: one cheap
    query instead of scanning every content table, and deletions count too. Kept current by
    the signals in ``core.content``.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    changed_at = models.DateTimeField(_("content changed at"))

    class Meta:
        verbose_name = _("content state")

    def __str__(self):
        return self.changed_at.isoformat()


def keywords_field():
    """The search keywords every content model that search indexes has (one definition for all)."""
    return models.TextField(
        _("search keywords"),
        blank=True,
        help_text=_(
            "Words people use for this that the text does not (synonyms, abbreviations, everyday words), "
            "separated by commas; search weighs them like the title."
        ),
    )
