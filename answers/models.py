"""Questionnaires ("answers for my situation"): a few questions that route a person to the outcome that
applies to them. Each questionnaire is a small decision tree kept as data: questions (one choice, a
number with units, a date), options that lead to the next question or to an outcome, and outcomes
that say what to do, with fees computed from the guides' fees (never copied) and links to the guide,
the letter and the official page. ``answers.tree`` walks and checks the tree."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import BundledContent, OrderedPart, Publishable, keywords_field


class Questionnaire(Publishable):
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Latin letters; the same in every language."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary (one or two sentences)"))
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    keywords = keywords_field()
    last_reviewed = models.DateField(_("last reviewed"), help_text=_("When an editor last checked the rules."))
    guides = models.ManyToManyField(
        "guides.Guide",
        blank=True,
        related_name="questionnaires",
        verbose_name=_("guides"),
        help_text=_("Guides whose pages offer this questionnaire."),
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("answers:detail", kwargs={"slug": self.slug})


class Question(OrderedPart):
    """One question. The first question (lowest order) starts the questionnaire."""

    class Kind(models.TextChoices):
        CHOICE = "choice", _("one of the options")
        NUMBER = "number", _("a whole number (options are ranges)")
        DATE = "date", _("a date")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("key"), max_length=40, help_text=_("The parameter in the address; Latin letters."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CHOICE)
    text = models.CharField(_("question"), max_length=300)
    hint = models.TextField(_("hint"), blank=True)
    unit = models.CharField(_("unit (for a number)"), max_length=40, blank=True)
    min_value = models.IntegerField(_("smallest number accepted"), null=True, blank=True)
    max_value = models.IntegerField(_("largest number accepted"), null=True, blank=True)
    next_key = models.SlugField(
        _("next (for a date)"),
        max_length=40,
        blank=True,
        help_text=_("The key of the question or outcome that follows a date."),
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="question_key_unique")]

    def __str__(self):
        return self.text


class Option(OrderedPart):
    """An answer to a question and where it leads. For a number, the option is the range ``low``–``high``
    (both included; an empty bound is open)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("key"), max_length=40, help_text=_("The value in the address; Latin letters."))
    label = models.CharField(_("answer"), max_length=300)
    low = models.IntegerField(_("from (for a number)"), null=True, blank=True)
    high = models.IntegerField(_("to (for a number)"), null=True, blank=True)
    next_key = models.SlugField(
        _("next"), max_length=40, help_text=_("The key of the question or outcome this answer leads to.")
    )
    # What this answer adds to the outcome page, whatever the outcome: a note, fees, a letter.
    note = models.TextField(_("note on the outcome page (Markdown)"), blank=True)
    fees = models.ManyToManyField(
        "guides.Fee",
        blank=True,
        related_name="options",
        verbose_name=_("fees"),
        help_text=_("The guides' fees this answer adds; shown in tenge for the current year."),
    )
    letter = models.ForeignKey(
        "letters.LetterTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("letter"),
    )
    letter_prefill = models.CharField(
        _("letter prefill"),
        max_length=200,
        blank=True,
        help_text=_("Choices to tick in the letter, like attachments=1. Never personal data."),
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="option_key_unique")]

    def __str__(self):
        return self.label

    def fits(self, number):
        return (self.low is None or number >= self.low) and (self.high is None or number <= self.high)


class Outcome(BundledContent):
    """What applies: the route, the documents, the time, the fees (from the guides), and where to go next."""

    class Reminder(models.TextChoices):
        NONE = "", _("none")
        ID_CARD = "id-card", _("identity card")
        PASSPORT = "passport", _("passport")
        DRIVING_LICENCE = "driving-licence", _("driving licence")
        EDS = "eds", _("electronic signature keys")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="outcomes")
    key = models.SlugField(_("key"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("what to do (Markdown)"))
    time_needed = models.CharField(_("time it takes"), max_length=200, blank=True)
    fees = models.ManyToManyField(
        "guides.Fee",
        blank=True,
        related_name="outcomes",
        verbose_name=_("fees"),
        help_text=_("The guides' fees that apply; shown in tenge for the current year."),
    )
    guide = models.ForeignKey(
        "guides.Guide", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("guide")
    )
    guide_anchor = models.CharField(
        _("part of the guide"), max_length=60, blank=True, help_text=_('Like "route-2" or "fees".')
    )
    letter = models.ForeignKey(
        "letters.LetterTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("letter"),
    )
    letter_prefill = models.CharField(
        _("letter prefill"),
        max_length=200,
        blank=True,
        help_text=_("Choices to tick in the letter, like attachments=1. Never personal data."),
    )
    official_url = models.URLField(_("official page"), blank=True)
    official_title = models.CharField(_("official page's title"), max_length=300, blank=True)
    deadline_from = models.SlugField(_("deadline counted from (a date question's key)"), max_length=40, blank=True)
    deadline_days = models.PositiveSmallIntegerField(_("deadline, calendar days"), null=True, blank=True)
    reminder = models.CharField(
        _("expiry reminder"), max_length=20, choices=Reminder.choices, blank=True, default=Reminder.NONE
    )

    class Meta:
        ordering = ["questionnaire", "key"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="outcome_key_unique")]

    def __str__(self):
        return self.title


class QuestionnaireSource(OrderedPart):
    """An official page or law the questionnaire's rules come from."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"))
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    confirmed = models.BooleanField(
        _("confirmed"), default=True, help_text=_("Untick when the rule rests on one unofficial source.")
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title
