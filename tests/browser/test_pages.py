"""Every kind of page in a real browser: accessibility, console, small screens, keyboard, no JavaScript, print."""

import pytest

from tests.browser.conftest import PAGES_FOR_CHECKS

pytestmark = pytest.mark.browser

PAGES = PAGES_FOR_CHECKS
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _open(browser, url, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(url)
    return context, page, response, problems


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations_and_no_console_errors(browser, site_url, axe_source, name):
    context, page, response, problems = _open(browser, site_url + PAGES[name], bypass_csp=True)
    try:
        assert response.status == (404 if name == "not found" else 200)
        page.add_script_tag(content=axe_source)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
        violations = [(v["id"], v["help"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == []
        assert [p for p in problems if "404" not in p or name != "not found"] == []
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scroll_at_320_pixels(browser, site_url, name):
    context, page, _, _ = _open(browser, site_url + PAGES[name], viewport={"width": 320, "height": 640})
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        context.close()


@pytest.mark.parametrize("zoom", [2, 4])
def test_zoomed_text_still_fits(browser, site_url, zoom):
    # 200% and 400% zoom on a 1280 px screen leave 640 and 320 CSS pixels.
    context, page, _, _ = _open(
        browser, site_url + PAGES["nerve blocks"], viewport={"width": 1280 // zoom, "height": 720 // zoom}
    )
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        context.close()


def test_keyboard_reaches_skip_link_navigation_and_search_in_order(browser, site_url):
    context, page, _, _ = _open(browser, site_url + "/")
    try:
        order = []
        for _ in range(9):
            page.keyboard.press("Tab")
            order.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.id"))
        assert order[0] == "Skip to main content"
        assert order.index("Treatments") < order.index("Glossary") < order.index("site-search") < order.index("Search")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.goto(site_url + "/")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        context.close()


@pytest.mark.parametrize("name", ["home", "article", "nerve blocks", "condition", "glossary"])
def test_pages_work_without_javascript(browser, site_url, name):
    context, page, response, _ = _open(browser, site_url + PAGES[name], java_script_enabled=False)
    try:
        assert response.status == 200
        assert page.locator("main h1").count() == 1
        assert page.locator("[data-print-button]").is_hidden() if page.locator("[data-print-button]").count() else True
        page.fill("#site-search", "sciatica")
        page.press("#site-search", "Enter")
        page.wait_for_url("**/search/?q=sciatica")
        assert page.locator("#search-results").count() == 1
    finally:
        context.close()


def test_print_button_appears_where_scripts_run(browser, site_url):
    context, page, _, problems = _open(browser, site_url + PAGES["nerve blocks"])
    try:
        assert page.locator("[data-print-button]").is_visible()
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["article", "nerve blocks", "condition"])
def test_pages_print_as_a_clean_handout(browser, site_url, name):
    context, page, _, _ = _open(browser, site_url + PAGES[name])
    try:
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "['.site-header', '.site-footer', '.breadcrumbs', '.skip-link', '.print-action']"
            ".map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)"
        )
        assert set(hidden) == {"none"}
        assert page.evaluate("getComputedStyle(document.querySelector('.print-footer')).display") == "block"
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        link_suffix = page.evaluate("getComputedStyle(document.querySelector('main a[href^=\"/\"]'), '::after').content")
        assert link_suffix.startswith('" (')
        footer = page.locator(".print-footer").inner_text()
        assert site_url + PAGES[name] in footer and ("reviewed" in footer.lower())
        assert len(page.pdf()) > 1000
    finally:
        context.close()


def test_dark_scheme_and_reduced_motion_are_respected(browser, site_url):
    context, page, _, _ = _open(browser, site_url + "/", color_scheme="dark", reduced_motion="reduce")
    try:
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(22, 21, 19)"
    finally:
        context.close()


def test_feedback_is_sent_in_place_and_the_thanks_is_announced(browser, site_url):
    path = PAGES["epidural steroid injections"]
    context, page, _, problems = _open(browser, site_url + path)
    try:
        page.get_by_label("Yes").check()
        page.fill("#feedback-comment", "How long does the numbness last?")
        page.get_by_role("button", name="Send").click()
        thanks = page.locator(".feedback-done")
        thanks.wait_for(state="visible")
        assert page.url == site_url + path
        assert page.locator(".feedback-form").is_hidden()
        assert page.evaluate("document.activeElement.classList.contains('feedback-done')")
        assert thanks.get_attribute("role") == "status"
        assert problems == []
    finally:
        context.close()


def test_feedback_without_javascript_answers_with_a_thank_you_page_that_leads_back(browser, site_url):
    path = PAGES["spanish treatment"]
    context, page, _, _ = _open(browser, site_url + path, java_script_enabled=False)
    try:
        page.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Enviar").click()
        page.wait_for_load_state()
        assert page.locator("main h1").inner_text() == "Gracias"
        page.get_by_role("link", name="Volver a la página que estaba leyendo").click()
        page.wait_for_url(site_url + path)
    finally:
        context.close()


def test_feedback_cannot_be_sent_without_an_answer(browser, site_url):
    context, page, _, _ = _open(browser, site_url + PAGES["your procedure day"])
    try:
        page.get_by_role("button", name="Send").click()
        assert page.url == site_url + PAGES["your procedure day"]
        assert page.locator(".feedback-form").is_visible()
        assert page.evaluate("document.querySelector('input[name=helpful]').validity.valueMissing")
    finally:
        context.close()
