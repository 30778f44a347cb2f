"""The guides' parts of the public export: the MCI table and every published guide."""

from django.utils import timezone

from core.export import Section, array, released
from guides import selectors
from guides.api import GuideOut, MciOut, guide_out, mci_out
from guides.models import Guide, MciRate

GUIDES = 8  # read at a time, with their parts


def _mci(fields):
    return array(mci_out(rate) for rate in MciRate.objects.order_by("-year"))


def _guides(fields):
    guides = selectors.with_parts(Guide.objects.published()).order_by("category__order", "order", "slug", "id")
    year = timezone.localdate().year
    rate = MciRate.objects.for_year(year)
    return array(guide_out(guide, fields, rate, year) for guide in released(guides.iterator(GUIDES)))


mci = Section(list[MciOut], _mci)
guides = Section(list[GuideOut], _guides)
