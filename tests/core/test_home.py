"""The home page shows what is inside: key articles with what they say (tests/constitution), the most-used
guides with their summaries and the newest essays with the start of their leads."""

import html

import pytest

from essays.models import Essay
from guides.selectors import featured_guides

pytestmark = pytest.mark.django_db


def first_words(text, count=8):
    return " ".join(text.split()[:count])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_home_page_says_what_the_guides_and_the_newest_essays_are_about(client, lang):
    page = html.unescape(client.get(f"/{lang}/").content.decode())
    guides = featured_guides()
    assert guides
    for guide in guides:
        assert first_words(getattr(guide, f"summary_{lang}")) in page, guide.slug
    for essay in Essay.objects.published().order_by("-published_on", "slug")[:3]:
        lead = getattr(essay, f"lead_{lang}")
        assert first_words(lead) in page, essay.slug
        if len(lead.split()) > 24:
            assert lead not in page, essay.slug  # the start of it, not the whole paragraph


def test_the_home_page_does_a_constant_number_of_queries(client, django_assert_num_queries):
    from core.content import forget_version

    for lang in ("kk", "en"):
        forget_version()
        # The content version, the edition in force, its key articles, the guides, the essays.
        with django_assert_num_queries(5):
            assert client.get(f"/{lang}/").status_code == 200
