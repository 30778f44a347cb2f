"""The life-situation guides of issue #29 (car, flat or house, divorce, inheritance): bundled content
that loads whole in three languages, states its key facts in each, renders, and is found by search."""

from decimal import Decimal

import pytest
from django.utils.html import escape

from bench.search_quality import target_of
from core.text import mixed_script_words
from guides.models import Guide
from search.selectors import search

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
CATEGORIES = {
    "vehicle-registration": "home-car",
    "property-registration": "home-car",
    "divorce": "family",
    "inheritance": "death",
}

# Key facts, in the words each language uses; every phrase must appear somewhere in the guide's text.
FACTS = {
    "vehicle-registration": {
        "kk": [
            "мамандандырылған ХҚКО",
            "2,8 АЕК",
            "1,25 АЕК",
            "17 516 теңге",
            "утилизациялық төлем",
            "50 АЕК",
            "1 сәуір",
        ],
        "ru": ["спецЦОН", "2,8 МРП", "1,25 МРП", "17 516 тенге", "утилизационный платёж", "50 МРП", "1 апреля"],
        "en": ["specialised PSC", "2.8 MCI", "1.25 MCI", "17 516 tenge", "recycling fee", "50 MCI", "1 April"],
    },
    "property-registration": {
        "kk": ["нотариус", "12 АЕК", "7 АЕК", "1,5 АЕК", "ауыртпалық", "келесі жұмыс күні", "1 қазан", "нақтылануда"],
        "ru": [
            "нотариус",
            "12 МРП",
            "7 МРП",
            "1,5 МРП",
            "обременени",
            "следующего рабочего дня",
            "1 октября",
            "уточняется",
        ],
        "en": [
            "notary",
            "12 MCI",
            "7 MCI",
            "1.5 MCI",
            "encumbrance",
            "next working day",
            "1 October",
            "to be confirmed",
        ],
    },
    "divorce": {
        "kk": [
            "6 900 теңге",
            "бір ай",
            "45 күнтізбелік күн",
            "кәмелетке толмаған ортақ бала",
            "1/4",
            "сот",
            "нақтылануда",
        ],
        "ru": ["6 900 тенге", "месяц", "45 календарных дней", "несовершеннолетних детей", "1/4", "суд", "уточняется"],
        "en": ["6 900 tenge", "one month", "45 calendar days", "minor children", "1/4", "court", "to be confirmed"],
    },
    "inheritance": {
        "kk": ["алты ай", "нотариус", "35 АЕК", "151 375 теңге", "мұрагерлік құқық туралы куәлік", "өсиет", "тегін"],
        "ru": [
            "шесть месяцев",
            "нотариус",
            "35 МРП",
            "151 375 тенге",
            "свидетельство о праве на наследство",
            "завещани",
            "бесплатно",
        ],
        "en": ["six months", "notary", "35 MCI", "151 375 tenge", "certificate of inheritance", "will", "free"],
    },
}

# One natural query per guide and language that must find the guide among the first five answers.
QUERIES = [
    ("vehicle-registration", "kk", "көлікті қалай қайта тіркеймін"),
    ("vehicle-registration", "ru", "как переоформить машину после покупки"),
    ("vehicle-registration", "en", "how to register a used car"),
    ("property-registration", "kk", "пәтер сатып алу құжаттары"),
    ("property-registration", "ru", "регистрация права собственности на квартиру"),
    ("property-registration", "en", "register ownership of a flat"),
    ("divorce", "kk", "сот арқылы ажырасу"),
    ("divorce", "ru", "как развестись через загс"),
    ("divorce", "en", "how to get divorced in kazakhstan"),
    ("inheritance", "kk", "мұраны қалай ресімдеймін"),
    ("inheritance", "ru", "как вступить в наследство"),
    ("inheritance", "en", "burial allowance"),
]


def guide_text(guide, lang):
    """Everything a reader of the guide sees in one language, as one string."""
    parts = [
        getattr(guide, f"{field}_{lang}") or ""
        for field in ("title", "summary", "audience", "time_needed", "cost", "result", "intro", "fees_note")
    ]
    for route in guide.routes.all():
        parts += [getattr(route, f"{field}_{lang}") or "" for field in ("title", "suits", "advantages", "needs")]
        parts += [getattr(step, f"{field}_{lang}") or "" for step in route.steps.all() for field in ("title", "body")]
    parts += [getattr(doc, f"{field}_{lang}") or "" for doc in guide.documents.all() for field in ("name", "note")]
    parts += [getattr(fee, f"condition_{lang}") or "" for fee in guide.fees.all()]
    parts += [getattr(faq, f"{field}_{lang}") or "" for faq in guide.faqs.all() for field in ("question", "answer")]
    parts += [getattr(tip, f"text_{lang}") or "" for tip in guide.tips.all()]
    for table in guide.tables.all():
        parts += [getattr(table, f"note_{lang}") or ""] + [getattr(row, f"cells_{lang}") for row in table.rows.all()]
    return "\n".join(parts)


@pytest.mark.parametrize("slug", CATEGORIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_guide_is_complete_in_every_language(slug, lang):
    guide = Guide.objects.get(slug=slug)
    assert guide.category.slug == CATEGORIES[slug]
    assert guide.status == "published"
    for field in ("title", "summary", "audience", "time_needed", "cost", "result", "intro", "fees_note", "keywords"):
        assert getattr(guide, f"{field}_{lang}"), (field, lang)
    assert guide.routes.count() >= 3 and guide.routes.first().steps.count() >= 3
    for route in guide.routes.all():
        assert getattr(route, f"title_{lang}") and getattr(route, f"suits_{lang}")
        assert route.steps.exists()
        assert all(getattr(step, f"title_{lang}") and getattr(step, f"body_{lang}") for step in route.steps.all())
    assert guide.documents.count() >= 4
    assert all(getattr(doc, f"name_{lang}") for doc in guide.documents.all())
    assert guide.fees.exists() and all(fee.source_url for fee in guide.fees.all())
    assert guide.faqs.count() >= 4 and guide.tips.filter(kind="warning").exists()
    assert guide.related_articles.filter(constitution__year=2026).exists()
    assert not mixed_script_words(guide_text(guide, lang))


@pytest.mark.parametrize("slug", CATEGORIES)
def test_every_source_is_a_link_with_the_date_it_was_checked(slug):
    sources = Guide.objects.get(slug=slug).sources.all()
    assert len(sources) >= 5
    for source in sources:
        assert source.url.startswith(("https://", "http://")) and source.checked_on, source.url
        assert source.title_kk and source.title_ru and source.title_en


@pytest.mark.parametrize("slug", CATEGORIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_facts_are_stated_in_every_language(slug, lang):
    text = guide_text(Guide.objects.get(slug=slug), lang)
    missing = [phrase for phrase in FACTS[slug][lang] if phrase.lower() not in text.lower()]
    assert not missing, missing


@pytest.mark.parametrize("slug", CATEGORIES)
def test_kazakh_text_uses_the_official_terms(slug):
    text = guide_text(Guide.objects.get(slug=slug), "kk")
    assert "Мемлекеттік корпорация" in text and "ХҚКО" in text
    assert "ЦОН" not in text.replace("«ЦОН»", "")  # ХҚКО; «ЦОН» only as the name of the app
    assert " зан " not in f" {text} "  # «заң», never «зан»


def test_fees_are_in_mci_or_free_and_turn_into_tenge():
    vehicle = Guide.objects.get(slug="vehicle-registration")
    plates = vehicle.fees.get(amount_mci=Decimal("2.8"))
    assert plates.amount_in_tenge(2026) == 12110  # 2.8 × 4 325
    assert vehicle.fees.get(amount_mci=175).amount_in_tenge(2026) == 756875  # recycling fee, 1 001–2 000 cc
    assert Guide.objects.get(slug="property-registration").fees.get(amount_mci=12).amount_in_tenge(2026) == 51900
    assert Guide.objects.get(slug="divorce").fees.filter(amount_tenge=6900).exists()
    assert Guide.objects.get(slug="inheritance").fees.get().is_free  # registering a death


@pytest.mark.parametrize("slug", CATEGORIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_guide_page_and_print_view_render(client, slug, lang):
    guide = Guide.objects.get(slug=slug)
    response = client.get(f"/{lang}/guides/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{escape(getattr(guide, f'title_{lang}'))}</h1>" in html
    assert html.count('<ol class="steps">') == guide.routes.count()
    assert f'href="/{lang}/constitution/article/29/"' in html or f'href="/{lang}/constitution/article/30/"' in html
    assert client.get(f"/{lang}/guides/{slug}/print/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guides_index_lists_the_new_guides_under_their_categories(client, lang):
    html = client.get(f"/{lang}/guides/").content.decode()
    for slug, category in CATEGORIES.items():
        assert f'href="/{lang}/guides/{slug}/"' in html
        assert f'<h2 id="cat-{category}"' in html


@pytest.mark.parametrize(("slug", "lang", "query"), QUERIES)
def test_a_natural_query_finds_the_guide_in_the_first_five(slug, lang, query):
    targets = [target_of(hit.url) for hit in search(query, lang).hits][:5]
    assert f"guide:{slug}" in targets, targets
