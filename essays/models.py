"""Essays: analysis pieces in ordered sections, with a key takeaway, sources and data series."""

import math
import re

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import ChangeNote, OrderedPart, Publishable, keywords_field

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w+", re.UNICODE)


class Essay(Publishable):
    """An essay on law and society; its body is the ordered ``sections``."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Latin letters; the same in every language."))
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead (one paragraph)"))
    key_takeaway = models.TextField(_("key takeaway (Markdown)"), blank=True)
    keywords = keywords_field()
    published_on = models.DateField(_("published on"))
    revised_on = models.DateField(_("revised on"), null=True, blank=True)
    related_articles = models.ManyToManyField(
        "constitution.Article", blank=True, related_name="essays", verbose_name=_("related articles")
    )
    related_guides = models.ManyToManyField(
        "guides.Guide", blank=True, related_name="essays", verbose_name=_("related guides")
    )

    class Meta:
        ordering = ["-published_on", "slug"]
        verbose_name = _("essay")
        verbose_name_plural = _("essays")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("essays:detail", kwargs={"slug": self.slug})

    def reading_minutes(self, texts):
        """Minutes to read ``texts`` (the lead, sections and takeaway in one language), at least one."""
        words = sum(len(_WORD.findall(text or "")) for text in texts)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


class EssaySection(OrderedPart):
    """A section of an essay: a heading and Markdown text."""

    essay = models.ForeignKey(Essay, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text (Markdown)"))

    class Meta(OrderedPart.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.heading

    @property
    def anchor(self):
        return f"section-{self.order}"


class EssaySource(OrderedPart):
    """A work the essay relies on."""

    essay = models.ForeignKey(Essay, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("link"), blank=True)
    date = models.CharField(
        _("date"), max_length=40, blank=True, help_text=_("As the source gives it: 2023, or 12.02.2026.")
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title


class EssayChange(ChangeNote):
    essay = models.ForeignKey(Essay, on_delete=models.CASCADE, related_name="changes")

    class Meta(ChangeNote.Meta):
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")


class DataSeries(OrderedPart):
    """Numbers shown as a chart (an inline SVG) and as a table, with where they come from."""

    class Chart(models.TextChoices):
        BAR = "bar", _("bars (categories, or a few uneven years)")
        LINE = "line", _("a line (a series over regular time steps)")

    essay = models.ForeignKey(Essay, on_delete=models.CASCADE, related_name="data_series")
    title = models.CharField(_("title"), max_length=200)
    chart = models.CharField(_("chart"), max_length=10, choices=Chart.choices, default=Chart.BAR)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the chart shows, in a sentence, for people who cannot see it.")
    )
    note = models.TextField(
        _("what was counted"),
        blank=True,
        help_text=_("The definition of the series and its caveats, shown under the chart (Markdown)."),
    )
    unit = models.CharField(_("unit"), max_length=60, help_text=_("Like: cases per 100 000 people."))
    label_axis = models.CharField(_("label axis"), max_length=60, blank=True, help_text=_("Like: year."))
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source link"), blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("data series")
        verbose_name_plural = _("data series")

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"chart-{self.pk}"


class DataPoint(models.Model):
    series = models.ForeignKey(DataSeries, on_delete=models.CASCADE, related_name="points")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("data point")
        verbose_name_plural = _("data points")

    def __str__(self):
        return f"{self.label}: {self.value}"
