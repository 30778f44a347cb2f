"""A term marked on a guide shows its definition on hover and on keyboard focus, and leads to its entry."""

import pytest

from tests.browser.conftest import require

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def tools():
    require("chromium")


def tooltip(page, selector):
    return page.evaluate(f"getComputedStyle(document.querySelector('{selector}'), '::after').content")


def test_a_marked_term_explains_itself_on_hover_and_focus_and_links_to_the_glossary(page):
    page.goto("/ru/guides/lost-id-card/")
    term = page.locator("dfn.term a").first
    definition = term.get_attribute("title")
    assert definition
    selector = "dfn.term a"
    assert tooltip(page, selector) in ("none", "normal")  # hidden until asked for
    term.hover()
    assert definition in tooltip(page, selector)
    page.mouse.move(0, 0)
    term.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused from the keyboard: :focus-visible
    assert page.evaluate("document.activeElement.closest('dfn.term') !== null")
    assert definition in tooltip(page, selector)
    slug = term.get_attribute("href").split("#")[1]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ru/glossary/#{slug}")
    assert page.locator(f"dt#{slug}").is_visible()
