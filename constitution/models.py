"""The Constitution: editions, their sections and articles, and the 1995→2026 mapping."""

import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import BundledContent, ChangeNote, keywords_field

ARTICLE_NUMBER = re.compile(r"^(\d{1,3})(?:-(\d{1,2}))?$")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def article_sort_key(number):
    """Natural order of article numbers as a sortable string: 9 < 10 < 83 < 83-1 < 84."""
    match = ARTICLE_NUMBER.match(number or "")
    if not match:
        raise ValueError(f"not an article number: {number!r}")
    main, suffix = match.groups()
    return f"{int(main):04d}-{int(suffix or 0):02d}"


class ConstitutionQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Editions in force on a date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(in_force_from__lte=on).filter(
            models.Q(in_force_until__isnull=True) | models.Q(in_force_until__gt=on)
        )


class Constitution(BundledContent):
    """An edition of the Constitution (the text adopted on one date, as amended)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, help_text=_("The year of adoption; used in URLs."))
    title = models.CharField(_("title"), max_length=200)
    adopted_on = models.DateField(_("adopted on"))
    adoption = models.CharField(_("how it was adopted"), max_length=300)
    amended_note = models.CharField(_("amendments"), max_length=300, blank=True)
    in_force_from = models.DateField(_("in force from"))
    in_force_until = models.DateField(_("in force until"), null=True, blank=True)
    preamble = models.TextField(_("preamble (official text)"), blank=True)
    source = models.TextField(_("source of the official text"), blank=True)
    source_url = models.URLField(_("official publication"), blank=True)
    official_text_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ConstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["-in_force_from"]
        verbose_name = _("constitution (edition)")
        verbose_name_plural = _("constitutions (editions)")

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return _edition_url(self, "index")

    @property
    def is_in_force(self):
        today = timezone.localdate()
        return self.in_force_from <= today and (self.in_force_until is None or self.in_force_until > today)


class Topic(BundledContent):
    """A theme that cuts across sections (rights and freedoms, elections, courts …)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Section(BundledContent):
    """A section (бөлім / раздел) of one edition, with our explanation of it."""

    constitution = models.ForeignKey(Constitution, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("number (Roman)"), max_length=5)
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("content (Markdown, unofficial)"), blank=True)
    significance = models.TextField(_("significance (Markdown, unofficial)"), blank=True)
    changes = models.TextField(_("what changed from the previous edition (Markdown)"), blank=True)

    class Meta:
        ordering = ["constitution", "order"]
        constraints = [
            models.UniqueConstraint(fields=["constitution", "number"], name="unique_section_number"),
            models.UniqueConstraint(fields=["constitution", "order"], name="unique_section_order"),
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return _edition_url(self.constitution, "section", number=self.number)


class ArticleQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("section", "constitution").order_by("sort_key")


class Article(BundledContent):
    """An article (бап / статья): the official text and our one-sentence summary."""

    constitution = models.ForeignKey(Constitution, on_delete=models.CASCADE, related_name="articles")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="articles")
    number = models.CharField(_("number"), max_length=8, help_text=_("Like 5 or 83-1."))
    sort_key = models.CharField(max_length=8, editable=False, db_index=True)
    summary = models.TextField(_("summary (one sentence, unofficial)"), blank=True)
    keywords = keywords_field()
    checked_on = models.DateField(
        _("explanation checked on"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked the explanation against the official text in each language."),
    )
    translation_note = models.TextField(
        _("translation note"),
        blank=True,
        help_text=_(
            "Where a translation we publish departs from the authoritative Kazakh and Russian texts: "
            "what it says, what they say, and which one the summary follows. Shown on the article page."
        ),
    )
    text = models.TextField(_("official text"), blank=True)
    notes = models.TextField(_("publisher's notes (amendments)"), blank=True)
    official_text_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="Fingerprint of the bundled official text last loaded."
    )
    is_excluded = models.BooleanField(_("excluded"), default=False, help_text=_("Excluded by an amendment."))
    is_key = models.BooleanField(_("key article"), default=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles", verbose_name=_("topics"))
    predecessors = models.ManyToManyField(
        "self",
        through="Correspondence",
        through_fields=("new_article", "old_article"),
        symmetrical=False,
        related_name="successors",
        blank=True,
        verbose_name=_("counterparts in the previous edition"),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["constitution", "sort_key"]
        constraints = [models.UniqueConstraint(fields=["constitution", "number"], name="unique_article_number")]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{self.number} ({self.constitution.year})" if self.constitution_id else self.number

    def save(self, *args, **kwargs):
        self.sort_key = article_sort_key(self.number)
        if self.section_id and not self.constitution_id:
            self.constitution_id = self.section.constitution_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return _edition_url(self.constitution, "article", number=self.number)

    def feed_title(self):
        """How the feed of what changed names the article."""
        return gettext("Constitution, Article %(number)s") % {"number": self.number}


class ArticleChange(ChangeNote):
    """A change to our explanation of an article (its summary or keywords), told to readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="changes")

    class Meta(ChangeNote.Meta):
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")


class Correspondence(BundledContent):
    """One link between an article of an earlier edition and one of a later edition."""

    old_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="later_links")
    new_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="earlier_links")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["new_article__sort_key", "old_article__sort_key"]
        constraints = [models.UniqueConstraint(fields=["old_article", "new_article"], name="unique_correspondence")]
        verbose_name = _("correspondence between editions")
        verbose_name_plural = _("correspondences between editions")

    def __str__(self):
        return f"{self.old_article} → {self.new_article}"


def _edition_url(constitution, kind, **kwargs):
    """URLs of the edition in force carry no year; earlier editions live under /constitution/<year>/."""
    if constitution.in_force_until is None:
        return reverse(f"constitution:{kind}", kwargs=kwargs)
    return reverse(f"constitution:edition-{kind}", kwargs={"year": constitution.year, **kwargs})
