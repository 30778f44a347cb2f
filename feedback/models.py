"""A reader's report about one page. Stored: the page (its address without the language), the
language, useful yes/no, what they were doing and what went wrong (masked: feedback.privacy), the date,
and the editors' triage. Never stored: the address, user agent, cookies or the time of day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(created_on__gte=day)


class Report(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        FIXED = "fixed", _("fixed")
        WONT_FIX = "wontfix", _("won't fix")
        DUPLICATE = "duplicate", _("duplicate")

    page = models.CharField(_("page"), max_length=300, db_index=True, help_text=_("Its address without the language."))
    language = models.CharField(_("language"), max_length=2)
    useful = models.BooleanField(_("useful"), null=True)
    doing = models.TextField(_("what they were trying to do"), blank=True)
    wrong = models.TextField(_("what went wrong"), blank=True)
    created_on = models.DateField(_("date"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    change_note = models.URLField(
        _("change note"), blank=True, help_text=_("Where the fix is told: the page's change note.")
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.page} ({self.language}, {self.created_on})"

    @property
    def has_text(self):
        return bool(self.doing or self.wrong)

    def public_url(self):
        return f"/{self.language}{self.page}"


class SearchCountQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(day__gte=day)


class SearchCount(models.Model):
    """How often a query was searched on one day in one language, how often it found nothing, and how
    many of its results were opened: one row per day, language and query (``search.analysis.normalised``),
    counted up in place. Stored: those counts. Never stored: who searched, when in the day, from where
    (no address, cookie, session or user agent is read)."""

    day = models.DateField(_("date"), db_index=True)
    language = models.CharField(_("language"), max_length=2)
    query = models.CharField(_("query"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    found_nothing = models.PositiveIntegerField(_("found nothing"), default=0)
    clicks = models.PositiveIntegerField(_("results opened"), default=0)

    objects = SearchCountQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "language", "query"]
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="one_count_a_day")]
        verbose_name = _("search count")
        verbose_name_plural = _("searches that did not help")

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"
