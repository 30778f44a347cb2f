"""Control characters are stopped at the edge: an address with one is a 400, and they are taken out of
queries and forms everywhere, the admin's login included."""

import pytest
from django.test import Client

from tests.letters.test_views import URL as LETTER_URL
from tests.letters.test_views import filled
from tests.readback import docx_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/kk/%00/", "/ru/guides/eds%00/", "/en/%1b/", "/api/v1/guides/%00"])
def test_an_address_with_a_control_character_is_a_clean_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    body = response.content.decode()
    assert "\x00" not in body and "\x1b" not in body
    assert 'rel="canonical"' not in body


def test_the_400_page_still_offers_the_languages(client):
    html = client.get("/ru/%00/").content.decode()
    assert 'hreflang="kk" href="http://testserver/kk/"' in html


def test_a_nul_typed_into_a_letter_is_taken_out_and_the_rest_kept(client):
    response = client.post(LETTER_URL.format(lang="en"), filled(circumstances="Lost\x00 on a\x0b bus"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    text = docx_text(response.content)
    assert "Lost on a bus" in text and "\x00" not in text


def test_a_form_shown_again_never_echoes_a_control_character(client):
    response = client.post(LETTER_URL.format(lang="en"), filled(circumstances="Lost\x00", iin="\x00123"))
    assert response.status_code == 400
    assert "\x00" not in response.content.decode()


def test_a_nul_in_the_admin_login_is_a_refusal_not_a_500():
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "editor\x00", "password": "x\x00"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_a_control_character_in_a_query_is_removed_before_the_cache_key(client):
    assert client.get("/kk/search/?q=%00%1bпаспорт").status_code == 200


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82", True),
        ("q=a+b&lang=ru", True),
        ("q=%00", False),
        ("q=%C2%85", False),  # U+0085, a C1 control, percent-encoded as UTF-8
        ("q=%EF%BF%BE", False),  # U+FFFE, a non-character
        ("q=\xef\xbf\xbe", False),  # the same bytes unencoded, as WSGI hands them over (Latin-1)
        ("%01=x", False),
    ],
)
def test_the_query_is_checked_as_django_will_read_it_without_parsing_it(query, clean):
    from core.edge import _clean_query

    assert _clean_query(query) is clean


def test_a_non_character_in_a_query_is_removed_too(client):
    html = client.get("/ru/search/?q=%EF%BF%BE%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82").content.decode()
    assert "\ufffe" not in html and 'value="паспорт"' in html
