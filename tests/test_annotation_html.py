"""The HTML annotation page in a real headless Chromium: cards on hover, focus and tap.

Debian's ``chromium`` and ``chromium-driver`` are driven through Selenium. ``.ci/run``
installs them; a machine without them fails here with the command that installs them
(never a skip: the page's behaviour is only known from a browser).
"""

from __future__ import annotations

import html
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossary.annotation import annotate
from glossary.annotation_html import render_html
from glossary.model import Glossary, Kind, Lang, Status, Term

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
#: A phone-sized window, so the cards must fit a touch screen.
WINDOW = (700, 900)
GLOSSARY = Glossary(
    (
        Term("secretary-of-state", en="Secretary of State", ru="государственный секретарь",
             ru_variants=("госсекретарь",), ru_forbidden=("секретарь государства",),
             kind=Kind.TITLE, status=Status.REVIEWED,
             definition="Head of the foreign ministry of the United States."),
        Term("sphere-of-influence", en="sphere of influence", ru="сфера влияния",
             ru_forbidden=("зона интереса",), status=Status.DRAFT,
             definition="A region another power dominates.", note="Not «зона интересов»."),
        Term("influence", en="influence", ru="влияние", status=Status.REVIEWED),
    )
)  # fmt: skip
#: Invented text.
TEXT = (
    "The Secretary of State spoke of a sphere of influence.\n\n"
    "Critics said the sphere of influence <is> a relic & more."
)


def _page(tmp_path: Path) -> Path:
    items = annotate(TEXT, GLOSSARY)
    path = tmp_path / "page.html"
    path.write_text(render_html(TEXT, items, "briefing — glossary terms", Lang.EN), "utf-8")
    return path


def test_page_without_a_browser(tmp_path: Path) -> None:
    page = _page(tmp_path).read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in page and " src=" not in page and "<link" not in page
    assert " title=" not in page  # one tooltip: the card, not a second one from title
    assert "&lt;is&gt; a relic &amp; more" in page
    marks = re.findall(r'<mark class="([^"]+)" tabindex="0" lang="(\w+)"', page)
    assert marks == [("term", "en"), ("term unreviewed", "en"), ("term unreviewed", "en")]
    assert '<span lang="ru">секретарь государства</span>' in page
    assert '<span lang="ru">госсекретарь</span>' in page
    assert html.escape("Not «зона интересов».") in page


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    binary = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.fail(
            "the HTML test needs a headless Chromium and its driver: "
            "apt-get install -y chromium chromium-driver (.ci/run installs them)"
        )
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("the HTML test drives Chromium through Selenium: pip install -e '.[test]'")

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()


def _card_shown(browser: Any, mark: Any) -> bool:
    card = mark.find_element("css selector", ".card")
    return bool(card.is_displayed())


def test_cards_show_on_focus_hover_and_tap(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput
    from selenium.webdriver.common.keys import Keys

    path = _page(tmp_path)
    browser.get(path.as_uri())
    marks = browser.find_elements("css selector", "mark.term")
    assert [m.get_attribute("data-id") for m in marks] == [
        "secretary-of-state",
        "sphere-of-influence",
        "sphere-of-influence",
    ]
    # the DOM: no scripts, no external resources, languages marked, one tooltip
    assert browser.execute_script("return document.scripts.length") == 0
    assert (
        browser.execute_script("return [...document.querySelectorAll('[src],[href],link')].length")
        == 0
    )
    assert browser.execute_script("return document.documentElement.lang") == "en"
    assert browser.execute_script("return document.querySelectorAll('[title]').length") == 0
    assert not any(_card_shown(browser, m) for m in marks)

    # keyboard: Tab reaches the first term and its card shows variants and forbidden ones
    browser.find_element("css selector", "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("data-id") == "secretary-of-state"
    assert _card_shown(browser, marks[0])
    card = marks[0].find_element("css selector", ".card")
    assert "государственный секретарь" in card.text
    assert "ru variants: госсекретарь" in card.text
    assert "do not use (ru): секретарь государства" in card.text
    rendering = card.find_element("css selector", ".rendering")
    assert rendering.get_attribute("lang") == "ru"
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom, window.innerWidth];",
        card,
    )
    assert box[0] >= 0 and box[2] <= box[4], f"the card leaves the window: {box}"
    screenshot = tmp_path / "focused-card.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    if keep := os.environ.get("GLOSSARY_SCREENSHOTS"):  # to look at it yourself
        shutil.copy(screenshot, Path(keep) / screenshot.name)

    # Tab again: the next term, the first card hides
    active.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("data-id") == "sphere-of-influence"
    assert not _card_shown(browser, marks[0]) and _card_shown(browser, marks[1])
    assert "not reviewed" in marks[1].find_element("css selector", ".card").text

    # hover with the mouse
    browser.execute_script("document.activeElement.blur()")
    ActionChains(browser).move_to_element(marks[2]).perform()
    assert _card_shown(browser, marks[2])

    # a tap with a finger (touch pointer) on the first term focuses it and shows its card
    touch = PointerInput("touch", "finger")
    actions = ActionBuilder(browser, mouse=touch)
    actions.pointer_action.move_to(marks[0]).pointer_down().pointer_up()
    actions.perform()
    assert browser.switch_to.active_element.get_attribute("data-id") == "secretary-of-state"
    assert _card_shown(browser, marks[0])
