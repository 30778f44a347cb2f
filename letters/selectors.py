"""Reads for the letter pages."""

from core.models import Status
from letters.models import LetterTemplate


def page_object(url_name, kwargs):
    """The letter a page of the letters shows, else None (the index)."""
    return LetterTemplate.objects.filter(slug=kwargs["slug"]).first() if "slug" in kwargs else None


def page_exists(url_name, kwargs):
    """Whether the letter a link to a letter page names exists (drafts count: editors link ahead)."""
    return "slug" not in kwargs or page_object(url_name, kwargs) is not None


def citing(article):
    """Published letters whose guide cites ``article``: the letter is how one acts on that article."""
    return list(
        LetterTemplate.objects.published()
        .filter(guide__related_articles=article, guide__status=Status.PUBLISHED)
        .order_by("slug")
    )
