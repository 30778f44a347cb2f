"""The guides index as life situations: the nine bundled categories in order, each with its number of
guides (plural forms in kk/ru/en) and an anchor, every guide in exactly one, empty ones hidden; and the
letters each guide leads to."""

import re

import pytest
from django.conf import settings

from core.loading import read_yaml
from core.models import Status
from guides.models import Category, Guide
from letters.models import LetterTemplate

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
BUNDLED_CATEGORIES = settings.BASE_DIR / "guides" / "data" / "categories.yaml"


def published_counts():
    return {
        category.slug: category.guides.filter(status=Status.PUBLISHED).count() for category in Category.objects.all()
    }


def test_the_nine_life_situations_are_bundled_in_their_order():
    bundled = [item["slug"] for item in read_yaml(BUNDLED_CATEGORIES)["categories"]]
    assert bundled == [
        "child",
        "documents",
        "business",
        "money",
        "home-car",
        "family",
        "health-pension",
        "death",
        "safety",
    ]
    assert set(bundled) <= set(Category.objects.values_list("slug", flat=True))


def test_every_guide_is_in_exactly_one_bundled_category():
    bundled = {item["slug"] for item in read_yaml(BUNDLED_CATEGORIES)["categories"]}
    for guide in Guide.objects.select_related("category"):
        assert guide.category.slug in bundled, guide.slug


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_category_with_guides_has_an_anchor_and_its_count(client, lang):
    html = client.get(f"/{lang}/guides/").content.decode()
    for slug, count in published_counts().items():
        if not count:
            continue
        assert f'<section id="{slug}"' in html and f'href="#{slug}"' in html
        section = html[html.index(f'<section id="{slug}"') :]
        section = section[: section.index("</section>")]
        assert section.count("<li>") == count


@pytest.mark.parametrize(
    ("lang", "count", "words"),
    [
        ("en", 1, "1 guide"),
        ("en", 3, "3 guides"),
        ("ru", 1, "1 инструкция"),
        ("ru", 3, "3 инструкции"),
        ("ru", 5, "5 инструкций"),
        ("ru", 21, "21 инструкция"),
        ("kk", 1, "1 нұсқаулық"),
        ("kk", 3, "3 нұсқаулық"),
    ],
)
def test_counts_use_the_plural_forms_of_each_language(client, lang, count, words):
    category = Category.objects.get(slug="home-car")
    Guide.objects.filter(category=category).delete()
    template = Guide.objects.get(slug="eds")
    for n in range(count):
        Guide.objects.create(
            slug=f"home-{n}",
            category=category,
            status=Status.PUBLISHED,
            title=f"Home {n}",
            summary="s",
            last_reviewed=template.last_reviewed,
        )
    html = client.get(f"/{lang}/guides/").content.decode()
    section = html[html.index('<section id="home-car"') :]
    assert words in section[: section.index("</section>")]


def test_categories_without_published_guides_are_hidden(client):
    Guide.objects.filter(category__slug="safety").update(status=Status.DRAFT)
    html = client.get("/en/guides/").content.decode()
    assert 'id="safety"' not in html and 'href="#safety"' not in html
    assert "Problems with the state or fraud" not in html
    empty = [slug for slug, count in published_counts().items() if not count]
    for slug in empty:
        assert f'id="{slug}"' not in html


# --- Letters for each guide ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("guide", "letters"),
    [
        ("online-fraud", {"fraud-report", "complaint"}),
        ("lost-id-card", {"lost-id-card"}),
        ("criminal-record-certificate", {"information-request"}),
        ("residence-registration", {"information-request"}),
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_guide_links_the_letters_that_are_its_next_step(client, guide, letters, lang):
    html = client.get(f"/{lang}/guides/{guide}/").content.decode()
    block = html[html.index('id="letters-h"') :]
    block = block[: block.index("</section>")]
    linked = set(re.findall(rf'href="/{lang}/forms/([a-z0-9-]+)/"', block))
    assert letters <= linked, linked


def test_a_draft_letter_is_not_linked_from_its_guide(client):
    LetterTemplate.objects.filter(slug="complaint").update(status=Status.DRAFT)
    html = client.get("/en/guides/online-fraud/").content.decode()
    assert "/en/forms/complaint/" not in html and "/en/forms/fraud-report/" in html


def test_a_letter_linked_both_ways_is_listed_once(client):
    letter = LetterTemplate.objects.get(slug="fraud-report")
    letter.next_step_for.add(letter.guide)
    html = client.get("/en/guides/online-fraud/").content.decode()
    block = html[html.index('id="letters-h"') :]
    assert block[: block.index("</section>")].count('href="/en/forms/fraud-report/"') == 1
