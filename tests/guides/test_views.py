"""Service guides: fees from the MCI table, ordering, pages in three languages, print view, queries."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from core.content import forget_version
from core.models import Status
from core.text import mixed_script_words
from guides.models import Category, ComparisonRow, ComparisonTable, Faq, Fee, Guide, MciRate, Route, Step

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
GUIDES = ("eds", "lost-id-card", "bank-account")


def this_year_rate():
    return MciRate.objects.for_year(timezone.localdate().year)


def grouped(amount, lang="kk"):
    """Tenge as the pages print it: digits grouped by a no-break space (a comma in English)."""
    separator = "," if lang == "en" else "\u00a0"
    return f"{int(amount):,}".replace(",", separator) + "\u00a0₸"


# --- Fee.amount_in_tenge and the MCI table -------------------------------------------------------


def test_bundled_mci_table_has_the_sourced_values():
    rates = {rate.year: rate.value for rate in MciRate.objects.all()}
    assert {2024: 3692, 2025: 3932, 2026: 4325}.items() <= rates.items()
    assert all(rate.source for rate in MciRate.objects.all())


def test_fee_in_mci_uses_the_rate_of_the_year_and_rounds_half_up():
    fee = Fee(amount_mci=Decimal("0.2"), condition="standard")
    assert fee.amount_in_tenge(2026) == Decimal("865")  # 0.2 × 4 325
    assert fee.amount_in_tenge(2024) == Decimal("738")  # 0.2 × 3 692 = 738.4
    MciRate.objects.create(year=1999, value=3693, source="test")
    assert Fee(amount_mci=Decimal("0.5")).amount_in_tenge(1999) == Decimal("1847")  # 1 846.5 rounds up


def test_fee_without_a_rate_for_its_year_uses_the_latest_earlier_rate_or_none():
    fee = Fee(amount_mci=Decimal("1"))
    latest = MciRate.objects.order_by("-year").first()
    assert fee.amount_in_tenge(latest.year + 5) == latest.value
    assert fee.amount_in_tenge(1900) is None


def test_fee_in_tenge_is_returned_as_is_and_the_default_year_is_this_year():
    assert Fee(amount_tenge=Decimal("1500.40")).amount_in_tenge(2026) == Decimal("1500")
    assert Fee(amount_mci=Decimal("2")).amount_in_tenge() == 2 * this_year_rate().value


def test_a_fee_needs_exactly_one_amount():
    guide = Guide.objects.get(slug="eds")
    with pytest.raises(ValidationError):
        Fee(guide=guide, condition="x", amount_mci=Decimal("1"), amount_tenge=Decimal("5")).clean()
    with pytest.raises(ValidationError):
        Fee(guide=guide, condition="x").clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Fee.objects.create(guide=guide, condition="x")


def test_guide_page_shows_tenge_for_the_current_year_next_to_the_mci(client):
    rate = this_year_rate()
    expected = grouped(Decimal("0.2") * rate.value)
    pages = {lang: client.get(f"/{lang}/guides/lost-id-card/").content.decode() for lang in LANGUAGES}
    for lang, html in pages.items():
        assert expected in html, lang
        assert grouped(rate.value, lang) in html and str(rate.year) in html
        assert 'href="https://www.gov.kz/situations/96/285"' in html
    assert "0,2\u00a0АЕК" in pages["kk"]
    assert "0,2\u00a0МРП" in pages["ru"]
    assert "0.2\u00a0MCI" in pages["en"]


def test_changing_the_mci_in_the_admin_changes_every_page_at_once(admin_client, client):
    rate = this_year_rate()
    response = admin_client.post(
        f"/admin/guides/mcirate/{rate.pk}/change/",
        {"year": rate.year, "value": 5000, "source": rate.source, "source_url": rate.source_url},
    )
    assert response.status_code == 302
    html = client.get("/en/guides/lost-id-card/").content.decode()
    assert grouped(1000, "en") in html  # 0.2 × 5 000
    assert grouped(Decimal("0.2") * 4325, "en") not in html


def test_a_year_without_its_mci_says_which_year_was_used(client):
    year = timezone.localdate().year
    MciRate.objects.filter(year=year).delete()
    used = MciRate.objects.for_year(year)
    html = client.get("/en/guides/lost-id-card/").content.decode()
    assert f"The MCI of {year} is not entered yet; the amounts use the MCI of {used.year}." in html
    assert grouped((Decimal("0.2") * used.value).quantize(Decimal("1")), "en") in html


# --- Ordering ------------------------------------------------------------------------------------


def test_steps_follow_their_order_field_and_reordering_shows_on_the_page(client):
    route = Route.objects.get(guide__slug="eds", order=1)
    steps = list(route.steps.all())
    assert [s.order for s in steps] == sorted(s.order for s in steps)
    first, last = steps[0], steps[-1]
    html = client.get("/en/guides/eds/").content.decode()
    assert html.index(escape(first.title_en)) < html.index(escape(last.title_en))
    Step.objects.filter(pk=first.pk).update(order=99)
    Step.objects.filter(pk=last.pk).update(order=0)
    html = client.get("/en/guides/eds/").content.decode()
    assert (
        html.index(escape(last.title_en)) < html.index(escape(steps[1].title_en)) < html.index(escape(first.title_en))
    )


# --- Pages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_groups_published_guides_by_category_with_summaries(client, lang):
    html = client.get(f"/{lang}/guides/").content.decode()
    for guide in Guide.objects.select_related("category"):
        assert f'href="/{lang}/guides/{guide.slug}/"' in html
        assert escape(getattr(guide.category, f"name_{lang}")) in html
        assert escape(getattr(guide, f"summary_{lang}")) in html
    assert html.count('<h2 id="cat-') == Category.objects.filter(guides__status="published").distinct().count() >= 6


def test_drafts_are_not_public(client):
    Guide.objects.filter(slug="bank-account").update(status=Status.DRAFT)
    assert client.get("/kk/guides/bank-account/").status_code == 404
    assert client.get("/kk/guides/bank-account/print/").status_code == 404
    assert 'href="/kk/guides/bank-account/"' not in client.get("/kk/guides/").content.decode()
    assert 'href="/kk/guides/bank-account/"' not in client.get("/kk/").content.decode()


def test_unknown_guide_is_a_404_page(client):
    response = client.get("/ru/guides/no-such-guide/")
    assert response.status_code == 404
    assert "<html" in response.content.decode()


@pytest.mark.parametrize("slug", GUIDES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_reads_in_every_language_without_fallback(client, slug, lang):
    guide = Guide.objects.get(slug=slug)
    html = client.get(f"/{lang}/guides/{slug}/").content.decode()
    assert f"<h1>{escape(getattr(guide, f'title_{lang}'))}</h1>" in html
    assert "Not yet translated" not in html and "not translated" not in html
    for route in guide.routes.all():
        assert escape(getattr(route, f"title_{lang}")) in html
        for step in route.steps.all():
            assert escape(getattr(step, f"title_{lang}")) in html
    for faq in guide.faqs.all():
        assert "<details" in html and escape(getattr(faq, f"question_{lang}")) in html
    assert html.count('<ol class="steps">') == guide.routes.count()
    assert guide.last_reviewed.strftime("%Y-%m-%d") in html
    assert f'href="/{lang}/guides/{slug}/print/"' in html


def test_guide_page_has_summary_box_documents_faq_tips_sources_and_related_articles(client):
    html = client.get("/en/guides/lost-id-card/").content.decode()
    for heading in ("Who can apply", "Time needed", "Cost", "Result", "Last reviewed"):
        assert f"<dt>{heading}</dt>" in html
    assert "Documents" in html and "The police notification slip" in html and "if it applies" in html
    assert "Warning:" in html and "Questions and answers" in html
    assert 'href="/en/constitution/article/13/"' in html  # citizenship
    assert "Official sources" in html


def test_comparison_tables_render_rows_and_columns(client):
    html = client.get("/ru/guides/bank-account/").content.decode()
    assert '<th scope="col">Чем известен</th>' in html
    assert '<th scope="row">Kaspi Bank</th>' in html and '<th scope="row">Halyk Bank</th>' in html
    assert "Таблица не ранжирует" in html


def test_print_view_is_a_checklist_of_documents_and_steps(client):
    html = client.get("/kk/guides/lost-id-card/print/").content.decode()
    guide = Guide.objects.get(slug="lost-id-card")
    assert '<meta name="robots" content="noindex">' in html
    assert html.count('class="checkboxes"') == 1 + guide.routes.count()
    for step in Step.objects.filter(route__guide=guide):
        assert escape(step.title_kk) in html
    assert "https://www.gov.kz/situations/96/285" in html  # sources printed in full
    assert 'class="breadcrumbs"' not in html


def test_stylesheet_has_print_rules_for_guides(collected_static):
    css = (collected_static / "css" / "azamat.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".no-print" in css and "details.faq" in css


# --- Constant queries ----------------------------------------------------------------------------


def _grow(guide, extra):
    route = guide.routes.first()
    Step.objects.bulk_create(Step(route=route, order=100 + n, title=f"Extra step {n}") for n in range(extra))
    Faq.objects.bulk_create(Faq(guide=guide, order=100 + n, question=f"Q{n}", answer="A") for n in range(extra))
    extra_route = Route.objects.create(guide=guide, order=50, title="Extra way")
    Step.objects.bulk_create(Step(route=extra_route, order=n, title=f"Way step {n}") for n in range(extra))


GUIDE_PAGE_QUERIES = 14 + 1 + 1  # guide + 12 prefetches (change notes too) + MCI rate; 1 for the footer; 1 for
# the glossary's terms (marked in the Markdown)


@pytest.mark.parametrize(
    ("suffix", "queries"),
    [("", GUIDE_PAGE_QUERIES + 1), ("print/", GUIDE_PAGE_QUERIES)],  # the page adds the questionnaires' panel
)
def test_guide_page_queries_do_not_grow_with_steps(client, django_assert_num_queries, suffix, queries):
    guide = Guide.objects.get(slug="eds")
    forget_version()  # the footer's date is memoised for a second: count its query whatever ran just before
    with django_assert_num_queries(queries):
        assert client.get(f"/kk/guides/eds/{suffix}").status_code == 200
    _grow(guide, 30)
    forget_version()
    with django_assert_num_queries(queries):
        html = client.get(f"/kk/guides/eds/{suffix}").content.decode()
    assert "Extra step 29" in html and "Way step 29" in html


def test_index_queries_do_not_grow_with_guides(client, django_assert_num_queries):
    forget_version()  # as above
    with django_assert_num_queries(2 + 1):
        client.get("/en/guides/")
    eds = Guide.objects.get(slug="eds")
    for n in range(10):
        Guide.objects.create(
            slug=f"extra-{n}",
            category=eds.category,
            status=Status.PUBLISHED,
            title=f"Extra {n}",
            summary="s",
            last_reviewed=eds.last_reviewed,
        )
    forget_version()
    with django_assert_num_queries(2 + 1):
        html = client.get("/en/guides/").content.decode()
    assert "Extra 9" in html


# --- Content and loading -------------------------------------------------------------------------


def _translated_values(model):
    from modeltranslation.translator import translator

    fields = translator.get_options_for_model(model).fields
    for obj in model.objects.all():
        for field in fields:
            for lang in ("kk", "ru"):
                yield obj, f"{field}_{lang}", getattr(obj, f"{field}_{lang}") or ""


def test_bundled_guides_have_no_mixed_script_words_and_every_language_filled():
    from django.apps import apps

    for model in apps.get_app_config("guides").get_models():
        if model is MciRate:
            continue
        for obj, field, value in _translated_values(model):
            assert not mixed_script_words(value), (obj, field, mixed_script_words(value))
    for guide in Guide.objects.all():
        for lang in LANGUAGES:
            for field in ("title", "summary", "audience", "time_needed", "result"):
                assert getattr(guide, f"{field}_{lang}"), (guide.slug, field, lang)


def test_comparison_rows_must_match_the_columns():
    table = ComparisonTable.objects.filter(guide__slug="bank-account").first()
    row = ComparisonRow(table=table, order=99, cells_kk="one cell only", cells_ru="a\nb", cells_en="")
    with pytest.raises(ValidationError) as error:
        row.clean()
    assert "cells_kk" in error.value.message_dict


def test_loading_again_changes_nothing_and_keeps_an_editors_change():
    step = Step.objects.filter(route__guide__slug="eds").first()
    step.title_en = "Edited by an editor"
    step.save()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "content already up to date" in out.getvalue()
    assert "kept:     1 guides.Step" in out.getvalue()
    step.refresh_from_db()
    assert step.title_en == "Edited by an editor"


# --- Admin ---------------------------------------------------------------------------------------


def test_admin_pages_for_guides_open_with_tabbed_translations_and_inlines(admin_client):
    guide = Guide.objects.get(slug="lost-id-card")
    route = guide.routes.first()
    table = ComparisonTable.objects.first()
    for url in [
        "/admin/guides/guide/",
        f"/admin/guides/guide/{guide.pk}/change/",
        f"/admin/guides/route/{route.pk}/change/",
        f"/admin/guides/comparisontable/{table.pk}/change/",
        "/admin/guides/mcirate/",
        "/admin/guides/category/",
    ]:
        assert admin_client.get(url).status_code == 200, url
    html = admin_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    for name in (
        "title_kk",
        "title_en",
        "fees-0-amount_mci",
        "documents-0-name_ru",
        "faqs-0-question_kk",
        "routes-0-order",
    ):
        assert f'name="{name}"' in html, name
