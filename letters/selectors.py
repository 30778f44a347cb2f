"""Reads for the letter pages."""

from letters.models import LetterTemplate


def page_exists(url_name, kwargs):
    """Whether the letter a link to a letter page names exists (drafts count: editors link ahead)."""
    return "slug" not in kwargs or LetterTemplate.objects.filter(slug=kwargs["slug"]).exists()
