"""The site in a real browser (Debian's chromium driven by Playwright): what a person does, axe-core
accessibility checks on every page type in every language at desktop and phone widths (and on a page of
each layout in the dark theme), and the keyboard."""

import json
import re
import time
from datetime import date

import docx
import pytest
from playwright.sync_api import expect

from letters.iin import make
from tests.browser.conftest import AXE, EDITOR, SCREENSHOTS, require
from tests.browser.pages import PAGE_TYPES, REPRESENTATIVE, addresses, every_language_marked

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_context(browser, site):
    """One browser context for the axe checks; CSP is bypassed there only so that axe can be injected. axe is
    an init script of the context, in every page before the page's own scripts: chromium compiles it once for
    the context instead of once per page (injected into each page, its first run on a page took 0.3 s more
    than the next)."""
    require("axe")
    context = browser.new_context(base_url=site, viewport=WIDTHS["desktop"], bypass_csp=True)
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


@pytest.fixture(scope="module")
def axe_tab(axe_context):
    """One tab for all the axe checks, put back at desktop width and the light theme before each: a new
    tab is a new renderer process, which starts and compiles axe again (about 0.9 s a page type)."""
    tab = axe_context.new_page()
    yield tab
    tab.close()


def run_axe(tab):
    """axe-core's violations on the page as it is now (axe is an init script of the tab's context)."""
    return tab.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }",
        AXE_TAGS,
    )


@pytest.mark.parametrize(("kind", "lang", "path"), every_language_marked(addresses()))
def test_no_accessibility_violations(axe_tab, kind, lang, path):
    """axe-core on every page type in every language, at each width (the page laid out again at the next
    width, in the same tab), and on a page of each layout in the dark theme: the system asks for dark
    (prefers-color-scheme), and the page is loaded again so that its script sees it. ``make test`` checks
    each page type in one language (every language in turn), ``make test-all`` in all three."""
    tab = axe_tab
    tab.set_viewport_size(WIDTHS["desktop"])
    tab.emulate_media(color_scheme="light")
    found = {}

    def check(label):
        violations = run_axe(tab)
        if violations:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(SCREENSHOTS / f"axe-{kind}-{lang}-{label}.png"), full_page=True)
            found[label] = violations

    try:
        response = tab.goto(path)
        assert response.status == (404 if kind == "not-found" else 200)
        for width, size in WIDTHS.items():
            tab.set_viewport_size(size)
            check(width)
        if kind in REPRESENTATIVE:
            tab.set_viewport_size(WIDTHS["desktop"])
            tab.emulate_media(color_scheme="dark")
            response = tab.reload()
            assert response.status == (404 if kind == "not-found" else 200)
            assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
            check("dark")
    finally:
        tab.goto("about:blank")  # nothing of this page (its scripts, its timers) reaches the next check
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary,"
    " [tabindex]:not([tabindex='-1'])"
)


RECORD_FOCUS = """() => { window.azamatFocus = [];
    document.addEventListener('focusin', () => {
        const el = document.activeElement; if (!el || el === document.body) return;
        const style = getComputedStyle(el);
        // Focus inside a browser-drawn part (a date input's calendar button) is drawn by the browser.
        const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            || style.boxShadow !== 'none' || !el.matches(':focus');
        window.azamatFocus.push({id: el.dataset.kbd, visible, html: el.outerHTML.slice(0, 80)});
    }, true); }"""


@pytest.fixture(scope="module")
def keyboard_tab(browser, site):
    """One tab for the keyboard walks (a new tab per page type is a new renderer process, about half a
    second each); each walk starts with a page load, which leaves nothing of the page before."""
    context = browser.new_context(base_url=site, viewport=WIDTHS["desktop"])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "kind",
    [kind if kind in REPRESENTATIVE else pytest.param(kind, marks=pytest.mark.exhaustive) for kind in PAGE_TYPES],
)
def test_every_interactive_element_is_reachable_by_keyboard_with_visible_focus(keyboard_tab, kind):
    """Every element a visitor can reach is reached by the Tab key and shows it has the focus: in ``make
    test`` on a page of each kind of layout (``REPRESENTATIVE``), in ``make test-all`` on every page type."""
    page = keyboard_tab
    page.goto(PAGE_TYPES[kind].format(lang="kk"))
    # A group of radio buttons is one stop of the Tab key (arrows move inside it).
    expected = page.evaluate(
        """(selector) => { const groups = {}; let next = 0; const ids = new Set();
            for (const el of document.querySelectorAll(selector)) {
                if (!el.checkVisibility({checkVisibilityCSS: true, contentVisibilityAuto: true})) continue;
                let id;
                if (el.type === 'radio') { id = groups[el.name] ??= next++; } else { id = next++; }
                el.dataset.kbd = id; ids.add(id);
            }
            return Array.from(ids); }""",
        FOCUSABLE,
    )
    # Each focus the Tab key moves is recorded as it happens, and read after a batch of presses; the walk
    # stops once every element has had the focus (at most three stops each: a date input takes three).
    page.evaluate(RECORD_FOCUS)
    reached, unfocused, presses, limit = set(), [], 0, 3 * len(expected) + 20
    while presses < limit and not set(expected) <= reached:
        batch = min(len(expected) - len(reached) + 5, limit - presses)
        for _ in range(batch):
            page.keyboard.press("Tab")
        presses += batch
        for state in page.evaluate("() => window.azamatFocus.splice(0)"):
            if state["id"] is not None:
                reached.add(int(state["id"]))
            if not state["visible"]:
                unfocused.append(state["html"])
    if not set(expected) <= reached or unfocused:  # the tab is shared, so the ``page`` fixture's screenshot is here
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"keyboard-{kind}.png"), full_page=True)
    assert set(expected) <= reached, f"{len(set(expected) - reached)} elements never got the focus"
    assert unfocused == [], unfocused[:5]


# --- What people do ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "heading"), [("kk", "Құқық"), ("ru", "Право"), ("en", "Law")])
def test_home_page_in_each_language(page, lang, heading):
    page.goto(f"/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert heading.lower() in page.locator("h1").inner_text().lower()
    assert page.locator("header form[role=search]").is_visible()


def test_switching_language_keeps_the_page(page):
    page.goto("/kk/constitution/article/53/")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/constitution/article/53/")  # until loaded: page.url changes before the page has
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/constitution/article/53/")


def test_reading_a_section_and_an_article(page):
    page.goto("/en/constitution/")
    page.locator("a[href='/en/constitution/section/IV/']").first.click()
    page.wait_for_url("**/en/constitution/section/IV/")
    page.locator("a[href='/en/constitution/article/53/']").first.click()
    expect(page.locator("h1")).to_contain_text("Article 53")  # retried: the previous page's h1 may still be there
    page.locator("a[rel=next]").click()
    expect(page.locator("h1")).to_contain_text("Article 54")


def test_following_a_guides_steps(page):
    page.goto("/ru/guides/")
    page.locator("a[href='/ru/guides/eds/']").click()
    page.wait_for_url("**/ru/guides/eds/")  # until it has loaded: count() does not wait (it once found none)
    assert page.locator("ol.steps li").count() >= 10
    page.locator("nav.contents a").nth(1).click()
    assert page.url.endswith("#route-2")
    faq = page.locator("details.faq").first
    faq.locator("summary").click()
    assert faq.evaluate("el => el.open")
    page.get_by_role("link", name=re.compile("Чек-лист")).click()
    page.wait_for_url("**/ru/guides/eds/print/")
    assert page.locator("ul.checkboxes li, ol.checkboxes li").count() >= 10


def test_downloading_a_form_letter(page):
    page.goto("/en/forms/lost-id-card/")
    page.get_by_role("button", name=re.compile("PDF")).click()  # empty: errors, nothing lost
    assert page.locator("#error-summary").is_visible()
    page.get_by_label("branch of the State Corporation", exact=False).check()
    page.get_by_label("Full name").fill("Әлия Қасымқызы")
    page.get_by_label("Date of birth").fill("1990-05-17")
    valid = next(v for serial in range(1, 40) if (v := make(date(1990, 5, 17), "4", serial)))
    page.get_by_label("IIN").fill(valid[:11] + str((int(valid[11]) + 1) % 10))  # a typo in the control digit
    page.get_by_label("Home address").fill("Astana, Mangilik El 1")
    page.get_by_label("Phone number").fill("+7 701 234 56 78")
    page.get_by_label("Approximate date of loss").fill("2026-11-01")
    page.get_by_label("How it was lost").fill("On a bus.")
    page.get_by_role("button", name=re.compile("PDF")).click()
    errors = page.locator("#error-summary").inner_text()
    assert "IIN" in errors and "Әлия Қасымқызы" == page.get_by_label("Full name").input_value()
    page.get_by_label("IIN").fill(valid)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Word")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in docx.Document(download.path()).paragraphs)
    assert "Әлия Қасымқызы" in text and valid in text


def test_searching(page):
    page.goto("/kk/")
    page.locator("#header-q").fill("эцк")
    page.locator("#header-q").press("Enter")
    # Until the results have loaded: page.url changes when the answer starts to arrive, and count() does
    # not wait (CI once found no results here).
    page.wait_for_url("**/kk/search/?q=*")
    assert page.locator("ol.results a[href*='to=/kk/guides/eds/&']").count() == 1
    assert page.locator("mark").count() > 0
    page.locator("#header-q").fill("5-бап")
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/kk/constitution/article/5/")


def test_a_question_gets_a_best_answer_and_a_typo_a_suggestion(page):
    page.goto("/ru/")
    page.locator("#header-q").fill("отменена ли смертная казнь")
    page.locator("#header-q").press("Enter")
    card = page.locator("section.best-answer")
    card.wait_for()
    assert "Статья 17" in card.inner_text()
    card.get_by_role("link", name="Статья 17").click()
    page.wait_for_url("**/ru/constitution/article/17/")
    page.goto("/ru/search/?q=конституцыя")
    suggestion = page.locator(".did-you-mean a")
    assert suggestion.inner_text() == "конституция"
    suggestion.click()
    page.wait_for_url("**q=%D0%BA%D0%BE%D0%BD%D1%81%D1%82%D0%B8%D1%82%D1%83%D1%86%D0%B8%D1%8F*")
    assert page.locator("#search-page-q").input_value() == "конституция"
    assert page.locator(".did-you-mean").count() == 0 and page.locator("ol.results li").count() > 0


@pytest.mark.parametrize(
    ("path", "types"),
    [
        ("/ru/constitution/article/17/", {"Legislation", "BreadcrumbList"}),
        ("/kk/guides/passport/", {"HowTo", "FAQPage", "BreadcrumbList"}),
        ("/en/essays/internet-fraud/", {"Article", "BreadcrumbList"}),
        ("/kk/", {"WebSite", "BreadcrumbList"}),
    ],
)
def test_structured_data_parses_in_a_real_browser(page, path, types):
    page.goto(path)
    found = page.evaluate(
        "() => Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]'))"
        ".map(s => JSON.parse(s.textContent)).map(d => [].concat(d['@type'])).flat()"
    )
    assert types <= set(found), found


def test_an_editors_change_in_the_admin_shows_publicly(page, browser, site):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/guides/guide/?q=bank-account")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_selector("#id_summary_en", state="attached")
    # The English tab is hidden until clicked; the field is filled as the tab would.
    page.evaluate("() => { document.querySelector('#id_summary_en').value = 'Changed in the browser by an editor.'; }")
    page.locator("input[name=_save]").click()
    page.locator(".messagelist .success").wait_for()  # the page after saving has loaded
    visitor = browser.new_context(base_url=site).new_page()
    visitor.goto("/en/guides/bank-account/")
    assert "Changed in the browser by an editor." in visitor.locator("p.lead").inner_text()
    visitor.context.close()


def test_the_site_works_with_javascript_off(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/en/")
    tab.locator("#header-q").fill("signature")
    tab.locator("header form[role=search] button").click()
    tab.wait_for_url("**/en/search/?q=signature")
    tab.locator("a[href*='to=/en/guides/eds/&']").first.click()  # through the counting redirect
    tab.wait_for_url("**/en/guides/eds/")
    assert tab.locator("ol.steps li").count() >= 10
    context.close()


def test_reporting_a_problem_with_the_keyboard(page):
    page.goto("/ru/guides/eds/")
    summary = page.locator("#feedback summary")
    summary.focus()
    page.keyboard.press("Enter")  # opens the report form
    assert page.locator("#feedback details").evaluate("el => el.open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "feedback-doing"
    page.keyboard.type("Хотел продлить ЭЦП")
    page.keyboard.press("Tab")
    page.keyboard.type("Не нашёл, где указан срок")
    page.keyboard.press("Tab")  # past the hidden trap field, straight to Send
    assert page.evaluate("document.activeElement.textContent") == "Отправить"
    page.keyboard.press("Enter")  # sent in place (static/js/feedback.js): the page stays, focus goes to the thanks
    thanks = page.locator("#feedback .feedback-live")
    thanks.wait_for()
    assert thanks.inner_text() == "Спасибо за отзыв. Редакторы читают каждое сообщение."
    assert page.evaluate("document.activeElement.classList.contains('feedback-live')")
    assert page.url.endswith("/ru/guides/eds/") and page.locator("#feedback form").count() == 0


def test_yes_and_no_are_sent_in_place_with_the_keyboard(page):
    page.goto("/kk/guides/eds/")
    page.locator("#feedback button[value=no]").focus()
    page.keyboard.press("Enter")
    notice = page.locator("#feedback .feedback-live")
    notice.wait_for()
    assert notice.inner_text() == "Рахмет. Не дұрыс болмады? Төменде жазыңыз."
    assert page.locator("#feedback details").evaluate("el => el.open")  # the report form opens under it
    assert page.evaluate("document.activeElement.classList.contains('feedback-live')")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "feedback-doing"
    page.goto("/en/guides/eds/")
    page.locator("#feedback button[value=yes]").focus()
    page.keyboard.press("Enter")
    page.locator("#feedback .feedback-live").wait_for()
    assert page.locator("#feedback .feedback-live").inner_text().startswith("Thank you for your feedback.")
    assert page.url.endswith("/en/guides/eds/")


def test_a_refused_report_is_announced_in_place_and_keeps_what_was_typed(page):
    limited = "We received many reports from you in a short time. Please try again in an hour."
    page.route(  # the server's answer to a client over the limit (feedback/views.py), without spending it
        "**/en/feedback/",
        lambda route: route.fulfill(
            status=429, content_type="application/json", body=json.dumps({"errors": [limited]})
        ),
    )
    page.goto("/en/guides/eds/")
    page.locator("#feedback summary").click()
    page.locator("#feedback-wrong").fill("The fee is wrong")
    page.locator(".feedback-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    alert = page.locator("#feedback [role=alert]")
    alert.wait_for()
    assert alert.inner_text() == limited
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
    assert page.locator("#feedback-wrong").input_value() == "The fee is wrong"
    assert page.url.endswith("/en/guides/eds/")


def test_without_javascript_the_form_still_posts_and_comes_back(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/ru/guides/passport/")
    tab.locator("#feedback button[value=yes]").click()
    tab.wait_for_url("**/ru/guides/passport/?feedback=sent#feedback")
    assert "Спасибо за отзыв." in tab.locator("#feedback").inner_text()
    context.close()


# --- Comfortable reading: the theme, the width, reading offline -----------------------------------


def background(tab):
    return tab.evaluate("getComputedStyle(document.body).backgroundColor")


LIGHT, DARK = "rgb(255, 255, 255)", "rgb(20, 24, 29)"


def test_the_system_theme_applies_without_javascript(browser, site):
    for scheme, colour in (("dark", DARK), ("light", LIGHT)):
        context = browser.new_context(base_url=site, java_script_enabled=False, color_scheme=scheme)
        tab = context.new_page()
        tab.goto("/kk/constitution/article/1/")
        assert background(tab) == colour, scheme
        assert tab.locator(".theme-toggle").count() == 0  # the button comes with the script
        context.close()


def test_the_theme_button_works_with_the_keyboard_and_is_remembered_without_a_cookie(page):
    page.goto("/ru/guides/eds/")
    toggle = page.locator("button.theme-toggle")
    assert toggle.inner_text() == "Тёмная тема" and toggle.get_attribute("aria-pressed") == "false"
    assert background(page) == LIGHT
    for _ in range(10):  # the button is in the header, a few Tab stops from the top
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('theme-toggle')"):
            break
    else:
        pytest.fail("the theme button never got the focus")
    page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("data-theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true" and background(page) == DARK
    page.reload()
    assert page.locator("html").get_attribute("data-theme") == "dark" and background(page) == DARK
    assert page.locator("button.theme-toggle").get_attribute("aria-pressed") == "true"
    page.goto("/kk/")  # every page, every language
    assert background(page) == DARK
    page.locator("button.theme-toggle").focus()
    page.keyboard.press("Space")
    assert page.locator("html").get_attribute("data-theme") == "light" and background(page) == LIGHT
    assert page.context.cookies() == []


def test_a_reader_who_chose_light_keeps_it_on_a_dark_system(browser, site):
    context = browser.new_context(base_url=site, color_scheme="dark")
    tab = context.new_page()
    tab.goto("/en/")
    assert background(tab) == DARK and tab.locator("button.theme-toggle").get_attribute("aria-pressed") == "true"
    tab.locator("button.theme-toggle").click()
    tab.reload()
    assert background(tab) == LIGHT and tab.locator("button.theme-toggle").get_attribute("aria-pressed") == "false"
    assert context.cookies() == []
    context.close()


def test_the_dark_theme_never_reaches_print(browser, site):
    context = browser.new_context(base_url=site, color_scheme="dark")
    tab = context.new_page()
    tab.goto("/en/guides/eds/")
    tab.emulate_media(media="print")
    assert background(tab) == LIGHT
    context.close()


@pytest.mark.parametrize("kind", ["home", "article", "guide-tables", "essay-charts", "letter-form", "accessibility"])
def test_text_reflows_at_200_percent_zoom(browser, site, kind):
    """200% zoom of a 1280-pixel window is a 640-pixel one: no sideways scrolling of the page (wide tables
    scroll in their own region), and lines of text no longer than the reading measure."""
    context = browser.new_context(base_url=site, viewport={"width": 640, "height": 450})
    tab = context.new_page()
    tab.goto(PAGE_TYPES[kind].format(lang="kk"))
    wide = tab.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 1 && !e.closest('.table-scroll')"
        " && !(e.ownerSVGElement)).map(e => e.outerHTML.slice(0, 120)).slice(0, 5)"
    )
    assert wide == [] and tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    widest = tab.evaluate(
        "Math.max(...Array.from(document.querySelectorAll('main p')).map(p => p.getBoundingClientRect().width))"
    )
    assert widest <= 42 * 16
    context.close()


def kept_paths(tab):
    return tab.evaluate(
        """async () => { const found = [];
            for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) found.push(new URL(request.url).pathname
                    + new URL(request.url).search);
            }
            return found; }"""
    )


def wait_for_worker(tab):
    tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
    tab.wait_for_function("navigator.serviceWorker.controller !== null")


def wait_until(tab, function, arg=None, timeout=60):
    """Poll ``function`` (JavaScript, may return a promise) in the page until it gives a truthy value.
    Playwright's ``wait_for_function`` does not await a promise, and a promise is truthy: a wait on the
    Cache API written with it returned at once, and the test then raced the service worker."""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(function, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {function} ({arg!r})")
        time.sleep(0.2)


KEPT_IN_THE_CURRENT_CACHE = """async (paths) => {
    const names = (await caches.keys()).filter((name) => name.startsWith('azamat-pages-'));
    if (names.length !== 1) return false;  // a new version's worker is taking over
    const pages = await caches.open(names[0]);
    for (const path of paths) if (!(await pages.match(path))) return false;
    return true; }"""


def test_pages_read_before_and_the_whole_constitution_are_there_offline(browser, site):
    context = browser.new_context(base_url=site)
    tab = context.new_page()
    tab.goto("/ru/guides/eds/")
    wait_for_worker(tab)
    tab.reload()  # now through the worker, which keeps the page and the whole Constitution in Russian
    tab.goto("/ru/forms/lost-id-card/")  # a letter: never kept
    tab.goto("/ru/guides/eds/?feedback=sent")  # an address with a query: never kept
    wait_until(tab, KEPT_IN_THE_CURRENT_CACHE, ["/ru/guides/eds/", "/ru/constitution/full/"])
    kept = kept_paths(tab)
    assert {"/ru/guides/eds/", "/ru/constitution/full/", "/kk/offline/", "/ru/offline/", "/en/offline/"} <= set(kept), (
        tab.evaluate("caches.keys()"),
        [path for path in kept if "/static/" not in path],
    )
    assert not [path for path in kept if path.startswith("/admin/") or "/forms/" in path or "?" in path], kept
    assert "/kk/constitution/full/" not in kept  # the reader's language only

    context.set_offline(True)
    tab.goto("/ru/guides/eds/")
    assert tab.locator("ol.steps li").count() >= 10
    tab.goto("/ru/constitution/full/")
    assert tab.locator("h1").count() == 1 and "Нет соединения" not in tab.locator("h1").inner_text()
    assert background(tab) == LIGHT  # the stylesheet came from the cache
    tab.goto("/ru/essays/")  # never opened: the offline page in the page's language
    assert tab.locator("h1").inner_text() == "Нет соединения"
    tab.goto("/ru/forms/lost-id-card/")
    assert tab.locator("h1").inner_text() == "Нет соединения"
    context.set_offline(False)
    context.close()


def test_the_admin_is_never_kept(browser, site):
    context = browser.new_context(base_url=site)
    tab = context.new_page()
    tab.goto("/en/")
    wait_for_worker(tab)
    tab.goto("/admin/login/?next=/admin/")
    tab.fill("#id_username", EDITOR[0])
    tab.fill("#id_password", EDITOR[1])
    tab.locator("input[type=submit]").click()
    tab.wait_for_url("**/admin/")
    tab.goto("/en/guides/eds/")  # an editor's page is private: not kept either
    tab.goto("/en/")
    kept = kept_paths(tab)
    assert not [path for path in kept if path.startswith("/admin/")], kept
    assert "/en/guides/eds/" not in kept
    context.close()


def test_a_change_of_content_installs_a_new_worker_that_keeps_the_pages_and_drops_old_caches(browser, site):
    reader = browser.new_context(base_url=site)
    tab = reader.new_page()
    tab.goto("/kk/guides/passport/")
    wait_for_worker(tab)
    tab.reload()
    wait_until(tab, KEPT_IN_THE_CURRENT_CACHE, ["/kk/guides/passport/", "/kk/constitution/full/"])
    before = tab.evaluate("caches.keys()")
    editor = browser.new_context(base_url=site).new_page()
    editor.goto("/admin/login/?next=/admin/")
    editor.fill("#id_username", EDITOR[0])
    editor.fill("#id_password", EDITOR[1])
    editor.locator("input[type=submit]").click()
    editor.wait_for_url("**/admin/")
    editor.goto("/admin/guides/guide/?q=passport")
    editor.locator("#result_list tbody th a").first.click()
    editor.locator("input[name=_save]").click()  # saved as it was: the content version moves all the same
    editor.locator(".messagelist .success").wait_for()
    editor.context.close()
    time.sleep(1.5)  # each server process remembers the version for a second
    tab.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_until(
        tab, "(old) => caches.keys().then(names => names.length === 2 && !names.some(n => old.includes(n)))", before
    )
    kept = kept_paths(tab)
    assert {"/kk/guides/passport/", "/kk/constitution/full/", "/kk/offline/"} <= set(kept), kept
    reader.close()
