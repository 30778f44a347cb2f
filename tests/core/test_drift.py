"""Translations carry the same figures: the rules of ``core.drift`` on real-looking texts in kk, ru and
en, and the bundled content held to no disagreement."""

import pytest

from core import drift
from core.drift import disagreement, figures

# --- Figures in one text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Төлем 2026 жылғы 15 наурыздағы бұйрықпен бекітілді", "kk"),
        ("Бұйрық 15 наурыз 2026 жылы күшіне енді", "kk"),
        ("Приказ от 15 марта 2026 года", "ru"),
        ("Приказ от 15.03.2026", "ru"),
        ("Приказ от 15.03.2026г.", "ru"),
        ("The order of 15 March 2026", "en"),
        ("The order of March 15, 2026", "en"),
        ("Order dated 2026-03-15", "en"),
    ],
)
def test_a_date_is_one_figure_however_it_is_written(text, language):
    assert figures(text, language) == {"15.03.2026"}


def test_a_month_and_year_or_a_day_and_month_are_dates_too():
    assert figures("2026 жылғы наурызда", "kk") == figures("в марте 2026 года", "ru") == {"03.2026"}
    assert figures("in March 2026", "en") == {"03.2026"}
    assert figures("1 шілдеден бастап", "kk") == figures("с 1 июля", "ru") == figures("from 1 July", "en") == {"01.07"}
    assert figures("5 мамырда", "kk") == figures("5 мая", "ru") == figures("5 May", "en") == {"05.05"}


def test_a_month_name_without_a_number_and_the_verb_may_are_not_dates():
    assert figures("Мамыр айы — көктемнің соңы", "kk") == set()
    assert figures("You may apply 3 times", "en") == {"3"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Баж — 4 325 теңге", "kk"),
        ("Пошлина — 4\u00a0325 тенге", "ru"),
        ("Пошлина — 4\u202f325 тенге", "ru"),
        ("The fee is 4325 tenge", "en"),
        ("The fee is 4,325 tenge", "en"),
    ],
)
def test_thousands_separators_are_written_forms_of_one_number(text, language):
    assert figures(text, language) == {"4325"}


def test_the_comma_is_decimal_in_kazakh_and_russian_and_a_thousands_separator_in_english():
    assert figures("Жәрдемақы 3 011,12 теңге", "kk") == {"3011.12"}
    assert figures("Пособие 3 011,12 тенге", "ru") == {"3011.12"}
    assert figures("The allowance is 3,011.12 tenge", "en") == {"3011.12"}
    assert figures("The allowance is 3011.12 tenge", "en") == {"3011.12"}
    # A Russian title quoted in the English text keeps its decimal comma.
    assert figures("«87,15 % граждан одобрили» (87.15% approved)", "en") == {"87.15"}


def test_percentages_ordinals_articles_and_scales_compare_by_value():
    assert figures("87,15 % дауыс берді", "kk") == figures("87.15 per cent voted", "en") == {"87.15"}
    assert figures("33-баптың 2-тармағы", "kk") == figures("Article 33(2)", "en") == {"2", "33"}
    assert figures("пункт 2 статьи 33", "ru") == {"2", "33"}
    assert figures("2-ші бала", "kk") == figures("2-й ребёнок", "ru") == figures("2nd child", "en") == {"2"}
    assert figures("шамамен 250 мың кәсіпкер", "kk") == figures("около 250 тысяч", "ru") == {"250000"}
    assert figures("about 250 000 entrepreneurs", "en") == {"250000"}
    assert figures("4,5 млн казахстанцев", "ru") == figures("4.5 million people", "en") == {"4500000"}
    assert figures("09:00-ден 18:00-ге дейін", "kk") == figures("from 9:00 to 18:00", "en") == {"9:00", "18:00"}


def test_a_russian_month_name_starting_a_sentence_is_a_date_too():
    assert figures("Январь 2026 года — проект.", "ru") == figures("**2026 жылғы қаңтар — жоба.**", "kk") == {"01.2026"}


def test_a_year_starting_a_title_is_not_a_list_number_and_a_decade_is_its_year():
    assert figures("2026. Арнаулы салық режимдері оңайлатылды", "kk") == {"2026"}
    assert figures("in the 1990s", "en") == figures("в 1990-е годы", "ru") == {"1990"}


def test_links_list_numbers_and_numbers_in_words_are_not_figures():
    text = (
        "1. Ашыңыз [egov.kz](https://egov.kz/cms/ru/services/pass003_mvd)"
        " немесе https://adilet.zan.kz/kaz/docs/K1500000414\n2. Төрт мың"
    )
    assert figures(text, "kk") == set()


# --- Disagreements between languages -------------------------------------------------------------


def test_the_same_figures_phrased_differently_agree():
    values = {
        "kk": "2026 жылы бірінші–үшінші балаға 38 АЕК = 164 350 теңге, 1,5 жасқа дейін.",
        "ru": "В 2026 году на первого–третьего ребёнка 38 МРП = 164\u00a0350 тенге, до 1,5 лет.",
        "en": "In 2026, 38 MCI = 164,350 tenge for a first, second or third child, until the age of 1.5.",
    }
    assert disagreement(values) == {}


def test_a_figure_one_language_lacks_is_a_disagreement_naming_it():
    values = {
        "kk": "Тіркеу 2 жұмыс күні алады, баж 5 406 теңге.",
        "ru": "Регистрация занимает 2 рабочих дня, пошлина 5 406 тенге.",
        "en": "Registration takes 2 working days; the fee is 5,460 tenge.",
    }
    assert disagreement(values) == {"kk": ["5406"], "ru": ["5406"], "en": ["5460"]}


def test_a_date_without_its_year_agrees_with_the_same_date_with_it():
    values = {
        "kk": "2026 жылғы 1 қаңтардан жаңа бағалар",
        "ru": "Новые цены с 1 января",
        "en": "New prices from 1 January 2026",
    }
    assert disagreement(values) == {}
    assert disagreement({"ru": "с 1 января", "en": "from 1 January 2026", "kk": "2025 жылғы 1 қаңтардан"}) != {}


def test_empty_translations_are_not_compared():
    assert disagreement({"kk": "", "ru": "Срок — 10 дней", "en": "It takes 10 days"}) == {}
    assert disagreement({"kk": None, "ru": "Срок — 10 дней", "en": ""}) == {}


# --- Over the content ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_translated_fields_not_official_texts_are_compared():
    from constitution.models import Article
    from guides.models import Guide, MciRate

    assert "summary" in drift.compared_fields(Guide)
    assert "text" not in drift.compared_fields(Article) and "summary" in drift.compared_fields(Article)
    assert drift.compared_fields(MciRate) == []


@pytest.mark.django_db
def test_a_drifted_field_is_found_in_the_content_with_a_query_per_model(django_assert_max_num_queries):
    from core.registry import content_models
    from guides.models import Guide

    guide = Guide.objects.order_by("pk").first()
    Guide.objects.filter(pk=guide.pk).update(
        summary_kk="Мерзімі — 10 жұмыс күні.",
        summary_ru="Срок — 10 рабочих дней.",
        summary_en="It takes 15 working days.",
    )
    models = [model for model in content_models() if drift.compared_fields(model)]
    with django_assert_max_num_queries(len(models) + 2):  # the content version, and one to name the guide
        found = drift.drift_in_content()
    [item] = [item for item in found if item.obj == guide]
    assert item.field == "summary" and item.figures == {"kk": ["10"], "ru": ["10"], "en": ["15"]}
    assert item.summary() == "kk: 10; ru: 10; en: 15"


@pytest.mark.django_db
def test_the_scan_is_kept_until_content_changes(settings, django_assert_max_num_queries):
    """The editors' dashboard asks on every admin home: the scan of all content runs once per content version."""
    from django.core.cache import cache

    from core.content import forget_version
    from core.registry import content_models
    from guides.models import Guide

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "drift"}}
    settings.AZAMAT_VERSION_TTL = 60
    cache.clear()
    forget_version()
    guide = Guide.objects.order_by("pk").first()
    original = {code: getattr(guide, f"summary_{code}") for code in ("kk", "ru", "en")}
    Guide.objects.filter(pk=guide.pk).update(summary_en="It takes 15 working days.", summary_ru="Срок — 10 дней.")
    first = drift.drift_in_content()
    assert any(item.obj == guide for item in first)
    with django_assert_max_num_queries(1):  # only the guide that disagrees, to name it
        again = drift.drift_in_content()
    assert [(item.obj, item.field, item.figures) for item in again] == [(i.obj, i.field, i.figures) for i in first]
    guide.refresh_from_db()
    guide.summary_en, guide.summary_ru = original["en"], original["ru"]
    guide.save()  # a new content version: scanned afresh
    assert not any(item.obj == guide for item in drift.drift_in_content())
    assert len([m for m in content_models() if drift.compared_fields(m)]) > 1
    cache.clear()


@pytest.mark.django_db
def test_the_bundled_content_has_no_drifted_translations():
    found = drift.drift_in_content()
    assert [f"{item.model._meta.label} {item.obj.pk} {item.field}: {item.summary()}" for item in found] == []


@pytest.mark.django_db
def test_check_drift_lists_each_disagreement_and_fails():
    from io import StringIO

    from django.core.management import CommandError, call_command

    from guides.models import Faq

    faq = Faq.objects.order_by("pk").first()
    Faq.objects.filter(pk=faq.pk).update(answer_kk="10 күн", answer_ru="10 дней", answer_en="12 days")
    out = StringIO()
    with pytest.raises(CommandError, match="1 translated field"):
        call_command("check_drift", stdout=out)
    assert f"guides.Faq {faq.pk}" in out.getvalue() and "kk: 10; ru: 10; en: 12" in out.getvalue()
