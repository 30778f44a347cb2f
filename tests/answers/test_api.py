"""The questionnaires' JSON: the list, a whole tree, and a walk that gives the next question or the
outcome with this year's fees; answers that do not fit are a 422 in the API's error shape."""

import pytest
from django.utils import timezone

from guides.models import MciRate

pytestmark = pytest.mark.django_db


def test_the_list_in_one_language(client):
    data = client.get("/api/v1/answers", {"lang": "kk"}).json()
    slugs = {item["slug"] for item in data}
    assert {"id-document", "business-tax", "residence-registration", "constitutional-complaint"} <= slugs
    item = next(item for item in data if item["slug"] == "id-document")
    assert item["paths"]["kk"] == "/kk/answers/id-document/"
    assert isinstance(item["title"], str)


def test_a_tree_in_every_language(client):
    data = client.get("/api/v1/answers/id-document").json()
    assert data["questions"][0]["key"] == "document"
    assert set(data["questions"][0]["text"]) == {"kk", "ru", "en"}
    keys = {question["key"] for question in data["questions"]} | {outcome["key"] for outcome in data["outcomes"]}
    for question in data["questions"]:
        for option in question["options"]:
            assert option["next"] in keys
    assert data["sources"]


def test_a_walk_stops_at_the_next_question(client):
    data = client.get("/api/v1/answers/id-document/walk", {"document": "id-card", "lang": "ru"}).json()
    assert data == {
        "status": "question",
        "answers": [{"question": "document", "value": "id-card", "shown": "Удостоверение личности"}],
        "question": "id-age",
        "outcome": None,
    }


def test_a_walk_to_the_outcome_has_this_years_fees(client):
    rate = MciRate.objects.for_year(timezone.localdate().year)
    params = {"document": "id-card", "id-age": "30", "id-reason": "stolen", "id-where": "kazakhstan"}
    data = client.get("/api/v1/answers/id-document/walk", {**params, "id-speed": "standard", "lang": "en"}).json()
    assert data["status"] == "outcome"
    outcome = data["outcome"]
    assert outcome["key"] == "id-psc"
    assert [fee["amount_tenge"] for fee in outcome["fees"]] == [round(rate.value * 0.2)]
    assert outcome["guide_path"] == "/en/guides/lost-id-card/#route-1"
    assert outcome["letter_paths"] == ["/en/forms/lost-id-card/?attachments=1"]
    assert "{mci:" not in outcome["text"] and "police" in " ".join(outcome["notes"])


@pytest.mark.parametrize(
    "params, name",
    [({"document": "car"}, "document"), ({"document": "id-card", "id-age": "old"}, "id-age"), ({"x": "1"}, "document")],
)
def test_answers_that_do_not_fit_are_a_422(client, params, name):
    response = client.get("/api/v1/answers/id-document/walk", params)
    assert response.status_code == 422
    data = response.json()
    assert data["error"] == "invalid_request" and data["detail"][0]["loc"] == ["query", name]


def test_an_unknown_questionnaire_is_a_404(client):
    assert client.get("/api/v1/answers/no-such").json()["error"] == "not_found"
    assert client.get("/api/v1/answers/no-such/walk").status_code == 404
