"""Service guides: a guide has alternative routes of ordered steps, documents, fees, FAQ, tips,
sources and comparison tables. Fees in MCI are turned into tenge with the MCI table."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import BundledContent, ChangeNote, OrderedPart, Publishable, keywords_field
from core.text import text_lines


class MciRateQuerySet(models.QuerySet):
    def for_year(self, year):
        """The rate of ``year``, else of the latest earlier year (a new year's rate may not be entered yet)."""
        return self.filter(year__lte=year).order_by("-year").first()


class MciRate(models.Model):
    """The monthly calculation index (АЕК / МРП / MCI) of one year, fixed by that year's budget law.

    Fees in MCI are shown in tenge with the rate of the current year, so editing a rate here
    changes every guide at once.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    value = models.PositiveIntegerField(_("value, tenge"))
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source link"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    bundle_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = MciRateQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("MCI rate")
        verbose_name_plural = _("MCI rates")

    def __str__(self):
        return f"{self.year}: {self.value} ₸"


class Category(BundledContent):
    """A group of guides on the guides index (documents, digital services, money …)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class Guide(Publishable):
    """A step-by-step guide to one public service or everyday task."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Latin letters; the same in every language."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="guides", verbose_name=_("category"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary (one or two sentences)"))
    audience = models.TextField(_("who can apply"), blank=True)
    time_needed = models.CharField(_("time needed"), max_length=200, blank=True)
    cost = models.CharField(_("cost in short"), max_length=200, blank=True)
    result = models.TextField(_("result"), blank=True)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    fees_note = models.TextField(_("note under the fees (Markdown)"), blank=True)
    keywords = keywords_field()
    last_reviewed = models.DateField(_("last reviewed"), help_text=_("When an editor last checked the facts."))
    related_articles = models.ManyToManyField(
        "constitution.Article", blank=True, related_name="guides", verbose_name=_("related articles")
    )

    class Meta:
        ordering = ["category__order", "order", "slug"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:detail", kwargs={"slug": self.slug})

    def get_print_url(self):
        return reverse("guides:print", kwargs={"slug": self.slug})


class GuideChange(ChangeNote):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="changes")

    class Meta(ChangeNote.Meta):
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")


class Route(OrderedPart):
    """One way to get the service (eGov portal, eGov Mobile, in person …), with its own steps."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="routes")
    title = models.CharField(_("title"), max_length=200)
    suits = models.TextField(_("who it suits"), blank=True)
    advantages = models.TextField(_("advantages (Markdown)"), blank=True)
    needs = models.TextField(_("what you need (Markdown)"), blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"route-{self.order}"


class Step(OrderedPart):
    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("details (Markdown)"), blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title


class Document(OrderedPart):
    """A document to bring or attach; ``note`` says when it is needed."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("document"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    is_required = models.BooleanField(_("always required"), default=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.name


TENGE = Decimal("1")


class Fee(OrderedPart):
    """A fee: an amount in MCI (turned into tenge by the year's rate) or a fixed amount in tenge."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="fees")
    condition = models.CharField(_("condition"), max_length=300, help_text=_('Like "standard, 15 working days".'))
    amount_mci = models.DecimalField(_("amount in MCI"), max_digits=8, decimal_places=3, null=True, blank=True)
    amount_tenge = models.DecimalField(_("amount in tenge"), max_digits=12, decimal_places=2, null=True, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_mci__isnull=True, amount_tenge__isnull=False)
                | models.Q(amount_mci__isnull=False, amount_tenge__isnull=True),
                name="fee_in_mci_or_tenge",
            )
        ]

    def __str__(self):
        return self.condition

    def clean(self):
        if (self.amount_mci is None) == (self.amount_tenge is None):
            raise ValidationError(_("Give the amount either in MCI or in tenge, not both and not neither."))

    @property
    def is_free(self):
        return (self.amount_mci if self.amount_mci is not None else self.amount_tenge) == 0

    def amount_in_tenge(self, year=None, rate=None):
        """The amount in whole tenge in ``year`` (this year by default).

        An MCI amount uses that year's rate (``rate``, an ``MciRate``, saves the query when the
        caller already has it) and None when no rate is known; a tenge amount is returned as is.
        """
        if self.amount_mci is None:
            return self.amount_tenge.quantize(TENGE, rounding=ROUND_HALF_UP)
        if rate is None:
            rate = MciRate.objects.for_year(year or timezone.localdate().year)
        if rate is None:
            return None
        return (self.amount_mci * rate.value).quantize(TENGE, rounding=ROUND_HALF_UP)


class Faq(OrderedPart):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer (Markdown)"))

    class Meta(OrderedPart.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question


class Tip(OrderedPart):
    class Kind(models.TextChoices):
        TIP = "tip", _("tip")
        WARNING = "warning", _("warning")

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="tips")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TIP)
    text = models.TextField(_("text (Markdown)"))

    class Meta(OrderedPart.Meta):
        verbose_name = _("tip or warning")
        verbose_name_plural = _("tips and warnings")

    def __str__(self):
        return self.text[:60]


class Source(OrderedPart):
    """An official page the guide relies on; readers are sent there to check what changes."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("link"))
    checked_on = models.DateField(_("checked on"), null=True, blank=True, help_text=_("When an editor last read it."))

    class Meta(OrderedPart.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title


class ComparisonTable(OrderedPart):
    """A table of translatable rows and columns (a bank comparison, "what you need" …).

    Column headings are one per line; each row's cells are one per line, in column order.
    """

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="tables")
    title = models.CharField(_("title"), max_length=300)
    columns = models.TextField(_("column headings, one per line"))
    note = models.TextField(_("note under the table (Markdown)"), blank=True)

    class Meta(OrderedPart.Meta):
        verbose_name = _("comparison table")
        verbose_name_plural = _("comparison tables")

    def __str__(self):
        return self.title


class ComparisonRow(OrderedPart):
    table = models.ForeignKey(ComparisonTable, on_delete=models.CASCADE, related_name="rows")
    cells = models.TextField(_("cells, one per line"))

    class Meta(OrderedPart.Meta):
        verbose_name = _("row")
        verbose_name_plural = _("rows")

    def __str__(self):
        return " | ".join(text_lines(self.cells))[:80]

    def clean(self):
        """Each language's row has as many cells as the table has columns in that language."""
        if not self.table_id:
            return
        errors = {}
        for code, _name in settings.LANGUAGES:
            columns = text_lines(getattr(self.table, f"columns_{code}", ""))
            cells = text_lines(getattr(self, f"cells_{code}", ""))
            if columns and cells and len(cells) != len(columns):
                errors[f"cells_{code}"] = _("%(cells)d cells for %(columns)d columns: give one cell per line.") % {
                    "cells": len(cells),
                    "columns": len(columns),
                }
        if errors:
            raise ValidationError(errors)
