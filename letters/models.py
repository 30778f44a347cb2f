"""Application letter templates: named fields and a body with {placeholders}, in three languages.

Only the template is stored. What a visitor types goes into the downloaded file and nowhere else.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES
from core.models import BundledContent, Publishable, keywords_field
from core.text import text_lines
from letters.templating import unknown_placeholders


class LetterTemplate(Publishable):
    """A letter people fill in on the site and download as .docx or .pdf."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    body = models.TextField(
        _("letter text"),
        help_text=_(
            "Lines before a line starting with “# ” are the addressee block (set on the right); the "
            "“# ” line is the title. Fields go in as {name}; {today} is the date of the letter. A full "
            "name in Russian declines as {name@gen} or {name@dat}, in Kazakh {name@abl} adds the ablative "
            "ending; {g:утерял|утеряла} picks the word for the applicant's gender (from the IIN). An empty "
            "line starts a new paragraph; a paragraph or addressee line whose optional field is left "
            "empty is left out."
        ),
    )
    filename = models.CharField(_("file name (without extension)"), max_length=100)
    keywords = keywords_field()
    guide = models.ForeignKey(
        "guides.Guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
        verbose_name=_("guide"),
    )
    # Guides where this letter is the next step (a refusal to appeal, a body to ask): their pages list it
    # under "Application letters" with the letter of ``guide``.
    next_step_for = models.ManyToManyField(
        "guides.Guide",
        blank=True,
        related_name="next_step_letters",
        verbose_name=_("next step in guides"),
        help_text=_("Guides whose readers may need this letter next; their pages link to it."),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("letters:detail", kwargs={"slug": self.slug})

    def placeholder_problems(self, names=None):
        """``{language: [names]}`` of placeholders in the text that are not fields of this letter
        (``names``, or the fields stored now). The admin checks it on every save of the letter and
        its fields, and an import refuses a file that breaks it: a letter with a dangling {name}
        would print a blank where the visitor's answer belongs."""
        if names is None:
            names = set(self.fields.values_list("name", flat=True))
        bodies = {code: getattr(self, f"body_{code}", "") or "" for code in LANGUAGE_CODES}
        return unknown_placeholders(bodies, names)

    def import_problems(self):
        """What makes this letter, as imported, unusable (see ``core.backup``)."""
        return [
            f"letter {self.slug!r}: the {language} text uses {{{name}}}, which is not one of its fields"
            for language, names in self.placeholder_problems().items()
            for name in names
        ]


class LetterField(BundledContent):
    """One input of a letter form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("one line of text")
        TEXTAREA = "textarea", _("several lines of text")
        DATE = "date", _("a date, not in the future")
        IIN = "iin", _("IIN (ЖСН)")
        PHONE = "phone", _("phone number")
        CHOICE = "choice", _("one of the options")
        CHECKLIST = "checklist", _("any of the options (a list)")

    letter = models.ForeignKey(LetterTemplate, on_delete=models.CASCADE, related_name="fields")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.SlugField(_("name in the text"), max_length=40, help_text=_("Used as {name} in the letter text."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    label = models.CharField(_("label"), max_length=200)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    options = models.TextField(_("options, one per line"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["letter", "name"], name="unique_letter_field_name")]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name

    def option_list(self, text):
        return text_lines(text)
