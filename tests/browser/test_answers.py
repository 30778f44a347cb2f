"""A questionnaire walked with the keyboard only, in a real browser: each question is a fieldset, the
answers travel in the address, Back works, and the outcome page shows the fee and the links."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=False)]


def choose(page, label):
    """Move to the radio group with Tab, pick ``label`` with the arrow keys, submit with Enter."""
    radios = page.locator("input[type=radio]")
    labels = [
        page.locator(f"label[for='{radios.nth(i).get_attribute('id')}']").inner_text() for i in range(radios.count())
    ]
    target = labels.index(label)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    if target == 0:
        page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    with page.expect_navigation():  # the next question is read from the next page, not this one
        page.keyboard.press("Enter")


def test_walking_a_questionnaire_with_the_keyboard(page):
    page.goto("/en/answers/id-document/")
    assert page.locator("fieldset legend h1").inner_text() == "Which document do you need?"
    choose(page, "An ID card")
    page.wait_for_url("**/en/answers/id-document/?document=id-card")
    field = page.locator("#answer-field")
    field.focus()
    page.keyboard.type("sixteen")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Enter a whole number" in page.locator("[role=alert]").inner_text()
    field = page.locator("#answer-field")
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("34")
    page.keyboard.press("Enter")
    page.wait_for_url("**id-age=34")
    choose(page, "It was stolen")
    choose(page, "In Kazakhstan")
    choose(page, "In the standard time — 15 working days")
    page.wait_for_url("**id-speed=standard")
    assert page.locator("h1").inner_text() == "Apply for your ID card at any public service centre"
    assert "police" in page.locator(".answer-notes").inner_text()
    assert page.locator("table.fees").count() == 1
    assert page.locator("a[href='/en/forms/lost-id-card/?attachments=1']").count() == 1
    page.go_back()
    page.wait_for_url("**id-where=kazakhstan")
    assert page.locator("fieldset legend h1").inner_text() == "How soon do you need the card?"
    assert page.context.cookies() == []
