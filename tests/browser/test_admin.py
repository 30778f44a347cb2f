"""Editors in their own language, in a real browser: log in, switch the admin's language, edit a
guide step in the Kazakh tab, preview the draft, publish; axe on the admin pages Azamat changed."""

import json
import re

import pytest

from tests.browser.conftest import AXE, EDITOR, SCREENSHOTS, require
from tests.browser.test_browser import run_axe

pytestmark = pytest.mark.browser

TITLES = {"kk": "Порталдың мазмұны", "ru": "Содержание портала"}  # the admin home's title


def log_in(browser, site, accept_language, bypass_csp=False):
    """A logged-in editor whose browser asks for ``accept_language`` (CSP bypassed only to inject axe)."""
    context = browser.new_context(
        base_url=site, viewport={"width": 1280, "height": 900}, locale=accept_language, bypass_csp=bypass_csp
    )
    tab = context.new_page()
    tab.goto("/admin/login/?next=/admin/")
    tab.fill("#id_username", EDITOR[0])
    tab.fill("#id_password", EDITOR[1])
    tab.locator("input[type=submit]").click()
    tab.wait_for_url("**/admin/")
    return context, tab


@pytest.mark.parametrize("language", ["kk", pytest.param("ru", marks=pytest.mark.exhaustive)])
def test_an_editor_works_in_their_language_from_login_to_publishing(browser, site, language):
    other = "ru" if language == "kk" else "kk"
    context, tab = log_in(browser, site, other)  # the browser says one language …
    try:
        with tab.expect_navigation():
            tab.locator(f"#user-tools button[value='{language}']").click()  # … the editor chooses another
        assert TITLES[language] in tab.title()
        assert tab.locator("html").get_attribute("lang") == language
        tab.goto("/admin/guides/guide/?slug__exact=bank-account")
        tab.locator("#result_list tbody th a").first.click()
        tab.wait_for_url("**/change/**")
        guide_url = tab.url
        bar = tab.locator(".mt-language-bar")
        bar.wait_for()
        assert bar.locator("button").first.inner_text().startswith("Қазақша")
        assert bar.locator("button[aria-pressed=true]").inner_text().startswith("Қазақша")  # Kazakh first
        assert tab.locator("#id_title_kk").is_visible() and not tab.locator("#id_title_ru").is_visible()
        bar.locator("button[data-mt-show='kk,ru']").click()
        assert tab.locator("#id_title_kk").is_visible() and tab.locator("#id_title_ru").is_visible()
        kk_box, ru_box = tab.locator("#id_title_kk").bounding_box(), tab.locator("#id_title_ru").bounding_box()
        assert abs(kk_box["y"] - ru_box["y"]) < 5 and ru_box["x"] > kk_box["x"]  # side by side
        bar.locator("button[data-mt-show='kk']").click()
        step_title = f"Банкке барыңыз ({language})"
        tab.locator("#routes-group a.inlinechangelink, #routes-group a[href*='/route/']").first.click()
        step = tab.locator("input[name='steps-0-title_kk']")
        step.wait_for()
        assert step.is_visible() and not tab.locator("input[name='steps-0-title_ru']").is_visible()
        step.fill(step_title)
        tab.locator("input[name=_save]").click()
        tab.locator(".messagelist .success").wait_for()  # the page after saving has loaded
        tab.goto(guide_url)
        tab.select_option("#id_status", "draft")
        tab.locator("input[name=_continue]").click()
        tab.locator(".messagelist .success").wait_for()  # the page after saving has loaded
        tab.locator("a.viewsitelink").click()  # the draft as readers will see it, for editors only
        tab.wait_for_url(f"**/{language}/guides/bank-account/")
        assert tab.locator(".draft-banner").count() == 1
        tab.goto("/kk/guides/bank-account/")  # the Kazakh page, where the edited step is
        assert step_title in tab.content() and tab.locator(".draft-banner").count() == 1
        anonymous = browser.new_context(base_url=site).new_page()
        assert anonymous.goto("/kk/guides/bank-account/").status == 404  # the draft stays hidden
        tab.goto(guide_url)
        tab.select_option("#id_status", "published")
        tab.locator("input[name=_save]").click()
        tab.locator(".messagelist .success").wait_for()
        assert anonymous.goto("/kk/guides/bank-account/").status == 200
        assert step_title in anonymous.content()
        anonymous.context.close()
    finally:
        context.close()


@pytest.fixture(scope="module")
def admin_tab(browser, site):
    """A logged-in editor's tab per admin language, for the axe checks (logged in once per language, not
    once per page: the login's password hashing is the slow part)."""
    require("axe")
    opened = {}

    def tab_for(language):
        if language not in opened:
            opened[language] = log_in(browser, site, language, bypass_csp=True)
            opened[language][0].add_init_script(path=str(AXE))  # in the pages loaded from now on
        return opened[language][1]

    yield tab_for
    for context, _tab in opened.values():
        context.close()


@pytest.mark.parametrize("language", ["kk", pytest.param("ru", marks=pytest.mark.exhaustive)])
@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/guide/", "/admin/guides/guide/", "/admin/guides/route/{route}/change/"]
)
def test_admin_pages_azamat_changed_have_no_accessibility_violations(admin_tab, language, path):
    tab = admin_tab(language)
    if "{route}" in path:
        tab.goto("/admin/guides/route/")
        path = tab.locator("#result_list tbody th a").first.get_attribute("href")
    tab.goto(path)
    violations = run_axe(tab)
    if violations:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"\W+", "-", path)
        tab.screenshot(path=str(SCREENSHOTS / f"axe-admin-{language}{name}.png"), full_page=True)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
