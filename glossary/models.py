"""Terms of the glossary: a word or abbreviation people meet in the guides, its other spellings and a one-
or two-sentence definition in each language, with the official source that establishes it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import BundledContent


def spelling_key(spelling):
    """How spellings are compared: case and spacing do not make a new term."""
    return " ".join(spelling.split()).casefold()


class Term(BundledContent):
    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("Latin letters; the anchor of the term on the glossary page.")
    )
    term = models.CharField(_("term"), max_length=200)
    spellings = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_("Abbreviations and other forms that mean this term, one per line (ЦОН, Центр обслуживания…)."),
    )
    definition = models.TextField(_("definition (one or two sentences, plain text)"))
    source_title = models.CharField(_("official source"), max_length=300, blank=True)
    source_url = models.URLField(_("address of the official source"), max_length=500, blank=True)
    related_guide = models.ForeignKey(
        "guides.Guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related guide"),
    )
    related_article = models.ForeignKey(
        "constitution.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related article of the Constitution"),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:index") + f"#{self.slug}"

    def spellings_in(self, language):
        """The term and its other spellings in ``language``, as written."""
        written = [getattr(self, f"term_{language}") or ""] + (
            getattr(self, f"spellings_{language}") or ""
        ).splitlines()
        return [" ".join(spelling.split()) for spelling in written if spelling.strip()]

    def clean(self):
        """Refuse a spelling another term already has in the same language: a word must say one thing."""
        super().clean()
        others = Term.objects.exclude(pk=self.pk) if self.pk else Term.objects.all()
        errors = {}
        for code, name in settings.LANGUAGES:
            mine = {spelling_key(spelling): spelling for spelling in self.spellings_in(code)}
            if not mine:
                continue
            for other in others:
                taken = {spelling_key(spelling) for spelling in other.spellings_in(code)}
                clash = next((mine[key] for key in mine if key in taken), None)
                if clash is None:
                    continue
                own_term = spelling_key(getattr(self, f"term_{code}") or "") == spelling_key(clash)
                field = f"term_{code}" if own_term else f"spellings_{code}"
                errors.setdefault(field, []).append(
                    ValidationError(
                        _("“%(spelling)s” (%(language)s) is already a spelling of the term “%(other)s”."),
                        code="duplicate_spelling",
                        params={"spelling": clash, "language": name, "other": other.spellings_in(code)[0]},
                    )
                )
        if errors:
            raise ValidationError(errors)
