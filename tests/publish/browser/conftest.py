"""One headless Chromium per test session, driven by Playwright, for the interactive page.

Debian's ``chromium`` (installed by ``make test``, as Graphviz is) runs the
pages: Playwright's own browser download is not used. Every page is opened
from disk (``file://``) with every request other than the file itself
recorded and refused, and every console error or warning, uncaught
exception and dialog recorded: a test fails at teardown if there was any.
Timings the tests measure are printed at the end of the run.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # the test extra installs it; without it, say so
    sync_playwright = None

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}
TIMINGS: list[str] = []

needs_browser = pytest.mark.skipif(
    CHROMIUM is None or sync_playwright is None,
    reason="needs Chromium and the playwright package (make test installs both: apt-get install chromium; pip install -e '.[test]')",
)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """An open page and what it did: requests other than its file, console errors, dialogs."""

    page: Page
    url: str
    left: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shown_map(self):
        """The full map's <svg> (the overview, when there is one, comes first)."""
        return self.page.locator("#map > svg").last


@pytest.fixture
def open_page(browser):
    contexts, tabs = [], []

    def open_(path: Path, hash: str = "", viewport: dict | None = None) -> Tab:
        context = browser.new_context(viewport=viewport or VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        tab = Tab(page, url)

        def route(route):
            if route.request.url.split("#")[0] == url:
                route.continue_()
            else:
                tab.left.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("console", lambda message: tab.errors.append(f"{message.type}: {message.text}") if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: tab.errors.append(f"exception: {error}"))
        page.on("dialog", lambda dialog: (tab.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(url + hash)
        page.wait_for_selector("html[data-ready]", state="attached")
        tabs.append(tab)
        return tab

    yield open_
    for tab in tabs:
        assert tab.left == [], f"requests left the page: {tab.left}"
        assert tab.errors == [], f"the page logged errors: {tab.errors}"
    for context in contexts:
        context.close()


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.write_sep("-", "interactive page, measured in Chromium")
        for line in TIMINGS:
            terminalreporter.write_line(line)
