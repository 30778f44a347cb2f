"""An outcome's text with its figures set in MCI written out for the current year.

Editors write ``{mci:7}`` where a rule is set in monthly calculation indices (a fine of 7 MCI, an income
cap of 300 MCI a month); the page shows ``7 MCI (30 275 ₸ in 2026)`` with the year's rate from the MCI
table, the same rate the guides' fees use, so no tenge figure is ever copied into the text.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from guides.templatetags.guides import mci, tenge

MCI = re.compile(r"\{mci:([0-9]+(?:[.,][0-9]+)?)\}")


def amount(figure, rate):
    """Whole tenge of ``figure`` MCI at ``rate`` (an ``MciRate``)."""
    return (Decimal(figure) * rate.value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def expand(text, rate):
    """``text`` with each ``{mci:N}`` written out; without a rate, the MCI figure alone."""

    def written(match):
        try:
            figure = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation:
            return match.group(0)
        if rate is None:
            return mci(figure)
        return _("%(mci)s (%(tenge)s in %(year)s)") % {
            "mci": mci(figure),
            "tenge": tenge(amount(figure, rate)),
            "year": rate.year,
        }

    return MCI.sub(written, text or "")
