"""Money formatting for guides, in the page's language (``865 ₸``, ``0,2 АЕК``)."""

from decimal import Decimal
from urllib.parse import urlsplit

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

from core.text import text_lines

register = template.Library()


def _number(value):
    value = Decimal(value)
    value = value.normalize() if value == value.to_integral() else value
    places = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def tenge(value):
    """A whole amount in tenge with grouped digits: ``4 325 ₸``."""
    if value in (None, ""):
        return ""
    return f"{_number(value)}\u00a0₸"


@register.filter
def mci(value):
    """An amount in MCI with the unit's local abbreviation: ``0,2 АЕК`` / ``0,2 МРП`` / ``0.2 MCI``."""
    if value in (None, ""):
        return ""
    unit = gettext("MCI")
    return f"{_number(value)}\u00a0{unit}"


@register.filter
def domain(url):
    """The host of a link without ``www.``, to show where it leads: ``egov.kz``."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


@register.filter
def cells(text):
    """The non-empty lines of a translated table field."""
    return text_lines(text)
