"""Display helpers of the glossary page."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def glossary_spellings(term):
    """The term's other spellings in the page's language (its name excluded)."""
    return term.spellings_in(get_language())[1:]
