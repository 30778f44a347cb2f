"""Readers' reports (feedback/): the form at the foot of every page, what is stored (and what never is),
abuse limits, the editors' side, and retention."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from editors.roles import EDITORS
from feedback.models import Report
from feedback.privacy import mask

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
IIN = "900101300123"


@pytest.fixture(autouse=True)
def counting_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fb"}}
    cache.clear()
    yield
    cache.clear()


def post(client, lang="ru", **data):
    return client.post(f"/{lang}/feedback/", data, **ORIGIN)


@pytest.mark.parametrize(
    ("path", "question"),
    [
        ("/kk/guides/eds/", "Бұл бет пайдалы ма?"),
        ("/ru/constitution/article/1/", "Эта страница полезна?"),
        ("/en/essays/", "Is this page useful?"),
        ("/ru/search/?q=паспорт", "Эта страница полезна?"),
    ],
)
def test_every_public_page_asks_whether_it_was_useful(client, path, question):
    html = client.get(path).content.decode()
    assert question in html
    lang = path.split("/")[1]
    assert f'action="/{lang}/feedback/"' in html
    assert f'name="page" value="{path.split("?")[0]}"' in html
    assert 'name="csrfmiddlewaretoken"' not in html.split('id="feedback"')[1]  # nothing per visitor


def test_error_pages_do_not(client):
    assert "feedback" not in client.get("/ru/no-such-page/").content.decode().split("<main")[1]


def test_yes_is_stored_and_the_reader_comes_back_to_the_page_with_thanks(client):
    response = post(client, page="/ru/guides/eds/", useful="yes")
    assert response.status_code == 302 and response["Location"] == "/ru/guides/eds/?feedback=sent#feedback"
    report = Report.objects.get()
    assert (report.page, report.language, report.useful, report.doing, report.wrong) == (
        "/guides/eds/",
        "ru",
        True,
        "",
        "",
    )
    html = client.get(response["Location"]).content.decode()
    assert "Спасибо за отзыв." in html


def test_no_without_text_opens_the_report_form(client):
    response = post(client, lang="kk", page="/kk/guides/eds/", useful="no")
    assert response["Location"] == "/kk/guides/eds/?feedback=sent#feedback"
    assert Report.objects.get().useful is False


def test_a_report_is_stored_with_personal_data_masked_and_nothing_about_the_reader(client):
    response = client.post(
        "/en/feedback/",
        {
            "page": "/en/guides/passport/",
            "doing": f"Renew my passport, IIN {IIN}, call me on +7 (701) 234-56-78",
            "wrong": "The fee is wrong; write to aigerim.k@example.kz or 8 701 234 5678",
        },
        HTTP_ORIGIN="http://testserver",
        HTTP_USER_AGENT="UniqueAgent/1.0",
        REMOTE_ADDR="203.0.113.77",
        HTTP_COOKIE="tracking=abc",
    )
    assert response.status_code == 302
    report = Report.objects.get()
    stored = " ".join(str(getattr(report, field.attname)) for field in Report._meta.fields)
    for secret in (IIN, "234-56-78", "aigerim.k@example.kz", "234 5678", "203.0.113.77", "UniqueAgent", "abc"):
        assert secret not in stored
    assert report.useful is False and "[number]" in report.doing and "[e-mail]" in report.wrong
    assert {field.name for field in Report._meta.fields} == {
        "id",
        "page",
        "language",
        "useful",
        "doing",
        "wrong",
        "created_on",
        "status",
        "change_note",
    }


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"ЖСН {IIN}", "ЖСН [number]"),
        ("900101 300123", "[number]"),
        ("+77012345678", "[number]"),
        ("карта 4400 4301 2345 6789", "карта [number]"),
        ("a.b@c.kz", "[e-mail]"),
        ("статья 17, 2026 год, 4 325 ₸", "статья 17, 2026 год, 4 325 ₸"),  # short numbers stay
    ],
)
def test_masking(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"page": "/ru/guides/eds/"}, 400, "Ответьте «да» или «нет»"),
        ({"page": "/ru/guides/eds/", "wrong": "x" * 1201}, 400, "1200"),
        ({"page": "/ru/no-such-page/", "useful": "yes"}, 400, "не указана страница этого сайта"),
        ({"page": "/admin/", "useful": "yes"}, 400, "не указана страница этого сайта"),
        ({"page": "https://evil.example/", "useful": "yes"}, 400, "не указана страница этого сайта"),
        ({"page": "/ru/guides/eds/", "useful": "maybe"}, 400, "maybe"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(client, data, status, message):
    response = post(client, **data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_what_was_typed_is_shown_again_when_refused(client):
    response = post(client, page="/ru/guides/eds/", doing="Хотел узнать срок", wrong="x" * 1300)
    assert response.status_code == 400 and "Хотел узнать срок" in response.content.decode()


def test_a_report_from_another_site_or_without_origin_is_refused(client):
    assert client.post("/ru/feedback/", {"page": "/ru/", "useful": "yes"}).status_code == 403
    response = client.post("/ru/feedback/", {"page": "/ru/", "useful": "yes"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403 and "Сообщение не принято" in response.content.decode()
    ok = client.post("/ru/feedback/", {"page": "/ru/", "useful": "yes"}, HTTP_REFERER="http://testserver/ru/")
    assert ok.status_code == 302
    assert Report.objects.count() == 1


def test_get_is_not_allowed(client):
    assert client.get("/ru/feedback/").status_code == 405


def test_the_honeypot_thanks_a_bot_and_stores_nothing(client):
    response = post(client, page="/ru/guides/eds/", useful="no", website="http://spam.example")
    assert response.status_code == 302 and not Report.objects.exists()


def test_control_characters_never_reach_the_database(client):
    post(client, page="/ru/guides/eds/", wrong="bad\x00 fee\x07")
    assert Report.objects.get().wrong == "bad fee"


def test_a_client_over_the_limit_gets_429_in_its_language_and_nothing_more_is_stored(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    for _ in range(3):
        assert post(client, lang="kk", page="/kk/", useful="yes").status_code == 302
    response = post(client, lang="kk", page="/kk/", useful="yes")
    assert response.status_code == 429 and "Хабарлама тым көп" in response.content.decode()
    assert Report.objects.count() == 3
    other = client.post("/kk/feedback/", {"page": "/kk/", "useful": "yes"}, REMOTE_ADDR="198.51.100.2", **ORIGIN)
    assert other.status_code == 302  # another client is not blocked
    assert not any("198.51.100.2" in str(key) or "127.0.0.1" in str(key) for key in cache._cache)


def test_a_flood_from_many_clients_stops_at_the_daily_cap(client, settings):
    settings.FEEDBACK_DAILY_LIMIT = 5
    codes = [
        client.post("/ru/feedback/", {"page": "/ru/", "useful": "no"}, REMOTE_ADDR=f"10.0.0.{n}", **ORIGIN).status_code
        for n in range(8)
    ]
    assert codes == [302] * 5 + [429] * 3 and Report.objects.count() == 5


def test_pages_with_the_form_stay_cached(client, settings, django_assert_num_queries):
    settings.AZAMAT_VERSION_TTL = 60
    first = client.get("/ru/guides/eds/")
    with django_assert_num_queries(0):
        second = client.get("/ru/guides/eds/")
    assert second.content == first.content and "Эта страница полезна?" in second.content.decode()


def test_retention_deletes_old_texts_and_keeps_the_counts(client):
    post(client, page="/ru/guides/eds/", wrong="Old complaint")
    post(client, page="/ru/guides/eds/", wrong="New complaint")
    old, new = Report.objects.order_by("id")
    Report.objects.filter(pk=old.pk).update(created_on=timezone.localdate() - timedelta(days=400))
    out = io.StringIO()
    call_command("purge_feedback", stdout=out)
    assert "1 report" in out.getvalue()
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.wrong, old.useful) == ("", False) and new.wrong == "New complaint"


def test_editors_see_reports_by_page_and_the_worst_pages_on_the_admin_home(client, editor):
    for useful in ("no", "no", "yes"):
        post(client, page="/ru/guides/eds/", useful=useful)
    post(client, lang="kk", page="/kk/guides/eds/", wrong="Мерзімі қате")
    post(client, page="/ru/guides/passport/", useful="yes")
    pages = editor.get("/admin/feedback/report/pages/").content.decode()
    row = pages.split("/guides/eds/</a>")[1].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:4]] == ["1", "3", "1"]
    home = editor.get("/admin/").content.decode()
    assert "Pages readers found not useful this month" in home
    assert 'id="feedback-dashboard"' in home and "/guides/eds/" in home.split('id="feedback-dashboard"')[1]
    listing = editor.get("/admin/feedback/report/").content.decode()
    assert "Мерзімі қате" in listing and "/kk/guides/eds/" in listing


def test_editors_triage_but_cannot_add_or_delete_reports(client, editor):
    post(client, page="/ru/guides/eds/", wrong="Wrong fee")
    report = Report.objects.get()
    codenames = set(
        Group.objects.get(name=EDITORS)
        .permissions.filter(content_type__app_label="feedback")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_report", "change_report", "view_searchcount"}
    assert editor.get("/admin/feedback/report/add/").status_code == 403
    response = editor.post(
        f"/admin/feedback/report/{report.pk}/change/",
        {"status": "fixed", "change_note": "https://azamat.kz/ru/guides/eds/#changes", "_save": "Save"},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    report.refresh_from_db()
    assert (report.status, report.wrong) == ("fixed", "Wrong fee")


@pytest.mark.parametrize(
    ("page", "admin_path"),
    [("/guides/eds/", "/admin/guides/guide/"), ("/constitution/article/5/", "/admin/constitution/article/")],
)
def test_a_report_links_to_the_change_form_of_what_its_page_shows(client, editor, page, admin_path):
    post(client, page=f"/ru{page}", wrong="Wrong")
    report = Report.objects.get()
    form = editor.get(f"/admin/feedback/report/{report.pk}/change/").content.decode()
    assert re.search(rf'<a href="{admin_path}\d+/change/">', form)


def test_a_report_about_a_page_without_an_object_links_only_to_the_page(client, editor):
    post(client, page="/ru/guides/", wrong="Wrong")
    form = editor.get(f"/admin/feedback/report/{Report.objects.get().pk}/change/").content.decode()
    assert 'href="/ru/guides/"' in form and '/change/">Edit' not in form


def test_sent_in_place_the_answers_are_json_with_the_same_checks(client):
    json_post = {"HTTP_ACCEPT": "application/json", **ORIGIN}
    sent = client.post("/ru/feedback/", {"page": "/ru/guides/eds/", "useful": "yes"}, **json_post)
    assert sent.status_code == 200 and sent.json() == {
        "message": "Спасибо за отзыв. Редакторы читают каждое сообщение."
    }
    asked = client.post("/kk/feedback/", {"page": "/kk/guides/eds/", "useful": "no"}, **json_post)
    assert asked.json() == {"message": "Рахмет. Не дұрыс болмады? Төменде жазыңыз.", "ask": True}
    empty = client.post("/en/feedback/", {"page": "/en/guides/eds/"}, **json_post)
    assert empty.status_code == 400 and empty.json() == {"errors": ["Answer yes or no, or tell us what went wrong."]}
    foreign = client.post("/en/feedback/", {"page": "/en/guides/eds/", "useful": "yes"}, HTTP_ACCEPT="application/json")
    assert foreign.status_code == 403 and foreign.json()["errors"]
    assert not (sent.cookies or asked.cookies or empty.cookies)
    assert Report.objects.count() == 2


def test_the_form_loads_its_script_from_a_static_file(client):
    html = client.get("/ru/guides/eds/").content.decode()
    assert re.search(r'<script src="/static/js/feedback\.[0-9a-f]+\.js" defer></script>', html)
    assert "<script>" not in html


def test_public_figures_show_the_share_of_useful_by_part_of_the_site(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 100
    for useful in ["yes"] * 9 + ["no"] * 3:
        post(client, page="/ru/guides/eds/", useful=useful)
    post(client, lang="kk", page="/kk/constitution/article/5/", useful="yes")
    post(client, page="/ru/guides/passport/", wrong="Old")  # counts as "no"
    Report.objects.filter(wrong="Old").update(created_on=timezone.localdate() - timedelta(days=100))
    html = client.get("/ru/feedback/figures/").content.decode()
    month, year = html.split("<h2>")[1:3]
    assert '<th scope="row">Инструкции</th><td>12</td><td>75%</td>' in month
    assert '<th scope="row">Конституция</th><td>1</td><td>слишком мало ответов</td>' in month
    assert '<th scope="row">Инструкции</th><td>13</td><td>69%</td>' in year
    assert 'id="feedback"' not in html  # no form asking about the figures themselves
    assert "/ru/feedback/figures/" in client.get("/ru/guides/eds/").content.decode()
    kk = client.get("/kk/feedback/figures/").content.decode()
    assert "Оқырмандар не дейді" in kk and "Соңғы 30 күн" in kk
